"""The Kolaborasi page in AppTest: every region and language, the view kept in the URL, and an editor's
round, action and status change going through to the database with their audit entries."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import REGIONS, as_text, click_tab, open_app, sortable_tables
from ucj.i18n import t
from ucj.paths import ROOT

PAGE = "views/collab.py"
EDITOR = "penyunting-uji"


@pytest.fixture
def private_db(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test database for tests that write; the shared one stays as built."""
    path = tmp_path / "kolaborasi.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("UCJ_WORKSPACE", str(path))
    return path


@pytest.fixture
def as_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Signed in as an editor: the page asks only `ui.access.current_editor()`."""
    monkeypatch.setattr("ui.access.current_editor", lambda: EDITOR)


def charts(at) -> list[list[pd.DataFrame]]:
    """Every Altair chart on the page as the data frames Streamlit sends to the browser."""
    return [
        [pa.ipc.open_stream(dataset.data.data).read_all().to_pandas() for dataset in chart.proto.datasets]
        for chart in at.get("vega_lite_chart")
    ]


def chart_with(at, column: str) -> pd.DataFrame:
    """The first chart layer that has `column`."""
    return next(frame for chart in charts(at) for frame in chart if column in frame.columns)


def table_with(at, column: str) -> pd.DataFrame:
    """The first table on the page that has `column` (AppTest does not expose a dataframe's key)."""
    return next(table.value for table in at.dataframe if column in table.value.columns)


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def open_tab(at: AppTest, tab: str) -> AppTest:
    return click_tab(at, "kolab_tab", t(f"kolab.tab.{tab}"))


# Each region: the framework its own text uses opens first, and its weakest indicator leads the list.
OPENING = {
    "padang": ("cgr", "Trimaulina", "Hasil (dampak) — 1/5"),
    "sijunjung": ("ansell_gash", "Wibowo", "Desain kelembagaan — 3/5"),
    "probolinggo": ("ansell_gash", "Indrawati", "Kondisi awal — 4/5"),
    "jember": ("jones", "Pristanti", "Kepatuhan membayar iuran — 1/5"),
}


@pytest.mark.parametrize("region", REGIONS)
def test_the_page_renders_for_every_region(app_db, region):
    framework, author, weakest = OPENING[region]
    at = open_app(region, page=PAGE)
    assert at.query_params["framework"] in (framework, [framework])
    assert len(charts(at)) == 2  # radar and round history: the other tabs are not sent until opened
    assert ":orange-badge[Diturunkan dari teks]" in markdown(at)
    assert author in markdown(at)
    assert as_text(at.expander[0].label) == weakest
    assert "Untuk naik ke tingkat" in "\n".join(m.value for m in at.expander[0].markdown)
    assert len(open_tab(at, "compare").get("vega_lite_chart")) == 1  # regions side by side
    assert len(open_tab(at, "people").get("vega_lite_chart")) == 2  # stakeholder map, network
    open_tab(at, "actions")
    assert not at.exception, at.exception
    editing = [b for b in at.button if b.key in ("kolab_round_submit", "kolab_action_submit", "kolab_status_submit")]
    assert editing == []  # a viewer edits nothing
    assert at.download_button(key="kolab_export_xlsx").label == "Unduh untuk notulen (Excel)"


def test_only_the_three_weakest_indicators_send_their_text_until_opened(app_db):
    at = open_app("padang", page=PAGE)
    opened = [e for e in at.expander if e.markdown]
    assert len(opened) == 3 and len(at.expander) > 4  # the three weakest, then the rubric stays empty too
    closed = next(e for e in at.expander if not e.markdown and "/5" in e.label)
    at.session_state[closed.key] = True
    at.run()
    reopened = next(e for e in at.expander if e.label == closed.label)
    assert "sekarang:" in "\n".join(m.value for m in reopened.markdown)


def test_the_page_in_english(app_db):
    at = open_app("padang", lang="en", page=PAGE)
    assert ":orange-badge[Derived from the text]" in markdown(at)
    first = at.expander[0]
    assert as_text(first.label) == "Outcomes (impact) — 1/5"
    text = "\n".join(m.value for m in first.markdown)
    assert "To reach level 2:" in text
    assert "mengalokasikan anggaran khusus dalam APBD untuk subsidi iuran pekerja rentan" in text  # quoted as written
    assert "Action: Mengalokasikan anggaran khusus APBD" in text


def test_the_framework_goes_into_the_url_and_regions_line_up(app_db):
    at = open_app("jember", page=PAGE)
    at.selectbox(key="kolab_framework").set_value("cgr").run()
    assert at.query_params["framework"] in ("cgr", ["cgr"])
    assert any("belum punya putaran" in i.value for i in at.info)
    open_tab(at, "compare")
    assert set(chart_with(at, "region")["region"]) == {"Kota Padang"}
    assert any("Tanpa putaran untuk kerangka ini: Kabupaten Sijunjung" in c.value for c in at.caption)
    at.selectbox(key="kolab_framework").set_value("paritrana").run()
    assert not at.exception
    assert set(chart_with(at, "region")["region"]) == {
        "Kota Padang",
        "Kabupaten Sijunjung",
        "Kota Probolinggo",
        "Kabupaten Jember",
    }


NEW_KEYS = {"framework": "factors", "round": "nope"}
LEGACY_KEYS = {"kerangka": "factors", "putaran": "nope"}  # links shared before the URL keys were unified


@pytest.mark.parametrize("keys", [NEW_KEYS, LEGACY_KEYS], ids=["new", "legacy"])
def test_a_copied_link_reopens_the_same_view(app_db, keys):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"region": "probolinggo", "lang": "en", **keys})
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.selectbox(key="kolab_framework").value == "factors"
    assert at.selectbox(key="kolab_round").value == "probolinggo_factors_r1"  # an unknown round falls back


