"""End to end: a colleague opens a shared scenario link in chromium (no internet) and sees the same totals."""

from __future__ import annotations

import base64
import datetime as dt
import re
import zlib
from urllib.parse import urlencode

import duckdb
import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import AREAS, SERVER, StreamlitServer, wait_for_app
from ucj import fmt
from ucj.db import run_query
from ucj.i18n import t
from ucj.subsidy.cost import Line
from ucj.subsidy.evaluate import evaluate, summary
from ucj.subsidy.headcount import Region, kecamatan_from
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import Scenario, encode
from ui.layout import RAISE_ENV

pytestmark = pytest.mark.browser

SHARED = Scenario(
    start=dt.date(2026, 12, 1),
    region="13.71",
    name="Pokir Kuranji + APBD",
    months=12,
    lines=(Line("13.71.05", "petani", "POKIR", 120), Line(None, "ojek", "APBD", 880)),
    budgets={"APBD": 1_000_000_000, "POKIR": 300_000_000},
    dapil=("13.71.05",),
)


def expected_figures(db) -> dict[str, str]:
    """The totals worked out in Python from the same database and rules, formatted as the screen writes them."""
    with duckdb.connect(str(db), read_only=True) as con:
        region = Region(kecamatan_from(run_query(con, "subsidy_kecamatan", kode_kab="13.71")), 0.05)
    figures = summary(evaluate(SHARED, load(), region))
    return {
        "total": fmt.rupiah(figures["total_cost_rp"]),
        "workers": fmt.number(figures["workers"]),
        "reach": fmt.number(figures["reach_workers"]),
        "left": fmt.rupiah(figures["left_rp"]),
    }


def test_shared_link_opens_the_same_scenario_offline(streamlit_server: StreamlitServer, page: Page, app_db) -> None:
    expected = expected_figures(app_db)
    query = urlencode({"region": "padang", "lang": "id", "s": encode(SHARED)})
    with streamlit_server(SERVER, env={"UCJ_DEMO_DB": str(app_db)}) as base_url:
        page.goto(f"{base_url}/kalkulator?{query}")
        wait_for_app(page)
        main = page.get_by_test_id("stMain")
        values = main.get_by_test_id("stMetricValue")

        def shown(text: str) -> None:
            expect(values.filter(has_text=re.compile(rf"^{re.escape(text)}$")).first).to_be_visible()

        for figure in ("total", "workers"):
            shown(expected[figure])
        assert "s=1." in page.url  # the link stays in the address bar, ready to copy again

        main.get_by_role("tab", name="Anggaran & alokasi").click()  # its results come with the rerun it asks
        for figure in ("reach", "left"):
            shown(expected[figure])
        expect(page.locator(AREAS)).to_have_count(11, timeout=15_000)


# (a link inflating to 300 MB is 400.000 characters long: the HTTP server refuses that address itself)
@pytest.mark.parametrize("raw", [b"[" * 200_000, b" " * (20 * 2**20)], ids=["nested-200000", "zlib-20mb"])
def test_a_hostile_link_shows_a_plain_refusal_never_a_traceback(
    streamlit_server: StreamlitServer, page: Page, app_db, monkeypatch: pytest.MonkeyPatch, raw: bytes
) -> None:
    monkeypatch.delenv(RAISE_ENV)  # the app as deployed: a failure would show only the plain sentence
    link = "1." + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")
    with streamlit_server(SERVER) as base_url:
        page.goto(f"{base_url}/kalkulator?{urlencode({'region': 'padang', 'lang': 'id', 's': link})}")
        wait_for_app(page, timeout_ms=90_000)  # the first run of this page is slow on a busy machine
        main = page.get_by_test_id("stMain")
        expect(main.get_by_test_id("stAlert").first).to_contain_text(t("kalk.url_error", "id").split("(")[0])
        assert page.get_by_test_id("stException").count() == 0
        assert "Traceback" not in main.inner_text() and ".py" not in main.inner_text()
