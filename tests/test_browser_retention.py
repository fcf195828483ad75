"""End to end in headless chromium (no internet): a link opens Perisai agent SZ's worklist on the
synthetic Dukuhdempok extract, marked "contoh sintetis", masked, with no export for a viewer.

The extract is this suite's own fixture (tests/retention_support.add_dukuhdempok), written straight into
a copy of the test database: issue 13's synthetic generator was not in the branch when this was written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import StreamlitServer, wait_for_app
from tests.retention_support import add_dukuhdempok, dukuhdempok_people, month
from ucj.membership.crypto import KEY_ENV
from ucj.paths import ROOT

pytestmark = pytest.mark.browser
SLOW = 90_000  # ms: the first run reads both extracts on a busy test machine


@pytest.fixture
def server_db(demo_db: Path, tmp_path: Path, personal_key: None) -> Path:
    path = tmp_path / "browser.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as con:
        add_dukuhdempok(con)
    return path


def test_a_link_opens_an_agents_worklist(streamlit_server: StreamlitServer, page: Page, server_db: Path) -> None:
    env = {"UCJ_DB": str(server_db), KEY_ENV: os.environ[KEY_ENV], "UCJ_SECRET_FILE": str(server_db.parent / "nik.key")}
    with streamlit_server(ROOT / "app.py", env=env) as base_url:
        page.goto(f"{base_url}/retensi?region=jember&lang=id&daftar=agent:SZ")
        wait_for_app(page, SLOW)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("contoh sintetis").first).to_be_visible(timeout=SLOW)
        main.get_by_role("tab", name="Daftar kerja").click()
        expect(main.get_by_role("combobox", name="Daftar kerja untuk")).to_have_value("Agen SZ (199 tertunggak)")
        metrics = main.get_by_test_id("stMetric")
        expect(metrics.filter(has_text="Tertunggak 3+ bulan").get_by_test_id("stMetricValue")).to_have_text("199")
        expect(metrics.filter(has_text="Sudah membayar lagi").get_by_test_id("stMetricValue")).to_have_text("20")
        panel = main.get_by_role("tabpanel", name="Daftar kerja")
        expect(panel.get_by_test_id("stDataFrame")).to_be_visible(timeout=SLOW)
        # The table's own toolbar offers no download (client.disableDataExport): no way around the audit.
        expect(main.get_by_role("button", name="Download as CSV")).to_have_count(0)
        expect(main.get_by_text("Masuk sebagai editor untuk mengekspor")).to_be_visible(timeout=SLOW)
        expect(main.get_by_role("button", name="Siapkan ekspor")).to_have_count(0)
        content = page.content()
        names = [p.name for p in dukuhdempok_people(month("2024-06"), {"SZ": 55, "ST": 12})]
        assert not [n for n in names if n in content]
        assert "daftar=agent%3ASZ" in page.url or "daftar=agent:SZ" in page.url