def change_table(at, shown: bool = True) -> pd.DataFrame:
    """The change since the previous round, per indicator, as the sortable table shows it or sorts it."""
    return next(table for table in sortable_tables(at, shown) if "Sebelumnya" in table.columns)


def test_an_editor_records_a_round_and_sees_the_change(private_db, as_editor):
    at = open_app("padang", page=PAGE)
    at.selectbox(key="kolab_framework").set_value("paritrana").run()
    first = change_table(at).set_index("Indikator")  # the only round: nothing to compare with yet
    assert set(first["Sebelumnya"]) == {"tidak ada data"}
    assert set(first["Perubahan sejak putaran sebelumnya"]) == {"baru"}
    at.select_slider(key="kolab_new_score_par_regulation").set_value(4)
    at.select_slider(key="kolab_new_score_par_leadership").set_value(1)
    at.text_input(key="kolab_new_evidence_par_regulation").input("Ranperda jaminan sosial masuk Propemperda")
    at.text_input(key="kolab_new_document").input("Notulen rapat koordinasi UCJ 12/2026")
    at.button(key="kolab_round_submit").click().run()
    assert not at.exception, at.exception
    assert any("tersimpan" in s.value for s in at.success)
    assert at.selectbox(key="kolab_round").value.startswith("padang_paritrana_")
    change, keys = change_table(at), change_table(at, shown=False)
    by_indicator = dict(zip(change.iloc[:, 0], change.iloc[:, 3]))
    assert by_indicator == {
        "Regulasi": "▲ 1",
        "Kinerja kepesertaan": "= 0",
        "Inovasi": "= 0",
        "Kepemimpinan kepala daerah": "▼ 1",
    }
    # The change sorts by how far a score moved, not by its arrow's text; the scores sort as numbers.
    assert dict(zip(keys.iloc[:, 0], keys.iloc[:, 3]))["Kepemimpinan kepala daerah"] == -1.0
    assert keys["Sekarang"].map(type).eq(float).all()
    assert chart_with(at, "series")["series"].nunique() == 2  # this round over the previous one
    with duckdb.connect(str(private_db), read_only=True) as con:
        assert con.execute(
            "select count(*) from assessment_round where kode_kab = '13.71' and kind = 'entered' and recorded_by = ?",
            [EDITOR],
        ).fetchone() == (1,)
        assert con.execute("select count(*) from audit_log where action = 'assessment_round_add'").fetchone() == (1,)


def test_an_editor_adds_an_overdue_action_then_closes_it(private_db, as_editor):
    at = open_tab(open_app("jember", page=PAGE), "actions")
    assert not at.error
    at.button(key="kolab_action_submit").click().run()
    assert [as_text(e.value) for e in at.error] == ["- Tindak lanjut perlu judul."]  # refused, nothing written
    at.text_input(key="kolab_action_title").input("Jadwal sosialisasi bulanan bersama kader Posyandu")
    at.selectbox(key="kolab_action_owner").set_value("jember_perisai")
    at.date_input(key="kolab_action_due").set_value("2025-01-31")
    at.selectbox(key="kolab_action_indicator").set_value("jones_interpretation")
    at.button(key="kolab_action_submit").click().run()
    assert not at.exception, at.exception
    assert any("jember_m001" in as_text(s.value) for s in at.success)
    assert [e.value for e in at.error] == ["1 tindak lanjut melewati tenggat (ditandai merah)."]
    table = table_with(at, "Terlambat?")
    assert table.iloc[0]["Tindak lanjut"] == "Jadwal sosialisasi bulanan bersama kader Posyandu"
    assert table.iloc[0]["Terlambat?"] == "Terlambat"

    at.selectbox(key="kolab_status_action").set_value("jember_m001")
    at.selectbox(key="kolab_status_new").set_value("done")
    at.button(key="kolab_status_submit").click().run()
    assert not at.exception, at.exception
    assert not at.error
    with duckdb.connect(str(private_db), read_only=True) as con:
        assert con.execute("select status from action_item where action_id = 'jember_m001'").fetchone() == ("done",)
        audit = con.execute(
            "select action from audit_log where target_table = 'action_item' order by audit_id"
        ).fetchall()
        assert audit == [("action_item_add",), ("action_item_status",)]
