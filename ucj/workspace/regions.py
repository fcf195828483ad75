"""Add any kab/kota of Indonesia to a workspace from the national reference data, in one transaction.

What lands: the region with its official area (BIG), every kecamatan and desa/kelurahan code and name
of the national list, the kecamatan polygons, the desa polygons where the national data has them
(Sumatera Barat, Jawa Timur) and the kab/kota's published population (Dukcapil), with an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import geopandas as gpd
import pandas as pd
import shapely

from ucj import audit
from ucj.auth import guard
from ucj.db import execute, run_query
from ucj.errors import Explained
from ucj.imports.boundary_store import slug_for
from ucj.imports.kind import execute_with_rows
from ucj.workspace import national


@dataclass(frozen=True)
class Added:
    """What adding a kab/kota stored, for the message on screen and the command's output."""

    kode_kab: str
    nama: str
    slug: str
    kecamatan: int
    desa: int
    polygons: int


def _polygon_rows(frame: gpd.GeoDataFrame | None, level: str) -> list[dict]:
    if frame is None:
        return []
    texts = shapely.to_geojson(frame.geometry.values)
    return [{"kode": kode, "level": level, "geojson": text} for kode, text in zip(frame["kode"], texts)]


def _kecamatan_rows(kode_kab: str, listed: pd.DataFrame, desa: pd.DataFrame, polygons: gpd.GeoDataFrame) -> list[dict]:
    desa_per_kec = desa["kode_kec"].value_counts()
    area = polygons.set_index("kode")["luas_km2"]
    return [
        {
            "kode_kec": kode,
            "kode_kab": kode_kab,
            "nama": nama,
            "luas_km2": area.get(kode),
            "jumlah_desa_kel": int(desa_per_kec.get(kode, 0)),
        }
        for kode, nama in zip(listed["kode"], listed["nama"])
    ]


def _desa_rows(listed: pd.DataFrame, polygons: gpd.GeoDataFrame | None) -> list[dict]:
    area = pd.Series(dtype=float) if polygons is None else polygons.set_index("kode")["luas_km2"]
    return [
        # The schema knows desa and kelurahan; a desa adat is a desa (14 in the whole country).
        {
            "kode_desa": kode,
            "kode_kec": kec,
            "nama": nama,
            "jenis": "kelurahan" if jenis == "kelurahan" else "desa",
            "luas_km2": area.get(kode),
        }
        for kode, kec, nama, jenis in zip(listed["kode"], listed["kode_kec"], listed["nama"], listed["jenis"])
    ]


def add_kabkota(con: duckdb.DuckDBPyConnection, kode_kab: str, actor: str) -> Added:
    """Store one kab/kota of the national list in the caller's transaction; refused if it is already there."""
    guard.require(con, actor, kode_kab)
    try:
        row = national.kabkota_row(kode_kab)
    except national.UnknownArea:
        raise Explained("workspace.unknown_kab", kode=kode_kab) from None
    regions = run_query(con, "regions")
    if kode_kab in set(regions["kode_kab"]):
        raise Explained("workspace.kab_present", kode=kode_kab, name=row["nama"])
    desa_polygons = national.desa_polygons(kode_kab)
    kec_polygons = national.kecamatan_polygons(kode_kab, desa_polygons)
    slug = slug_for(row["nama"], kode_kab, set(regions["slug"]))
    execute(
        con,
        "import_region",
        kode_kab=kode_kab,
        slug=slug,
        nama=row["nama"],
        jenis=row["jenis"],
        kode_prov=row["kode_prov"],
        provinsi=row["provinsi"],
        luas_km2=float(row["luas_km2"]),
    )
    listed = national.areas_of(kode_kab)
    listed_kec, listed_desa = listed[listed["level"] == "kecamatan"], listed[listed["level"] == "desa"]
    kecamatan = _kecamatan_rows(kode_kab, listed_kec, listed_desa, kec_polygons)
    desa = _desa_rows(listed_desa, desa_polygons)
    polygons = _polygon_rows(kec_polygons, "kecamatan") + _polygon_rows(desa_polygons, "desa")
    execute_with_rows(con, "import_kecamatan", kecamatan)
    if desa:
        execute_with_rows(con, "import_desa", desa)
    execute_with_rows(con, "import_boundary", polygons, source=national.BOUNDARY_SOURCE)
    execute(
        con,
        "region_population",
        kode_wilayah=kode_kab,
        year=national.POPULATION_YEAR,
        persons=int(row["penduduk_total"]),
        source_id=national.SOURCE_POPULATION,
    )
    added = Added(kode_kab, row["nama"], slug, len(kecamatan), len(desa), len(polygons))
    detail = (
        f"kab/kota {kode_kab} {row['nama']} dari data nasional (geo/national): {added.kecamatan} kecamatan, "
        f"{added.desa} desa/kelurahan, {added.polygons} poligon, penduduk {national.POPULATION_YEAR}"
    )
    audit.record(con, actor=actor, action="add_region", target_table="region", detail=detail)
    return added
