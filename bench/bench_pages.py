"""Benchmark of page loads in headless chromium: this app beside a bare Streamlit page, server CPU per view.

Run: .venv/bin/python bench/bench_pages.py [--n 6] [--pages peta,kalkulator] [--regions padang]
     [--crowds 8,16] [--entry app.py] [--workspace ws/ucj.duckdb [--regions sukabumi]]
     (goals of issue 17: load ≤ 1,25× the bare page, map polygons ≤ 1,5×, server CPU ≤ 0,15 s per view)

Two servers run side by side from the repository root with the same Streamlit: the app on the demo
database and a bare page (a title and one line of text). After one warm-up load of everything, every
page × region is opened N times, each in a fresh browser context, alternating with a load of the bare
page so both see the same machine. "load" is the time from navigation until the script run has
finished and nothing is stale (tests/browser_support.wait_for_app) and the page's title is drawn;
"drawn" is the time until, besides, no element is still a skeleton: Streamlit fetches an element's code
(a selectbox's, a chart's, a metric's) only when the element first arrives and shows a grey placeholder
until then, so "load" can come while parts of the page are still grey, and "drawn" is when a viewer
sees the whole page; "polygons" is the time until the map's first area is in the page, looked for on
every animation frame (before stop 23 through a Playwright locator, whose retries back off to 500 ms). "cpu/view" is
the server process's user+system CPU seconds (psutil on its pid) from opening the context until it is
closed and the server has settled: with browser and server on the same cores it is the figure that
contention disturbs least. The bare page's own cpu/view (serving Streamlit's front end to a fresh
context, the session, one run) is the floor every page pays. "crowd" opens the map page in 8 and 16
contexts at once and gives the median and maximum load, the server CPU per view, and the server's CPU
seconds beside the whole machine's while the pages loaded: on shared cores, the server's share of the wait.
External requests are aborted, as in the tests, through a URL pattern so that only those are intercepted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import psutil
from playwright.async_api import Browser, BrowserContext, async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser_support import AREAS, CHROMIUM, CHROMIUM_ARGS, EXTERNAL, SERVER, run_streamlit  # noqa: E402
from ucj.build import build  # noqa: E402
from ucj.db import Database  # noqa: E402
from ucj.paths import DEMO_DB  # noqa: E402
from ui.layout import PAGES  # noqa: E402

REGIONS = ("padang", "sijunjung", "probolinggo", "jember")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 180_000
SETTLE_S = 0.3  # after a context closes, the server drops the session
# The map's first drawn area, looked for on every animation frame through the shadow roots of the page's
# components: Playwright's locator waits back off to 500 ms between tries, which added up to half a second.
POLYGONS = f"""() => [document, ...[...document.querySelectorAll("*")].map((element) => element.shadowRoot)].some(
    (root) => root?.querySelector({json.dumps(AREAS)}))"""
BARE_APP = """import streamlit as st

st.title("Halaman kosong")
st.write("Satu baris teks.")
"""
DONE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.dataset.testConnectionState === "CONNECTED" && app.dataset.testScriptState === "notRunning"
        && !document.querySelector('[data-stale="true"], [data-testid^="stStatusWidgetRunning"]')
        && document.querySelector('[data-testid="stMain"] h1') !== null;
}"""
# DONE, and no element still waiting for its code: Streamlit draws a skeleton in its place until then.
DRAWN = f"""() => ({DONE})() && !document.querySelector('[data-testid="stSkeleton"]')"""


@dataclass
class Samples:
    """Times of one row of the table, in seconds."""

    load: list[float] = field(default_factory=list)
    drawn: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    bare_drawn: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    bare_cpu: list[float] = field(default_factory=list)
    polygons: list[float] = field(default_factory=list)

    def add(self, load: Load, bare: Load) -> None:
        """One load of the page and the bare page's load after it."""
        self.load.append(load.loaded)
        self.drawn.append(load.drawn)
        self.cpu.append(load.cpu)
        if load.polygons is not None:
            self.polygons.append(load.polygons)
        self.bare.append(bare.loaded)
        self.bare_drawn.append(bare.drawn)
        self.bare_cpu.append(bare.cpu)


def server_process(base_url: str) -> psutil.Process:
    """The Streamlit child of this process listening on `base_url`'s port."""
    port = str(urlsplit(base_url).port)
    for child in psutil.Process().children(recursive=True):
        if port in child.cmdline():
            return child
    raise RuntimeError(f"no server process for {base_url}")


