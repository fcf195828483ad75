"""Where the map page's time goes in a fresh browser: the stages from navigation to the first drawn area.

Run: .venv/bin/python bench/map_stages.py [--n 6] [--regions padang,jember] [--phone]

Each load opens the map page in a fresh headless-chromium context against a warm server (one load per
region first) and notes, on every animation frame, when each stage is first seen; the medians are printed
in milliseconds from navigation, with the server's element chunks and Leaflet as the browser fetched them.
The stages: the title is drawn; the script run has finished and nothing is stale (bench_pages' "load");
the map's component has its shadow root; Leaflet has run; the first area is drawn (bench_pages' "polygons").
Polling every frame costs the page a little, so these times sit slightly above bench_pages' own.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_pages import DESKTOP, DONE, PHONE, POLYGONS, chosen_regions, new_context, page_url, served  # noqa: E402
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, SERVER, run_streamlit  # noqa: E402

STAGES = ("title", "run finished", "component", "Leaflet", "first area")
# Each stage is looked for until it is seen; "run finished" and "first area" are bench_pages' own tests.
MARKS = """(() => {
  const marks = (window.__stages = {});
  const tests = {
    "title": () => document.querySelector('[data-testid="stMain"] h1'),
    "run finished": DONE,
    "component": () => [...document.querySelectorAll("*")].some((element) => element.shadowRoot),
    "Leaflet": () => window.L,
    "first area": POLYGONS,
  };
  const tick = () => {
    for (const [name, seen] of Object.entries(tests)) if (!(name in marks) && seen()) marks[name] = performance.now();
    if (Object.keys(marks).length < Object.keys(tests).length) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()""".replace("DONE", DONE).replace("POLYGONS", POLYGONS)
FETCHES = """() => performance.getEntriesByType("resource")
    .filter((r) => /BidiComponent|Metric|DownloadButton|leaflet\\.js/.test(r.name))
    .map((r) => [r.name.split("/").pop().split(".")[0], r.startTime, r.responseEnd])"""


async def load(browser: Browser, url: str, viewport: dict[str, int]) -> tuple[dict[str, float], list[list]]:
    """One fresh load: each stage's time, and the fetches of the chunks the map waits for."""
    context = await new_context(browser, viewport)
    try:
        await context.add_init_script(MARKS)
        page = await context.new_page()
        await page.goto(url, wait_until="commit")
        await page.wait_for_function(f"() => Object.keys(window.__stages ?? {{}}).length === {len(STAGES)}")
        return await page.evaluate("window.__stages"), await page.evaluate(FETCHES)
    finally:
        await context.close()


async def run(args: argparse.Namespace) -> None:
    env, held = served(None)
    regions = chosen_regions(args.regions, held, ["padang", "jember"])
    viewport = PHONE if args.phone else DESKTOP
    with run_streamlit(ROOT / SERVER.name, env) as base_url:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            for region in regions:
                url = page_url(base_url, "peta", region)
                await load(browser, url, viewport)  # warm the server's caches
                loads = [await load(browser, url, viewport) for _ in range(args.n)]
                print(f"peta {region} ({args.n} loads, {'phone' if args.phone else 'desktop'}), ms from navigation:")
                for stage in STAGES:
                    print(f"  {stage:<13} {statistics.median(marks[stage] for marks, _ in loads):6.0f}")
                fetched: dict[str, list[tuple[float, float]]] = {}
                for _, fetches in loads:
                    for name, start, end in fetches:
                        fetched.setdefault(name, []).append((start, end))
                for name, times in sorted(fetched.items(), key=lambda item: statistics.median(s for s, _ in item[1])):
                    start, end = (statistics.median(t[i] for t in times) for i in (0, 1))
                    print(f"  fetched {name:<15} {start:6.0f} → {end:6.0f}")
            await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=6, help="loads per region")
    parser.add_argument("--regions", type=lambda s: s.split(","), default=None, help="padang,jember (the default)")
    parser.add_argument("--phone", action="store_true", help="a 390×844 viewport instead of 1280×900")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
