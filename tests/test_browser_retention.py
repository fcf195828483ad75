"""End to end in headless chromium (no internet): a link opens Perisai agent SZ's worklist on the
synthetic Dukuhdempok extract (issue 13's generator, imported through its importer), marked
"contoh sintetis", masked, with no export for a viewer and none from the table's own toolbar."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import SERVER, StreamlitServer, wait_for_app
from tests.retention_support import import_synthetic
from ucj import fmt
from ucj.db import Database
from ucj.membership.crypto import KEY_ENV, decrypt
from ucj.retention.worklist import band_counts

pytestmark = pytest.mark.browser
SLOW = 90_000  # ms: the first run reads the extract on a busy test machine
SECRET = b"r" * 32


@pytest.fixture
def server_db(demo_db: Path, tmp_path: Path, personal_key: None) -> Path:
    path = tmp_path / "browser.duckdb"
    shutil.copy(demo_db, path)
    import_synthetic(path, "dukuhdempok", tmp_path, SECRET)
    return path


def test_a_link_opens_an_agents_worklist(streamlit_server: StreamlitServer, page: Page, server_db: Path) -> None:
    db = Database(server_db)
    rows = db.query("retention_worklist", kode_kab="35.09", scope_by="agent", scope_key="SZ")
    db.close()
    counts = band_counts(rows)
    names = [decrypt(blob) for blob in rows["name_enc"]]
    secret_file = server_db.parent / "nik.key"
    secret_file.write_text(SECRET.hex())
    env = {"UCJ_WORKSPACE": str(server_db), KEY_ENV: os.environ[KEY_ENV], "UCJ_SECRET_FILE": str(secret_file)}
    with streamlit_server(SERVER, env=env) as base_url:
        page.goto(f"{base_url}/retensi?region=jember&lang=id&worklist=agent:SZ")
        wait_for_app(page, SLOW)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("contoh sintetis").first).to_be_visible(timeout=SLOW)
        main.get_by_role("tab", name="Daftar kerja").click()
        scope = f"Agen SZ ({fmt.number(len(rows))} tertunggak)"
        expect(main.get_by_role("combobox", name="Daftar kerja untuk")).to_have_value(scope)
        metrics = main.get_by_test_id("stMetric")
        for band in ("1", "2", "3+"):
            value = metrics.filter(has_text=f"Tertunggak {band} bulan").get_by_test_id("stMetricValue")
            expect(value).to_have_text(fmt.number(counts[band]))
        panel = main.get_by_role("tabpanel", name="Daftar kerja")
        expect(panel.get_by_test_id("stDataFrame")).to_be_visible(timeout=SLOW)
        # The table's own toolbar offers no download (client.disableDataExport): no way around the audit.
        expect(main.get_by_role("button", name="Download as CSV")).to_have_count(0)
        expect(main.get_by_text("Masuk sebagai editor untuk mengekspor")).to_be_visible(timeout=SLOW)
        expect(main.get_by_role("button", name="Siapkan ekspor")).to_have_count(0)
        content = page.content()
        assert names and not [n for n in names if n in content]
        assert "worklist=agent%3ASZ" in page.url or "worklist=agent:SZ" in page.url
