"""AppTest of the coverage map page: every region and metric, a URL that reproduces a view, uploads."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit_folium import st_folium

from tests.apptest_support import REGIONS, map_data, open_app, sortable_tables
from ucj.i18n import t
from ucj.map.coverage_metrics import METRICS
from ucj.map.focus import Focus
from ui.map import view

PAGE = "views/map.py"
KECAMATAN = {"padang": 11, "sijunjung": 8, "probolinggo": 5, "jember": 31}


def _open(region: str, lang: str = "id", **params: str) -> AppTest:
    return open_app(region, lang, PAGE, **params)


def _ranking(at: AppTest):
    """The ranking table, its values: the first table of the page (the desa breakdown comes after it)."""
    return sortable_tables(at)[0]


@pytest.mark.parametrize("region", REGIONS)
def test_every_metric_draws_map_and_ranking(app_db, region):
    at = open_app(region, page=PAGE)

    for metric in METRICS:
        at.selectbox(key="peta_metric").select(metric)
        at.run()
        assert not at.exception, (metric, at.exception)
        args = map_data(at)
        assert args["feature_group"].count('"kode"') == KECAMATAN[region], metric
        assert len(_ranking(at)) == KECAMATAN[region], metric
        assert at.query_params["metric"] == metric


@pytest.mark.parametrize(
    ("region", "metric", "segment"),
    [("padang", "coverage", "ALL"), ("sijunjung", "registered", "BPU"), ("jember", "workforce", "ALL")],
)
def test_first_view_shows_a_metric_the_region_has(app_db, region, metric, segment):
    at = open_app(region, page=PAGE)

    assert (at.selectbox(key="peta_metric").value, at.selectbox(key="peta_segment").value) == (metric, segment)
    assert _ranking(at).iloc[:, 2].notna().any()


def test_the_same_view_sends_the_same_map_worked_out_once_and_a_filter_change_only_a_new_layer(
    app_db, monkeypatch: pytest.MonkeyPatch
):
    st.cache_data.clear()  # the view's map may be cached by an earlier test
    first = _open("padang")
    renders = []
    monkeypatch.setattr(view, "st_folium", lambda *a, **k: renders.append(k) or st_folium(*a, **k))
    second = _open("padang")  # another viewer of the same view: folium is not rendered again
    before = map_data(second)
    assert map_data(first) == before and renders == []

    second.selectbox(key="peta_metric").select("active").run()
    assert len(renders) == 1
    after = map_data(second)
    assert after["script"] == before["script"]  # the same base map, which keeps its centre and zoom
    assert after["feature_group"] != before["feature_group"]
    assert t("peta.metric.active") in after["feature_group"]


def test_a_copied_link_opens_the_same_view(app_db):
    at = _open("padang", metric="active", segment="BPU", month="2024-03", kec="13.71.04")

    assert at.selectbox(key="peta_metric").value == "active"
    assert at.selectbox(key="peta_segment").value == "BPU"
    assert at.selectbox(key="peta_month").value == "2024-03"
    assert "Padang Utara" in [h.value for h in at.subheader]
    assert {k: at.query_params[k] for k in ("metric", "segment", "month", "kec")} == {
        "metric": "active",
        "segment": "BPU",
        "month": "2024-03",
        "kec": "13.71.04",
    }


@pytest.mark.parametrize("level", [{"level": "desa"}, {"tingkat": "desa"}], ids=["level", "legacy_tingkat"])
def test_desa_map_of_a_kecamatan_and_the_way_back_up(app_db, level):
    at = _open("padang", kec="13.71.01", **level)
    desa_count = len(_ranking(at))

    assert desa_count == map_data(at)["feature_group"].count('"kode"') > 1
    assert "Desa/kelurahan" in _ranking(at).columns

    at.button(key="peta_up").click().run()
    assert not at.exception
    assert at.query_params.get("level") is None
    assert at.query_params.get("tingkat") is None  # a legacy key does not outlive the first write
    assert len(_ranking(at)) == KECAMATAN["padang"]

    at.button(key="peta_up").click().run()
    assert at.query_params.get("kec") is None
    assert "peta_up" not in [b.key for b in at.button]


def test_a_click_selects_then_opens_the_desa_map(app_db):
    """The map's click callback only moves the focus; here the focus is moved as a click would."""
    at = open_app("padang", page=PAGE)

    at.session_state["peta_focus"] = Focus().click("13.71.01", has_desa=True)
    at.run()
    assert at.query_params["kec"] == "13.71.01"
    assert "peta_drill" in [b.key for b in at.button]

    at.button(key="peta_drill").click().run()
    assert at.query_params["level"] == "desa"


def test_wuluhan_desa_breakdown_shows_dukuhdempok_agents(app_db):
    at = _open("jember", kec="35.09.11")

    breakdown = next(df for df in sortable_tables(at, shown=True) if "Angka terbaru yang ada" in df.columns)
    dukuhdempok = breakdown[breakdown["Desa/kelurahan"] == "Dukuhdempok"].iloc[0]
    assert "BPU terdaftar 482" in dukuhdempok["Angka terbaru yang ada"]
    assert "Angka terbitan" in dukuhdempok["Angka terbaru yang ada"]


def test_stale_link_to_another_regions_kecamatan_is_dropped(app_db):
    at = _open("probolinggo", kec="13.71.04", month="1999-01", metric="nonsense")

    assert at.query_params.get("kec") is None
    assert at.selectbox(key="peta_metric").value in METRICS


def test_english_labels(app_db):
    at = _open("probolinggo", lang="en")

    assert at.title[0].value == "Coverage map"
    assert "Kecamatan" in _ranking(at).columns
    assert "Estimate" in set(_ranking(at)["Kind of figure"])


@pytest.fixture
def db_with_upload(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test database where a Pemda uploaded one kecamatan's active participants."""
    path = tmp_path / "upload.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute(
            "insert into participants values ('35.74.01', 'kecamatan', '2023-12-01', 'ALL', 'active', 12345,"
            " 'upload', 'indrawati_natsir', null, null, 1, null)"
        )
    monkeypatch.setenv("UCJ_WORKSPACE", str(path))
    return path


def test_uploaded_figures_win_and_are_labelled(db_with_upload):
    at = _open("probolinggo", metric="active")
    table = _ranking(at).set_index("Kecamatan")
    uploaded = table.loc["Kademangan"]

    assert uploaded["Peserta aktif"] == 12345
    assert uploaded["Jenis angka"] == "Data unggahan"
    assert (table.drop(index="Kademangan")["Jenis angka"] == "Perkiraan").all()
    assert "Data unggahan" in map_data(at)["feature_group"]


def test_the_regions_charts_come_once_their_box_is_opened(app_db):
    at = _open("padang")
    assert not at.get("vega_lite_chart")
    cards = [t(f"peta.region.{k}", "id") for k in ("coverage", "national", "target")]
    assert [m.label for m in at.metric][-3:] == cards  # the figures stay on the page

    at.session_state["peta_region_charts"] = True
    charts = at.run().get("vega_lite_chart")
    assert len(charts) == 2 and not at.exception
