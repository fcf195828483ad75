"""End to end: a colleague opens a shared scenario link in chromium (no internet) and sees the same totals."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode

import duckdb
import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import StreamlitServer, frame_for_map, wait_for_app
from ucj import fmt
from ucj.db import run_query
from ucj.paths import ROOT
from ucj.subsidy.cost import Line
from ucj.subsidy.evaluate import evaluate, summary
from ucj.subsidy.headcount import Region, kecamatan_from
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import Scenario, encode

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
    with streamlit_server(ROOT / "app.py", env={"UCJ_DEMO_DB": str(app_db)}) as base_url:
        page.goto(f"{base_url}/kalkulator?{query}")
        wait_for_app(page)
        main = page.get_by_test_id("stMain")
        values = main.get_by_test_id("stMetricValue")
        for text in expected.values():
            expect(values.filter(has_text=re.compile(rf"^{re.escape(text)}$")).first).to_be_attached()
        expect(values.filter(has_text=re.compile(rf"^{re.escape(expected['total'])}$")).first).to_be_visible()
        assert "s=1." in page.url  # the link stays in the address bar, ready to copy again

        main.get_by_role("tab", name="Anggaran & alokasi").click()
        frame = frame_for_map(page)
        expect(frame.locator("path.leaflet-interactive")).to_have_count(11, timeout=15_000)
