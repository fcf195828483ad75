"""The province page: every kab/kota of the province on one map, figures where the database has them."""

from __future__ import annotations

import json

import pandas as pd

from tests.apptest_support import map_data, open_app, sortable_tables
from ucj.db import Database
from ucj.province.figures import province_features, province_rows
from ucj.workspace import national

PAGE = "views/province.py"


def test_jawa_timur_shows_its_38_kabkota_with_the_figures_each_has(app_db):
    at = open_app("jember", page=PAGE)
    assert at.selectbox(key="prov_kode").value == "35"
    assert map_data(at)["feature_group"].count('"kode"') == 38
    table = sortable_tables(at, shown=True)[0].set_index("Kab/kota")
    assert len(table) == 38
    assert table.loc["Kota Probolinggo", ["Cakupan", "Jenis angka"]].tolist() == ["36,0 %", "Angka terbitan"]
    assert table.loc["Kabupaten Sidoarjo", ["Cakupan", "Jenis angka"]].tolist() == ["tidak ada data"] * 2
    keys = sortable_tables(at)[0].set_index("Kab/kota")
    assert pd.isna(keys.loc["Kabupaten Sidoarjo", "Jenis angka"])  # no figure, no kind: it sorts last either way
    assert table.loc["Kabupaten Sidoarjo", "Penduduk"] == "2.027.874"  # Dukcapil, every kab/kota has it


def test_rows_follow_the_headline_of_each_region_held(demo_db):
    db = Database(demo_db, writable=False)
    rows = province_rows(db.query, "13", db.query("regions")).set_index("kode")
    db.close()
    assert len(rows) == len(national.kabkota().query("kode_prov == '13'"))
    assert rows.loc["13.71", "slug"] == "padang" and rows.loc["13.71", "coverage"] > 0
    assert pd.isna(rows.loc["13.06", "slug"]) and pd.isna(rows.loc["13.06", "coverage"])


def test_the_province_map_is_simplified_for_its_extent():
    features = province_features("35")
    assert len(features["features"]) == 38
    assert len(json.dumps(features)) < 150 * 1024


def test_a_click_on_a_held_kabkota_opens_it(app_db):
    at = open_app("padang", page=PAGE)
    at.session_state["prov_open"] = "jember"  # what the map's click callback leaves for the next run
    at.run()
    assert not at.exception
    assert at.title[0].value == "Kabupaten Jember"  # Beranda of the kab/kota clicked


def test_a_scoped_viewer_sees_figures_only_for_the_kabkota_their_scope_opens(demo_db):
    db = Database(demo_db, writable=False)
    rows = province_rows(db.query, "13", db.query("regions"), scope=("13.71.01",)).set_index("kode")
    db.close()
    assert rows.loc["13.71", "slug"] == "padang" and rows.loc["13.71", "coverage"] > 0  # a kecamatan opens its kota
    assert pd.isna(rows.loc["13.03", "slug"]) and pd.isna(rows.loc["13.03", "coverage"])  # Sijunjung: not theirs
    assert rows.loc["13.03", "population"] > 0  # the national figures stay: they are public
