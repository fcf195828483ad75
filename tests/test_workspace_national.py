"""The national reference data: every code resolves, every boundary joins a code, and what the source
lacks is exactly what geo/national/boundary_issues.csv reports."""

from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd
import pytest

from ucj.workspace import national

FORMAT = {
    "provinsi": r"\d{2}",
    "kabkota": r"\d{2}\.\d{2}",
    "kecamatan": r"\d{2}\.\d{2}\.\d{2}",
    "desa": r"\d{2}\.\d{2}\.\d{2}\.\d{4}",
}
PARENT = {"kabkota": "kode_prov", "kecamatan": "kode_kab", "desa": "kode_kec"}
PARENT_LEVEL = {"kabkota": "provinsi", "kecamatan": "kabkota", "desa": "kecamatan"}


@pytest.fixture(scope="module")
def codes() -> pd.DataFrame:
    return national.codes()


def test_the_list_has_every_level_of_kepmendagri_2025(codes):
    assert codes["level"].value_counts().to_dict() == {"desa": 83762, "kecamatan": 7285, "kabkota": 514, "provinsi": 38}
    assert codes["kode"].is_unique


@pytest.mark.parametrize("level", list(FORMAT))
def test_every_code_resolves_to_its_name_and_its_parent(codes, level):
    rows = codes[codes["level"] == level]
    assert rows["kode"].str.fullmatch(FORMAT[level]).all()
    assert [national.name_of(k) for k in rows["kode"]] == rows["nama"].tolist()
    assert rows["nama"].str.strip().str.len().gt(0).all()
    if level in PARENT:
        parents = set(codes.loc[codes["level"] == PARENT_LEVEL[level], "kode"])
        assert rows[PARENT[level]].isin(parents).all()
        assert (rows["kode"].str[: len(rows[PARENT[level]].iloc[0])] == rows[PARENT[level]]).all()


@pytest.mark.parametrize(
    ("kode", "nama"),
    [
        ("35.09.11.2004", "Dukuhdempok"),
        ("35.09.11.2001", "Lojejer"),
        ("35.15", "Kabupaten Sidoarjo"),
        ("13.71.01", "Padang Selatan"),
    ],
)
def test_known_names(kode, nama):
    assert national.name_of(kode) == nama


@pytest.mark.parametrize("kode", ["99.99", "35.09.11.9999", "", "35.09.11.2001 "])
def test_a_code_outside_the_list_is_unknown(kode):
    with pytest.raises(national.UnknownArea):
        national.name_of(kode)


@pytest.mark.parametrize(
    ("file", "level"), [("provinsi", "provinsi"), ("kabkota", "kabkota"), ("kecamatan", "kecamatan")]
)
def test_every_boundary_joins_a_code_and_every_code_has_one(codes, file, level):
    polygons = gpd.read_parquet(national.NATIONAL / f"{file}.parquet")
    listed = codes[codes["level"] == level].set_index("kode")["nama"]
    assert polygons["kode"].is_unique
    assert set(polygons["kode"]) == set(listed.index)
    assert (polygons.set_index("kode")["nama"] == listed[polygons["kode"]]).all()  # the list's names
    assert polygons.geometry.is_valid.all() and not polygons.geometry.is_empty.any()


@pytest.mark.parametrize(("prov", "lacking"), [("13", 106), ("35", 0)])
def test_desa_without_a_polygon_are_the_ones_the_source_reports(codes, prov, lacking):
    polygons = gpd.read_parquet(national.NATIONAL / f"desa_{prov}.parquet")
    listed = set(codes.loc[(codes["level"] == "desa") & (codes["kode_prov"] == prov), "kode"])
    issues = national.boundary_issues()
    reported = issues[(issues["issue"] == "missing_in_boundaries") & issues["kode"].str.startswith(prov + ".")]
    assert set(polygons["kode"]) <= listed
    assert listed - set(polygons["kode"]) == set(reported["kode"])
    assert len(reported) == lacking


def test_the_source_lacks_no_kecamatan_only_names_differ(codes):
    issues = national.boundary_issues()
    kecamatan = issues[issues["level"] == "kecamatan"]
    assert "missing_in_boundaries" not in set(kecamatan["issue"])
    assert sorted(kecamatan.loc[kecamatan["issue"] == "name_differs", "kode"]) == ["11.08.25", "12.07.20", "13.05.17"]
    assert len(issues[issues["issue"] == "missing_in_boundaries"]) == 360


def test_every_kabkota_has_its_area_and_population():
    table = national.kabkota()
    assert len(table) == 514
    assert (table["luas_km2"] > 0).all() and (table["penduduk_total"] > 0).all()
    assert table.loc["35.15", ["nama", "provinsi", "jenis"]].tolist() == [
        "Kabupaten Sidoarjo",
        "Jawa Timur",
        "kabupaten",
    ]


@pytest.mark.parametrize("kode", ["35.15", "3515", "35.15.01", "xx"])
def test_kabkota_row_takes_only_a_kabkota_code(kode):
    if kode == "35.15":
        assert national.kabkota_row(kode)["nama"] == "Kabupaten Sidoarjo"
    else:
        with pytest.raises(national.UnknownArea):
            national.kabkota_row(kode)


@pytest.mark.parametrize("kode_kab", ["35.15", "13.12", "94.01"])
def test_the_areas_of_a_kabkota_are_those_of_the_full_list(codes, kode_kab):
    columns = ["kode", "nama", "level", "jenis", "kode_kec"]
    full = codes[codes["kode_kab"] == kode_kab].sort_values("kode")[columns].fillna("")
    assert national.areas_of(kode_kab)[columns].fillna("").values.tolist() == full.values.tolist()


def test_kecamatan_of_desa_provinces_are_the_union_of_their_desa():
    desa = national.desa_polygons("35.09")
    kecamatan = national.kecamatan_polygons("35.09", desa)
    wuluhan = kecamatan.set_index("kode").geometry["35.09.11"]
    union = desa[desa["kode_kec"] == "35.09.11"].geometry.union_all()
    assert wuluhan.symmetric_difference(union).area < 1e-9
    assert national.desa_polygons("11.01") is None
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{2}", kecamatan["kode"].iloc[0])
    aceh = national.kecamatan_polygons("11.01")  # no desa polygons: the kecamatan layer's own shapes
    listed = national.areas_of("11.01")
    assert set(aceh["kode"]) == set(listed.loc[listed["level"] == "kecamatan", "kode"]) and aceh.geometry.is_valid.all()
