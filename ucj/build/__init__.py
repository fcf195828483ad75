"""Build the demo database from the CSV seeds in data/seed and the boundaries in geo/.

Deterministic: the same inputs give the same rows. The database is written to a temporary file
and moved into place only when every step and check has passed (the data audit of
`ucj.build.data_audit` among them), so a failed build never leaves a half-built database where the app
reads.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from ucj import audit, schema
from ucj.build import data_audit
from ucj.build.estimate import equal_desa_weights, interpolate_months, kecamatan_weights, spread
from ucj.build.geo_files import BOUNDARY_SOURCE, DESA_FILES, KECAMATAN_FILES, read_features
from ucj.db import run_query
from ucj.paths import DEMO_DB, GEO, SEED
from ucj.subsidy import rules

# Seed files that feed a derivation step rather than a table of the same name.
DERIVATION_SEEDS = {"measures_from_figures", "kecamatan_population"}
MEASURE_TABLES = ("population", "workforce", "participants", "target")
# Padang is the one region with kelurahan polygons for all its kecamatan; Wuluhan's desa keep
# only what is published for them (Dukuhdempok), so they are not spread into.
DESA_SPREAD_REGIONS = ("13.71",)


@dataclass(frozen=True)
class BuildReport:
    path: Path
    seconds: float
    rows: dict[str, int]


def build(out: Path = DEMO_DB, seed: Path = SEED, geo: Path = GEO) -> BuildReport:
    """Create the database at `out` from scratch and return what it holds."""
    started = time.perf_counter()
    tmp = out.with_name(out.name + ".building")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        schema.create(con)
        _load_wilayah(con, seed, geo)
        _load_table_seeds(con, seed)
        _load_measures(con, seed)
        _add_estimates(con)
        data_audit.check(con, rules.load())
        audit.record(
            con,
            actor="build",
            action="build_demo",
            target_table="participants",
            detail="dibangun dari data/seed",
            rows_before=0,
            rows_after=_rows(con, "participants"),
        )
        rows = {name: _rows(con, name) for name in _tables(con)}
        con.checkpoint()
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, out)
    return BuildReport(out, time.perf_counter() - started, rows)


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return run_query(con, "build_tables")["table_name"].tolist()


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(run_query(con, "build_table_rows", table_name=table)["row_count"].iloc[0])


def _read_seed(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.append(table, frame, by_name=True)


def _load_wilayah(con: duckdb.DuckDBPyConnection, seed: Path, geo: Path) -> None:
    regions = _read_seed(seed / "regions.csv")
    kec_rows, desa_rows, boundaries = [], [], []
    for name in KECAMATAN_FILES.values():
        for f in read_features(name, geo):
            p = f["properties"]
            kec_rows.append(
                {k: p[k] for k in ("kode_kec", "kode_kab", "luas_km2", "jumlah_desa_kel")} | {"nama": p["nama_kec"]}
            )
            boundaries.append(
                {
                    "kode": p["kode_kec"],
                    "level": "kecamatan",
                    "geojson": json.dumps(f["geometry"], separators=(",", ":")),
                }
            )
    for name in DESA_FILES:
        for f in read_features(name, geo):
            p = f["properties"]
            desa_rows.append(
                {k: p[k] for k in ("kode_desa", "kode_kec", "jenis", "luas_km2")} | {"nama": p["nama_desa"]}
            )
            boundaries.append(
                {"kode": p["kode_desa"], "level": "desa", "geojson": json.dumps(f["geometry"], separators=(",", ":"))}
            )
    kecamatan = pd.DataFrame(kec_rows)
    area = kecamatan.groupby("kode_kab")["luas_km2"].sum().round(3)
    regions["luas_km2"] = regions["kode_kab"].map(area)
    _insert(con, "region", regions)
    _insert(con, "kecamatan", kecamatan)
    _insert(con, "desa", pd.DataFrame(desa_rows))
    _insert(con, "boundary", pd.DataFrame(boundaries).assign(source=BOUNDARY_SOURCE))


def _load_table_seeds(con: duckdb.DuckDBPyConnection, seed: Path) -> None:
    """Every data/seed/<table>.csv goes into the table of that name; an unknown file is an error.

    Tables are filled in the order the schema creates them, so foreign keys find their targets.
    """
    tables = _tables(con)
    files = {p.stem: p for p in seed.glob("*.csv") if p.stem not in DERIVATION_SEEDS and p.stem != "regions"}
    unknown = sorted(set(files) - set(tables))
    if unknown:
        raise ValueError(f"{seed}: no table for the seed files {', '.join(unknown)}")
    for name in tables:
        if name in files:
            _insert(con, name, _read_seed(files[name]))


def _take_bound(take: str) -> str | None:
    """The bound a measure keeps from how it takes its figure: the low end of "more than 46.000" (or of
    a range) is a lower bound, and so is a lower bound divided by a published rate; a high end an upper one."""
    if take == "low" or take.startswith("low_over_rate:"):
        return "lower"
    return "upper" if take == "high" else None


def _figure_value(figure: pd.Series, take: str, figures: pd.DataFrame) -> float:
    """The number a measure takes from its figure; `low_over_rate:<id>` divides by a published rate."""
    if take.startswith("low_over_rate:"):
        rate = figures.loc[take.split(":", 1)[1], "value"]
        return float(figure["value_low"]) / (float(rate) / 100)
    if take == "value":
        return float(figure["value"])
    if take == "midpoint":
        return (float(figure["value_low"]) + float(figure["value_high"])) / 2
    if take in ("low", "high"):
        return float(figure[f"value_{take}"])
    raise ValueError(f"unknown take: {take!r}")


def _load_measures(con: duckdb.DuckDBPyConnection, seed: Path) -> None:
    """Structured measures that point at published figures, plus published kecamatan population."""
    figures = run_query(con, "build_published_figures").set_index("figure_id")
    plan = _read_seed(seed / "measures_from_figures.csv")
    by_table: dict[str, list[dict]] = {t: [] for t in MEASURE_TABLES}
    for i, row in enumerate(plan.to_dict("records"), start=2):
        if row["figure_id"] not in figures.index:
            raise ValueError(f"measures_from_figures.csv row {i}: figure_id {row['figure_id']!r} does not exist")
        figure = figures.loc[row["figure_id"]]
        value = _figure_value(figure, row["take"], figures)
        record = {
            "kode_wilayah": row["kode_wilayah"],
            "level": row["level"],
            "kind": row["kind"],
            "source_id": figure["source_id"],
            "figure_id": row["figure_id"],
            "method": row["method"],
        }
        if row["table"] in ("workforce", "participants"):
            record["bound"] = _take_bound(row["take"])
        table = row["table"]
        if table == "target":
            year = int(row["period"][:4]) if row["period"] else None
            record |= {"year": year, "segment": row["segment"], "metric": row["metric"], "value": value}
        elif table == "population":
            record |= {"year": int(row["period"][:4]), "persons": round(value)}
        else:
            record |= {"period": pd.Timestamp(row["period"]).date(), "persons": round(value)}
            if table == "participants":
                record |= {"segment": row["segment"], "status": row["status"]}
        by_table[table].append(record)
    for table, records in by_table.items():
        _insert(con, table, pd.DataFrame(records))
    kec_pop = _read_seed(seed / "kecamatan_population.csv").assign(level="kecamatan", kind="published")
    _insert(con, "population", kec_pop.astype({"year": int, "persons": int}))


def _add_estimates(con: duckdb.DuckDBPyConnection) -> None:
    source_rows = run_query(con, "build_sources")
    sources = dict(zip(source_rows["source_id"], source_rows["short"]))
    kecamatan = run_query(con, "build_kecamatan")
    kec_pop = run_query(con, "build_kecamatan_population")
    weights = kecamatan_weights(kecamatan, kec_pop, sources)

    participants = run_query(con, "build_region_rows", table_name="participants")
    participants["period"] = pd.to_datetime(participants["period"]).dt.date
    # Only active counts move month by month; registrations are one-off lists (an SK, a date).
    active = participants[participants["status"] == "active"]
    filled = [interpolate_months(series) for _, series in active.groupby(["kode_wilayah", "segment"])]
    _insert(con, "participants", pd.concat(filled, ignore_index=True))

    desa = run_query(con, "build_desa")
    desa_weights = equal_desa_weights(desa[desa["kode_kec"].str[:5].isin(DESA_SPREAD_REGIONS)])
    for table in ("workforce", "participants"):
        parents = run_query(con, "build_region_rows", table_name=table)
        kec_rows = spread(parents, weights, "kecamatan")
        _insert(con, table, kec_rows)
        _insert(con, table, spread(kec_rows, desa_weights, "desa"))
