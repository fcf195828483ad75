"""End to end, no internet: an editor records a new round, sees the radar over the previous round and the change,
adds an overdue action item and downloads the list for the minutes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import SERVER, StreamlitServer, wait_for_app
from ucj.auth.accounts import create_user
from ucj.db import Database
from ucj.i18n import t

pytestmark = pytest.mark.browser
EDITOR, PASSWORD = "penyunting", "kata-sandi-rapat-2026"


@pytest.fixture
def editor_db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the test database with an editor account: the test writes to it."""
    path = tmp_path / "kolaborasi.duckdb"
    shutil.copy(demo_db, path)
    database = Database(path)
    with database.writer() as con:
        create_user(con, EDITOR, PASSWORD, "editor", actor="test")
    database.close()
    return path


def sign_in(page: Page) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text(t("auth.login_title")).click()
    sidebar.get_by_label(t("auth.username")).fill(EDITOR)
    sidebar.get_by_label(t("auth.password")).fill(PASSWORD)
    sidebar.get_by_role("button", name=t("auth.login"), exact=True).click()
    wait_for_app(page)


def test_an_editor_records_a_round_sees_the_change_and_adds_an_action(
    streamlit_server: StreamlitServer, page: Page, editor_db: Path, tmp_path: Path
) -> None:
    with streamlit_server(SERVER, env={"UCJ_WORKSPACE": str(editor_db)}) as base_url:
        page.goto(f"{base_url}/kolaborasi?region=padang&lang=id&kerangka=paritrana")
        wait_for_app(page)
        sign_in(page)
        main = page.get_by_test_id("stMain")
        radar = main.locator(".vega-embed").first
        expect(radar.locator("svg text", has_text="Putaran ini (#1)")).to_be_visible()

        # A meeting scores Padang again: regulation up a level, leadership down one.
        main.get_by_text(t("kolab.round.new")).click()
        form = main.get_by_test_id("stForm").filter(has_text=t("kolab.round.submit"))
        form.get_by_role("slider", name="Regulasi").press("ArrowRight")
        form.get_by_role("slider", name="Kepemimpinan kepala daerah").press("ArrowLeft")
        form.get_by_label(t("kolab.evidence")).first.fill("Ranperda jaminan sosial masuk Propemperda")
        form.get_by_label(t("kolab.round.document")).fill("Notulen rapat koordinasi UCJ 12/2026")
        form.get_by_role("button", name=t("kolab.round.submit")).click()
        wait_for_app(page)

        expect(main.get_by_text("tersimpan")).to_be_visible()
        expect(radar.locator("svg text", has_text="Putaran ini (#2)")).to_be_visible()
        expect(radar.locator("svg text", has_text="Putaran sebelumnya (#1)")).to_be_visible()
        expect(main.get_by_test_id("stMetricDelta")).to_have_text("0,0")  # one level up, one down
        # The change table sorts by how far a score moved: leadership's fall first, regulation's rise last.
        change = main.locator(".ucj-table", has_text=t("kolab.before"))
        change.locator("th button", has_text=t("kolab.change")).click()
        expect(change.locator("tbody tr td:nth-child(4)")).to_have_text(["▼ 1", "= 0", "= 0", "▲ 1"])
        expect(change.locator("tbody tr td:first-child").first).to_have_text("Kepemimpinan kepala daerah")
        expect(main.get_by_test_id("stExpander").filter(has_text="Kepemimpinan kepala daerah — 1/5 ▼")).to_be_visible()
        strongest = main.get_by_test_id("stExpander").filter(has_text="Regulasi — 4/5 ▲")
        expect(strongest).to_be_visible()
        assert "round=padang_paritrana_" in page.url
        # The fourth indicator is closed and its text not sent; opening it reruns the list and shows it.
        expect(strongest.get_by_text(t("kolab.level_now", n=4))).to_have_count(0)
        strongest.get_by_text("Regulasi — 4/5 ▲").click()
        expect(strongest.get_by_text(t("kolab.level_now", n=4))).to_be_visible()

        # The meeting agrees an action, already past its date: it stands out and goes into the minutes.
        main.get_by_role("tab", name=t("kolab.tab.actions")).click()
        actions = main.get_by_test_id("stForm").filter(has_text=t("kolab.actions.add"))
        actions.get_by_label(t("kolab.export.title")).fill("Rapat lanjutan Ranperda jaminan sosial")
        # The date field is a row of day, month and year segments; typed digits move from one to the next.
        actions.get_by_role("spinbutton", name=f"day, {t('kolab.export.due_date')}").click()
        page.keyboard.type("31012025")
        actions.get_by_role("button", name=t("kolab.actions.add"), exact=True).click()
        wait_for_app(page)
        expect(main.get_by_text("padang_m001")).to_be_visible()
        expect(main.get_by_text(t("kolab.actions.late", n=1))).to_be_visible()

        with page.expect_download() as download:
            main.get_by_role("button", name=t("kolab.export.csv")).click()
        saved = tmp_path / "notulen.csv"
        download.value.save_as(saved)
        minutes = saved.read_text(encoding="utf-8-sig")
        # overdue first; text fields are always quoted (a cell can never start a formula)
        assert minutes.splitlines()[1].startswith('1,"Rapat lanjutan Ranperda jaminan sosial",')
        assert "Terlambat" in minutes.splitlines()[1]
