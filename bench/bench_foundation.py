"""Benchmark: demo-database build time, and server start → first complete render of the home page.

Run: .venv/bin/python bench/bench_foundation.py [--runs N] [--screenshot docs/home.png]
Prints a table; numbers are wall-clock on this machine (report them, do not assert on them).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, SERVER, run_streamlit, wait_for_app
from ucj.build import build


def time_builds(runs: int, folder: Path) -> list[float]:
    return [build(out=folder / f"bench{i}.duckdb").seconds for i in range(runs)]


def time_first_render(runs: int, db: Path, screenshot: Path | None) -> list[float]:
    """From launching `streamlit run` to the home page showing its headline figures."""
    seconds = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for i in range(runs):
            started = time.perf_counter()
            with run_streamlit(SERVER, env={"UCJ_DEMO_DB": str(db)}) as base_url:
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                page.goto(f"{base_url}/?region=padang")
                wait_for_app(page)
                expect(page.get_by_test_id("stMetricValue").filter(has_text="134.249")).to_be_visible()
                seconds.append(time.perf_counter() - started)
                if screenshot and i == 0:
                    page.set_viewport_size({"width": 1280, "height": 900})
                    page.screenshot(path=str(screenshot), full_page=False)
                page.close()
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        builds = time_builds(args.runs, folder)
        renders = time_first_render(args.runs, folder / "bench0.duckdb", args.screenshot)
    print(f"{'measure':48} {'median s':>9} {'min s':>7} {'max s':>7}")
    for label, values in (("demo database build", builds), ("server start → home page rendered", renders)):
        print(f"{label:48} {statistics.median(values):9.2f} {min(values):7.2f} {max(values):7.2f}")


if __name__ == "__main__":
    main()
