"""The national reference data in geo/national/: every area code and name of Indonesia, the polygons of
every province, kab/kota and kecamatan, desa polygons of Sumatera Barat and Jawa Timur, and kab/kota
area and population (see geo/national/PROVENANCE.md).

Files are read with a filter on the kab/kota or province asked for, so only that part of a
national layer is ever loaded, and nothing here is sent to a browser as it stands: the map
simplifies it for the zoom (ucj.map.geometry).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
import pyarrow.parquet as pq
import shapely

from ucj.paths import GEO

NATIONAL = GEO / "national"
# Desa/kelurahan polygons exist for these provinces only (the rest upload theirs, as before).
DESA_PROVINCES = ("13", "35")
KODE_KAB = re.compile(r"^\d{2}\.\d{2}$")
SOURCE_CODES = "kemendagri_wilayah_2025"
SOURCE_POPULATION = "dukcapil_2024"
POPULATION_YEAR = 2024  # Dukcapil, Data Kependudukan Semester II, December 2024
BOUNDARY_SOURCE = "cahyadsn/wilayah_boundaries (MIT), lihat geo/national/PROVENANCE.md"


class UnknownArea(LookupError):
    """A code that the national list (Kepmendagri No 300.2.2-2430 Tahun 2025) does not have."""


@cache
def codes(folder: Path = NATIONAL) -> pd.DataFrame:
    """Every province, kab/kota, kecamatan and desa code with its name, level, kind and parents."""
    return pd.read_csv(folder / "wilayah_2025.csv", dtype=str, keep_default_na=False).replace({"": None})


@cache
def _names(folder: Path = NATIONAL) -> dict[str, str]:
    frame = codes(folder)
    return dict(zip(frame["kode"], frame["nama"]))


def name_of(kode: str, folder: Path = NATIONAL) -> str:
    """The official name of an area code ('35.09.11.2001' → 'Dukuhdempok'); UnknownArea if it has none."""
    try:
        return _names(folder)[kode]
    except KeyError:
        raise UnknownArea(kode) from None


@cache
def kabkota(folder: Path = NATIONAL) -> pd.DataFrame:
    """The 514 kab/kota with their province, official area (BIG) and population (Dukcapil), by code."""
    figures = pd.read_csv(folder / "kabkota_2025.csv", dtype={"kode": str, "kode_prov": str})
    provinces = figures[figures["level"] == "provinsi"].set_index("kode")["nama"]
    rows = figures[figures["level"] == "kabkota"].copy()
    rows["provinsi"] = rows["kode_prov"].map(provinces)
    columns = ["kode", "nama", "jenis", "kode_prov", "provinsi", "luas_km2", "penduduk_total"]
    return rows[[*columns, "sumber_luas", "sumber_penduduk"]].set_index("kode", drop=False)


def kabkota_row(kode_kab: str, folder: Path = NATIONAL) -> pd.Series:
    """One kab/kota of the national list; UnknownArea for a code that is not one."""
    table = kabkota(folder)
    if not KODE_KAB.match(kode_kab or "") or kode_kab not in table.index:
        raise UnknownArea(kode_kab)
    return table.loc[kode_kab]


def areas_of(kode_kab: str, folder: Path = NATIONAL) -> pd.DataFrame:
    """The kecamatan and desa codes of one kab/kota, with name, level, kind and parent kecamatan, in
    code order.

    Read straight from the CSV with a filter (DuckDB, columns declared so nothing is sniffed), so
    setting up one kab/kota never parses the whole national list into Python.
    """
    columns = {c: "varchar" for c in ("kode", "nama", "level", "jenis", "kode_prov", "kode_kab", "kode_kec")}
    sql = "select * from read_csv($path, header = true, columns = $columns) where kode_kab = $kode_kab order by kode"
    with duckdb.connect() as con:
        params = {"path": str(folder / "wilayah_2025.csv"), "columns": columns, "kode_kab": kode_kab}
        return con.execute(sql, params).df()


def kecamatan_polygons(
    kode_kab: str, desa: gpd.GeoDataFrame | None = None, folder: Path = NATIONAL
) -> gpd.GeoDataFrame:
    """Kecamatan polygons of one kab/kota; `desa` its desa polygons, where the national data has them.

    Where desa polygons exist, each kecamatan is the union of its desa (far more detailed than the
    national kecamatan layer, as PROVENANCE.md advises); a kecamatan none of whose desa has a polygon
    keeps the kecamatan layer's shape, which is then the only geometry read from that layer.
    """
    where = [("kode_kab", "==", kode_kab)]
    dissolved = {}
    if desa is not None and not desa.empty:
        dissolved = {kode: shapely.coverage_union_all(part.geometry.values) for kode, part in desa.groupby("kode_kec")}
    attributes = pq.read_table(folder / "kecamatan.parquet", columns=["kode", "nama", "luas_km2"], filters=where)
    layer = attributes.to_pandas()
    if set(layer["kode"]) <= set(dissolved):
        return gpd.GeoDataFrame(layer, geometry=[dissolved[k] for k in layer["kode"]], crs="EPSG:4326")
    shapes = gpd.read_parquet(folder / "kecamatan.parquet", filters=where)
    shapes["geometry"] = [dissolved.get(k, g) for k, g in zip(shapes["kode"], shapes.geometry)]
    return shapes


def desa_polygons(kode_kab: str, folder: Path = NATIONAL) -> gpd.GeoDataFrame | None:
    """Desa/kelurahan polygons of one kab/kota, or None where the national data has none."""
    if kode_kab[:2] not in DESA_PROVINCES:
        return None
    return gpd.read_parquet(folder / f"desa_{kode_kab[:2]}.parquet", filters=[("kode_kab", "==", kode_kab)])


def kabkota_polygons(kode_prov: str, folder: Path = NATIONAL) -> gpd.GeoDataFrame:
    """The kab/kota polygons of one province, for the province map."""
    return gpd.read_parquet(folder / "kabkota.parquet", filters=[("kode_prov", "==", kode_prov)])


@cache
def boundary_issues(folder: Path = NATIONAL) -> pd.DataFrame:
    """What the source lacks or disagrees on (codes without polygons, names that differ, ...)."""
    return pd.read_csv(folder / "boundary_issues.csv", dtype=str, keep_default_na=False)
