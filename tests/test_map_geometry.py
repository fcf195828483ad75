"""Boundaries made small for the browser: every area kept, shared edges shared, bytes within budget."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest
import shapely
from folium.utilities import get_bounds

from ucj.db import run_query
from ucj.map.geometry import _decimals, _without_specks, bounds, feature_collection
from ucj.workspace import national

BUDGET_GEOMETRY = 130_000  # of the 150 KB a map view may cost, the rest is styles, tooltips and legend


@pytest.fixture(scope="module")
def con(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as connection:
        yield connection


@pytest.mark.parametrize("kode_kab", ["13.71", "13.03", "35.74", "35.09"])
def test_every_kecamatan_kept_valid_and_within_budget(con, kode_kab):
    rows = run_query(con, "map_boundaries", kode_kab=kode_kab, level="kecamatan")

    fc = feature_collection(rows)
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in fc["features"]])

    assert [f["properties"]["kode"] for f in fc["features"]] == rows["kode"].tolist()
    assert shapely.is_valid(geoms).all()
    assert len(json.dumps(fc)) < BUDGET_GEOMETRY
    # simplification moves edges by well under a pixel: the area barely changes
    original = shapely.from_geojson(rows["geojson"].tolist())
    assert shapely.area(geoms).sum() == pytest.approx(shapely.area(original).sum(), rel=0.02)


@pytest.mark.parametrize("kode_kab", ["13.71", "35.09"])
def test_the_bounding_box_is_the_extent_of_every_coordinate_sent(con, kode_kab):
    fc = feature_collection(run_query(con, "map_boundaries", kode_kab=kode_kab, level="kecamatan"))
    walked = get_bounds({"type": "FeatureCollection", "features": fc["features"]}, lonlat=True)

    (south, west), (north, east) = bounds(fc)
    assert [south, west, north, east] == pytest.approx([*walked[0], *walked[1]])
    assert bounds({k: v for k, v in fc.items() if k != "bbox"}) == walked
    assert feature_collection(pd.DataFrame(columns=["kode", "nama", "geojson"])) == {
        "type": "FeatureCollection",
        "features": [],
    }


def test_jember_is_simplified_below_what_the_database_holds(con):
    rows = run_query(con, "map_boundaries", kode_kab="35.09", level="kecamatan")

    assert len(json.dumps(feature_collection(rows))) < 0.7 * rows["geojson"].str.len().sum()


def test_neighbours_still_share_their_edge():
    left = "POLYGON ((0 0, 1 0, 1.0003 0.5, 1 1, 0 1, 0 0))"
    right = "POLYGON ((1 0, 2 0, 2 1, 1 1, 1.0003 0.5, 1 0))"
    rows = pd.DataFrame(
        {
            "kode": ["a", "b"],
            "nama": ["A", "B"],
            "geojson": [shapely.to_geojson(shapely.from_wkt(w)) for w in (left, right)],
        }
    )

    a, b = (shapely.from_geojson(json.dumps(f["geometry"])) for f in feature_collection(rows)["features"])

    assert a.intersection(b).area == 0
    assert a.union(b).area == pytest.approx(2.0, rel=1e-3)


def test_no_rows_gives_an_empty_collection():
    empty = pd.DataFrame(columns=["kode", "nama", "geojson"])

    assert feature_collection(empty) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize(("tolerance", "decimals"), [(0.001, 4), (0.0001, 5), (0.00001, 6), (0.0, 6), (1.0, 1)])
def test_coordinates_keep_a_fifth_of_the_tolerance(tolerance, decimals):
    assert _decimals(tolerance) == decimals


@pytest.mark.parametrize(
    ("sizes", "kept"),
    [
        ((1.0, 0.001), [1.0]),  # a speck under a pixel goes
        ((1.0, 0.5), [1.0, 0.5]),  # a real island stays
        ((0.001, 0.002), [0.002]),  # all specks: the largest stays, so the area is still drawn
        ((0.001,), [0.001]),  # one polygon is never touched
    ],
)
def test_parts_under_a_pixel_are_dropped_but_never_the_largest(sizes, kept):
    parts = [shapely.box(3 * i, 0, 3 * i + size, size) for i, size in enumerate(sizes)]
    geom = parts[0] if len(parts) == 1 else shapely.multipolygons(parts)
    result = _without_specks(geom, min_area=0.01)
    assert sorted(round(shapely.bounds(p)[2] - shapely.bounds(p)[0], 3) for p in shapely.get_parts(result)) == sorted(
        kept
    )


@pytest.mark.parametrize("kode_kab", ["35.07", "32.01", "91.03"])  # Kab. Malang, Kab. Bogor, Kab. Jayawijaya
def test_a_large_kabkota_of_the_national_data_fits_the_budget(kode_kab):
    desa = national.desa_polygons(kode_kab)
    kecamatan = national.kecamatan_polygons(kode_kab, desa)
    rows = pd.DataFrame(
        {"kode": kecamatan["kode"], "nama": kecamatan["nama"], "geojson": shapely.to_geojson(kecamatan.geometry.values)}
    )
    features = feature_collection(rows)
    assert len(features["features"]) == len(rows)
    assert len(json.dumps(features)) < BUDGET_GEOMETRY