def cpu_seconds(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return times.user + times.system


async def new_context(browser: Browser, viewport: dict[str, int]) -> BrowserContext:
    context = await browser.new_context(viewport=viewport)
    await context.route(EXTERNAL, lambda route: route.abort("internetdisconnected"))
    return context


@dataclass(frozen=True)
class Load:
    """Seconds from navigation of one fresh load, and the server CPU seconds it cost (`measured`)."""

    loaded: float
    drawn: float
    polygons: float | None = None  # the map's first area, when asked for
    cpu: float = float("nan")


async def load_once(
    browser: Browser, url: str, viewport: dict[str, int], polygons: bool, polling: float | str = 50
) -> Load:
    """Seconds from navigation to a finished run, to a page with no skeleton left, and to the map's first
    drawn area when `polygons`; the first two are looked for every `polling` ms (or "raf": every frame)."""
    context = await new_context(browser, viewport)
    try:
        page = await context.new_page()
        start = time.perf_counter()
        await page.goto(url, wait_until="commit")

        async def elapsed(test: str, polling: float | str) -> float:
            await page.wait_for_function(test, timeout=TIMEOUT_MS, polling=polling)
            return time.perf_counter() - start

        waits = [elapsed(DONE, polling), elapsed(DRAWN, polling)] + ([elapsed(POLYGONS, "raf")] if polygons else [])
        return Load(*await asyncio.gather(*waits))
    finally:
        await context.close()


async def measured(
    browser: Browser, proc: psutil.Process, url: str, viewport: dict[str, int] = DESKTOP, polygons: bool = False
) -> Load:
    """One load as in `load_once`, with the server's CPU seconds it cost."""
    before = cpu_seconds(proc)
    load = await load_once(browser, url, viewport, polygons)
    await asyncio.sleep(SETTLE_S)
    return replace(load, cpu=cpu_seconds(proc) - before)


def busy_seconds() -> float:
    """CPU seconds the whole machine has spent not idle, summed over its cores."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


@dataclass
class Crowd:
    """One crowd: load times, timeouts, and the server's share of the machine while the pages loaded."""

    times: list[float]
    failed: int
    cpu_per_view: float
    wall: float  # seconds from the first navigation until the last context has closed
    server_busy: float  # server CPU seconds in that time
    machine_busy: float  # CPU seconds of every process in that time (browsers, both servers, this script)

    def line(self) -> str:
        share = self.server_busy / self.machine_busy if self.machine_busy else float("nan")
        return (
            f"median {median(self.times):.2f} s, max {max(self.times, default=float('nan')):.2f} s,"
            f" {self.failed} timed out, cpu/view {self.cpu_per_view:.3f} s; in {self.wall:.2f} s the server used"
            f" {self.server_busy:.2f} CPU s of the machine's {self.machine_busy:.2f} ({share:.0%})"
        )


async def crowd(browser: Browser, proc: psutil.Process, url: str, size: int) -> Crowd:
    """`size` contexts open `url` at once. Browser and server share the cores, so the server's CPU seconds
    beside the whole machine's while the pages load say how much of the wait is the server's."""
    before, machine_before, start = cpu_seconds(proc), busy_seconds(), time.perf_counter()
    results = await asyncio.gather(
        *(load_once(browser, url, DESKTOP, False) for _ in range(size)), return_exceptions=True
    )
    wall, server_busy, machine_busy = (
        time.perf_counter() - start,
        cpu_seconds(proc) - before,
        busy_seconds() - machine_before,
    )
    await asyncio.sleep(SETTLE_S * 3)
    times = [result.loaded for result in results if not isinstance(result, BaseException)]
    per_view = (cpu_seconds(proc) - before) / size
    return Crowd(times, size - len(times), per_view, wall, server_busy, machine_busy)


def served(workspace: Path | None) -> tuple[dict[str, str], list[str]]:
    """The environment that makes the app serve the demo (whatever is configured) or `workspace`, and the
    slugs of the regions that database holds, in the picker's order."""
    if workspace is None and not DEMO_DB.exists():
        build(out=DEMO_DB)
    database = Database(workspace or DEMO_DB, writable=False)
    try:
        slugs = database.query("regions")["slug"].tolist()
    finally:
        database.close()
    return {"UCJ_DEMO_DB": str(DEMO_DB), "UCJ_WORKSPACE": str(workspace or "")}, slugs


def chosen_regions(asked: list[str] | None, held: list[str], default: list[str]) -> list[str]:
    """The regions asked for, or `default`; a slug the database does not hold is an error, not a silent
    measure of the region the app falls back to."""
    unknown = sorted(set(asked or []) - set(held))
    if unknown:
        raise SystemExit(f"--regions: no region {', '.join(unknown)} here; this database holds {', '.join(held)}")
    return asked or default


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def page_url(base_url: str, path: str, region: str) -> str:
    return f"{base_url}/{path}?region={region}&lang=id"


async def run(args: argparse.Namespace) -> None:
    env, held = served(args.workspace)
    paths = [path for path, _, _ in PAGES if not args.pages or (path or "beranda") in args.pages]
    regions = chosen_regions(args.regions, held, held if args.workspace else list(REGIONS))
    # What a meeting opens together: Padang's map in the demo, the first region's in a workspace.
    crowd_page = ("peta", regions[0] if args.workspace else "padang")
    with tempfile.TemporaryDirectory() as tmp:
        bare_app = Path(tmp) / "bare.py"
        bare_app.write_text(BARE_APP, encoding="utf-8")
        with run_streamlit(ROOT / args.entry, env) as app_url, run_streamlit(bare_app, env) as bare_url:
            app_proc, bare_proc = server_process(app_url), server_process(bare_url)
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                # Warm the caches, the crowds' page included: the figures are for a warm server.
                warm = {(path, region) for path in paths for region in regions}
                warm |= {crowd_page} if args.crowds else set()
                for path, region in sorted(warm):
                    await load_once(browser, page_url(app_url, path, region), DESKTOP, path == "peta")
                await load_once(browser, bare_url, DESKTOP, False)

                rows: dict[tuple[str, str], Samples] = {}
                for path in paths:
                    for region in regions:
                        samples = rows.setdefault((path, region), Samples())
                        for _ in range(args.n):
                            samples.add(
                                await measured(
                                    browser, app_proc, page_url(app_url, path, region), polygons=path == "peta"
                                ),
                                await measured(browser, bare_proc, bare_url),
                            )
                        _print_row(path, region, samples)

                if "peta" in paths and "jember" in regions:
                    phone = Samples()
                    for _ in range(args.n):
                        phone.add(
                            await measured(
                                browser, app_proc, page_url(app_url, "peta", "jember"), PHONE, polygons=True
                            ),
                            await measured(browser, bare_proc, bare_url, PHONE),
                        )
                    print(
                        f"phone 390×844, Jember map: load {median(phone.load):.2f} s,"
                        f" drawn {median(phone.drawn):.2f} s, polygons {median(phone.polygons):.2f} s,"
                        f" bare {median(phone.bare):.2f} s,"
                        f" polygons/bare {median(phone.polygons) / median(phone.bare):.2f}×,"
                        f" cpu/view {median(phone.cpu):.3f} s",
                        flush=True,
                    )
                bare_cpu = [cpu for samples in rows.values() for cpu in samples.bare_cpu]
                if bare_cpu:
                    print(f"bare page: cpu/view median {median(bare_cpu):.3f} s over {len(bare_cpu)} loads", flush=True)

                for size in args.crowds:
                    app_crowd = await crowd(browser, app_proc, page_url(app_url, *crowd_page), size)
                    bare_crowd = await crowd(browser, bare_proc, bare_url, size)
                    print(f"crowd of {size:2d} on {'/'.join(crowd_page)}: {app_crowd.line()}", flush=True)
                    print(f"crowd of {size:2d} on the bare page: {bare_crowd.line()}", flush=True)
                await browser.close()
    print(f"load average (1, 5, 15 min): {', '.join(f'{v:.1f}' for v in os.getloadavg())}; cores: {os.cpu_count()}")


def _print_row(path: str, region: str, s: Samples) -> None:
    ratio, drawn_ratio = median(s.load) / median(s.bare), median(s.drawn) / median(s.bare_drawn)
    line = (
        f"{path or 'beranda':<11} {region:<12} load {median(s.load):5.2f} s  bare {median(s.bare):5.2f} s"
        f"  ratio {ratio:4.2f}×  drawn {median(s.drawn):5.2f} s ({drawn_ratio:4.2f}× the bare page's"
        f" {median(s.bare_drawn):.2f})  cpu/view {median(s.cpu):.3f} s (max {max(s.cpu):.3f},"
        f" bare {median(s.bare_cpu):.3f})"
    )
    if s.polygons:
        line += f"  polygons {median(s.polygons):5.2f} s ({median(s.polygons) / median(s.bare):.2f}×)"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=6, help="loads per page × region")
    parser.add_argument("--pages", type=lambda s: s.split(","), default=None, help="beranda,peta,kalkulator,...")
    parser.add_argument("--regions", type=lambda s: s.split(","), default=None, help="padang,jember,...")
    parser.add_argument(
        "--entry", default=SERVER.name, help="what `streamlit run` starts: serve.py (as scripts/run.sh) or app.py"
    )
    parser.add_argument("--crowds", type=lambda s: [int(v) for v in s.split(",") if v], default=[8, 16])
    parser.add_argument(
        "--workspace",
        type=Path,
        default=None,
        help="a workspace (python -m ucj.workspace init) instead of the demo;"
        " --regions then defaults to every region it holds",
    )
    args = parser.parse_args()
    if args.workspace and not args.workspace.exists():
        parser.error(f"--workspace: no workspace at {args.workspace}")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the two servers on `kill` too
    print(f"{args.n} loads per row, load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores", flush=True)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
