"""End to end: the real server, headless Debian chromium, no internet: the home page shows its figures."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import SERVER, StreamlitServer, wait_for_app

pytestmark = pytest.mark.browser


def test_home_page_opens_with_figures_and_keeps_the_region_in_the_url(
    streamlit_server: StreamlitServer, page: Page, app_db
) -> None:
    with streamlit_server(SERVER, env={"UCJ_DEMO_DB": str(app_db)}) as base_url:
        # The very first request of a fresh server goes to a sub-page: Streamlit's legacy pages/
        # mode must not run the page without its frame.
        page.goto(f"{base_url}/rapat?region=jember")
        wait_for_app(page)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_role("heading", name="Rapat")).to_be_visible()
        expect(main.get_by_role("button", name="Mulai presentasi")).to_be_visible()
        page.get_by_test_id("stSidebar").get_by_text("Beranda").click()
        wait_for_app(page)
        expect(main.get_by_role("heading", name="Kabupaten Jember")).to_be_visible()
        assert "region=jember" in page.url

        page.goto(f"{base_url}/?region=padang")
        wait_for_app(page)
        expect(main.get_by_role("heading", name="Kota Padang")).to_be_visible()
        metrics = main.get_by_test_id("stMetricValue")
        expect(metrics.filter(has_text="134.249")).to_be_visible()
        expect(metrics.filter(has_text="31,5 %")).to_be_visible()
        expect(main.get_by_text("Perkiraan").first).to_be_visible()

        # A copied link opens the same region and language.
        page.goto(f"{base_url}/?region=sijunjung&lang=en")
        wait_for_app(page)
        expect(main.get_by_role("heading", name="Kabupaten Sijunjung")).to_be_visible()
        expect(main.get_by_text("Workforce")).to_be_visible()
        assert re.search(r"region=sijunjung", page.url)
