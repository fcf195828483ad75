"""Every page renders for every region, in both languages, without an exception."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import REGIONS, metrics, open_app
from ucj.i18n import t
from ucj.markup import plain
from ucj.paths import ROOT
from ui.layout import PAGES, RAISE_ENV


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("script", [script for _, _, script in PAGES])
def test_every_page_renders_for_every_region(app_db, region, script):
    at = open_app(region, page=script)
    assert at.session_state["region"] == region


def test_padang_headline_in_indonesian_format(app_db):
    at = open_app("padang")
    shown = metrics(at)
    assert shown["Tenaga kerja"] == "426.765"
    assert shown["Peserta aktif BPJS Ketenagakerjaan"] == "134.249"
    assert shown["Cakupan (UCJ)"] == "31,5 %"
    captions = " ".join(c.value for c in at.caption)
    assert "Perkiraan" in captions  # the computed rate is labelled an estimate
    assert "Trimaulina" in captions


def test_english_switch(app_db):
    at = open_app("padang", lang="en")
    shown = metrics(at)
    assert shown["Workforce"] == "426,765"
    assert shown["Coverage (UCJ)"] == "31.5%"


def test_region_choice_goes_to_the_url(app_db):
    at = open_app("padang")
    at.selectbox(key="region").set_value("probolinggo").run()
    assert not at.exception
    assert at.query_params["region"] == ["probolinggo"] or at.query_params["region"] == "probolinggo"
    assert at.title[0].value == "Kota Probolinggo"


def test_unknown_region_in_url_falls_back(app_db):
    at = open_app("atlantis")
    assert at.session_state["region"] == "padang"


def test_every_page_in_the_navigation_shows_its_own_content(app_db):
    """Each entry of the navigation runs its own script: every page opens under a title of its own."""
    titles = [open_app("padang", page=script).title[0].value for _, _, script in PAGES]
    assert all(titles) and len(set(titles)) == len(PAGES), titles


def test_sijunjung_shows_registered_bpu_as_registered(app_db):
    shown = metrics(open_app("sijunjung"))
    assert shown["Bukan Penerima Upah · terdaftar"] == "13.206"
    assert shown["Peserta aktif BPJS Ketenagakerjaan"] == "—"  # no source gives an active total


def test_discrepancy_between_texts_is_shown(app_db):
    at = open_app("sijunjung")
    warnings = " ".join(w.value for w in at.warning)
    assert "9.416" in warnings and "9.667" in warnings


def test_a_segment_share_is_not_shown_as_coverage(app_db):
    """Jember's only rate is a BPJSTK director's 65 % for informal workers with no stated denominator:
    it is not the region's UCJ coverage, so coverage and the gap to target stay empty."""
    at = open_app("jember")
    shown = metrics(at)
    assert shown["Cakupan (UCJ)"] == "—"
    assert shown["Tenaga kerja"] == "1.488.624"
    said = [c.value for c in at.caption if "tidak dipakai sebagai cakupan UCJ" in c.value]
    assert len(said) == 1 and "65,0 %" in said[0] and "Bukan Penerima Upah" in said[0]  # and why it is not


def test_regions_with_a_ucj_rate_say_nothing_about_segment_rates(app_db):
    at = open_app("probolinggo")
    assert not [c for c in at.caption if "tidak dipakai sebagai cakupan UCJ" in c.value]


def test_a_failing_page_shows_one_plain_sentence_and_logs_the_detail(app_db, monkeypatch, caplog):
    def broken(name: str, **params: object) -> None:
        raise RuntimeError("/srv/ucj/queries/regions.sql: rahasia")

    monkeypatch.delenv(RAISE_ENV)
    monkeypatch.setattr("ui.layout.query", broken)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("app.error", "id")]
    shown = " ".join(str(getattr(e, "value", "")) for e in at.main)
    assert "rahasia" not in shown and "Traceback" not in shown
    assert "rahasia" in caplog.text


def test_probolinggo_bound_stays_a_bound_and_what_is_computed_from_it_says_so(app_db):
    """'lebih dari 46.000 pekerja' is shown as > 46.000; the workforce derived from it and the workers
    still to protect are lower bounds too, never the point values 127.778 and 30.667."""
    shown = metrics(open_app("probolinggo"))
    assert shown["Peserta aktif BPJS Ketenagakerjaan"] == "> 46.000"
    assert shown["Tenaga kerja"] == "> 127.778"
    assert shown["Pekerja lagi untuk capai target"] == "> 30.667"
    assert "46.000" not in shown.values() and "127.778" not in shown.values()


def test_sijunjung_months_of_cover_as_stated_and_as_its_budget_implies(app_db):
    """Phase I keeps the stated 12 months; the 9 months its budget implies is a derived value listed
    among the discrepancies."""
    at = open_app("sijunjung")
    warnings = [w.value for w in at.warning]
    months = [w for w in warnings if "masa tanggungan Tahap I 2022" in w]
    assert len(months) == 1 and "12 bulan" in months[0] and "9 bulan" in months[0] and "DERIVED" in months[0]


def test_the_table_of_every_figure_comes_once_its_box_is_opened(app_db):
    at = open_app("padang")
    assert not at.dataframe  # not yet every figure

    at.session_state["home_figures_box"] = True
    table = at.run().dataframe[-1]
    assert "426.765" in table.value.to_string()  # Padang's workforce, among every published figure


def test_the_subsidy_programmes_are_a_table_of_text_with_their_figures(app_db):
    """A few rows to read, as Markdown: Padang's two POKIR programmes with their workers and their source."""
    at = open_app("padang")
    table = next(m.value for m in at.markdown if m.value.startswith("| Program |"))
    rows = table.splitlines()
    assert rows[1].split("|")[4] == "---:"  # the workers column aligned right, as figures are
    assert [row.split("|")[4].strip() for row in rows[2:]] == [plain("349"), plain("3.670")]  # escaped text
    assert all(plain("Trimaulina dkk. (2025)") in row for row in rows[2:])
