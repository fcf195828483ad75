"""Benchmark of the coverage map page: bytes per map view and server time of a filter change and a click.

Run: .venv/bin/python bench/bench_map.py  (prints a table; goals: < 150 KB, < 300 ms)

Each region of the demo database, plus a synthetic kabupaten of 300 square kecamatan added to a
copy of it, is opened in AppTest at the map page. "bytes" is the map element as the server sends
it (streamlit-folium's arguments: base map, coloured layer, legend); "filter" is a rerun after the
metric changes; "click" is a rerun after a click has selected a kecamatan (the callback's state
change, then the run it causes); "map" is the map's own part of a filter change (figures, classes,
layer, the strings streamlit-folium sends), timed without Streamlit. Times are medians, server side
only; on a shared machine they vary with its load. In the browser the map's websocket frame measured
51.8 KB (Padang) and 134.9 KB (Jember), matching the "KB/view" column plus the message envelope.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402
from streamlit_folium import _get_feature_group_string, _get_map_string  # noqa: E402

from ucj.build import build  # noqa: E402
from ucj.db import run_query  # noqa: E402
from ucj.map.choropleth import base_map, choropleth_layer  # noqa: E402
from ucj.map.coverage_metrics import Inputs, Selection, area_values, as_mappings, default_month  # noqa: E402
from ucj.map.focus import Focus  # noqa: E402
from ucj.map.geometry import feature_collection  # noqa: E402
from ucj.map.metric_style import classes_for, formatter  # noqa: E402

REPEATS = 5
GRID = (20, 15)  # 300 kecamatan
SYNTHETIC = ("99.01", "sintetis")
METRICS = ("active", "coverage")


def _square(x: int, y: int, size: float = 0.02) -> str:
    lon, lat = 110.0 + x * size, -7.0 - y * size
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat - size], [lon, lat - size], [lon, lat]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def add_synthetic_region(path: Path) -> None:
    """A kabupaten of 300 square kecamatan with a workforce figure and six months of participants
    counted from an extract (kind 'upload'), as a Pemda's rekonsiliasi leaves them."""
    kode_kab, slug = SYNTHETIC
    with duckdb.connect(str(path)) as con:
        con.execute(
            "insert into region by name select ? as kode_kab, ? as slug, 'Kabupaten Sintetis' as nama,"
            " 'kabupaten' as jenis, '99' as kode_prov, 'Uji' as provinsi, 1000 as luas_km2, false as is_demo",
            [kode_kab, slug],
        )
        for i in range(GRID[0] * GRID[1]):
            kode = f"{kode_kab}.{i + 1:03d}"
            con.execute(
                "insert into kecamatan by name select ? as kode_kec, ? as kode_kab, ? as nama, 4.0 as luas_km2,"
                " 5 as jumlah_desa_kel",
                [kode, kode_kab, f"Kecamatan {i + 1}"],
            )
            con.execute(
                "insert into boundary values (?, 'kecamatan', ?, 'sintetis')", [kode, _square(*divmod(i, GRID[1]))]
            )
            con.execute(
                "insert into workforce by name select ? as kode_wilayah, 'kecamatan' as level, date '2024-01-01'"
                " as period, ? as persons, 'estimate' as kind, 'domain_brief' as source_id, 'sintetis' as method",
                [kode, 10_000 + 37 * i],
            )
            for month in range(1, 7):
                for segment, base in (("ALL", 3_000), ("PU", 2_500), ("BPU", 500)):
                    con.execute(
                        "insert into participants by name select ? as kode_wilayah, 'kecamatan' as level,"
                        " ? as period, ? as segment, 'active' as status, ? as persons, 'upload' as kind,"
                        " 'domain_brief' as source_id, 1 as import_id",
                        [kode, dt.date(2024, month, 1), segment, base + (i * 13 + month * 7) % 900],
                    )


def _median_ms(at: AppTest, change) -> float:
    times = []
    for i in range(REPEATS):
        change(i)
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times)


def measure(slug: str) -> dict[str, object]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["region"] = slug
    at.query_params["lang"] = "id"
    at.run()
    at.switch_page("views/map.py")
    started = time.perf_counter()
    at.run()
    first = (time.perf_counter() - started) * 1000
    assert not at.exception, at.exception
    sizes = {}
    for metric in METRICS:
        at.selectbox(key="peta_metric").select(metric)
        at.run()
        sizes[metric] = len(at.get("component_instance")[0].proto.SerializeToString())
    filter_ms = _median_ms(at, lambda i: at.selectbox(key="peta_metric").select(METRICS[i % 2]))
    kodes = _kecamatan_codes(slug)
    click_ms = _median_ms(at, lambda i: at.session_state.__setitem__("peta_focus", Focus(kec=kodes[i % len(kodes)])))
    return {
        "region": slug,
        "areas": len(kodes),
        "kb": max(sizes.values()) / 1024,
        "first": first,
        "filter": filter_ms,
        "click": click_ms,
        "map": map_build_ms(slug),
    }


def map_build_ms(slug: str) -> float:
    """The map's own share of a filter change: figures, classes, layer and the strings st_folium sends."""
    with duckdb.connect(os.environ["UCJ_DEMO_DB"], read_only=True) as con:
        (kode_kab,) = con.execute("select kode_kab from region where slug = ?", [slug]).fetchone()
        rows = {
            q: run_query(con, q, kode_kab=kode_kab, level="kecamatan") for q in ("map_participants", "map_workforce")
        }
        inputs = Inputs(
            rows["map_participants"], rows["map_workforce"], run_query(con, "map_targets", kode_kab=kode_kab), kode_kab
        )
        features = feature_collection(run_query(con, "map_boundaries", kode_kab=kode_kab, level="kecamatan"))
    areas = [f["properties"]["kode"] for f in features["features"]]
    month = default_month(inputs.participants, inputs.workforce)
    times = []
    for i in range(REPEATS):
        started = time.perf_counter()
        metric = METRICS[i % 2]
        values = area_values(areas, inputs, Selection(metric, month))
        layer = choropleth_layer(
            features,
            *as_mappings(values),
            classes_for(metric, values["value"]),
            label=metric,
            fmt_value=formatter(metric, "id"),
        )
        base = base_map(features)
        base.render()
        _get_map_string(base)
        _get_feature_group_string(layer, base)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _kecamatan_codes(slug: str) -> list[str]:
    with duckdb.connect(os.environ["UCJ_DEMO_DB"], read_only=True) as con:
        return [
            kode
            for (kode,) in con.execute(
                "select kode_kec from kecamatan join region using (kode_kab) where slug = ? order by 1", [slug]
            ).fetchall()
        ]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        build(out=db)
        add_synthetic_region(db)
        os.environ["UCJ_DEMO_DB"] = str(db)
        rows = [measure(slug) for slug in ("padang", "sijunjung", "probolinggo", "jember", SYNTHETIC[1])]
    print(f"{'region':<12} {'areas':>5} {'KB/view':>8} {'first ms':>9} {'filter ms':>10} {'click ms':>9} {'map ms':>7}")
    for r in rows:
        times = f"{r['first']:>9.0f} {r['filter']:>10.0f} {r['click']:>9.0f} {r['map']:>7.0f}"
        print(f"{r['region']:<12} {r['areas']:>5} {r['kb']:>8.1f} {times}")
    print("goals: < 150 KB per view, < 300 ms per filter change or click (server side, AppTest)")


if __name__ == "__main__":
    main()
