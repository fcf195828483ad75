"""Where a page's script run spends its time: CPU of each page × region's warm run, and its top costs.

Run: .venv/bin/python bench/profile_pages.py [--pages map,subsidy] [--regions padang] [--n 3] [--top 12]
     [--sort cumulative|tottime] [--widgets]

Each page opens once per region in AppTest (the process caches warm up), then N times more in fresh
sessions, as a new viewer would: "cpu" is the median thread CPU (time.thread_time) of the script thread over
those runs (and the least), so other processes on the machine hardly disturb it; "calls" counts the
Python function calls of one run, which no load changes. The last run is profiled with cProfile
(inside the script thread) and its top functions printed, by cumulative and own time. `--widgets` also
times a rerun after a filter change on the map and an input change in the calculator (median of 5), and
what a full garbage collection costs with every page loaded (a server runs one after every script run unless
runner.postScriptGC is off; AppTest never does).
The demo database is built once into a temporary folder; the shipped data file is never read.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest outside a server warns on every run

from streamlit.runtime.scriptrunner import script_runner  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from ucj.build import build  # noqa: E402
from ui.layout import PAGES, RAISE_ENV  # noqa: E402

REGIONS = ("padang", "sijunjung", "probolinggo", "jember")


class ScriptClock:
    """Thread CPU of every script run, and a cProfile of the runs while `profile` is set."""

    def __init__(self) -> None:
        self.cpu: list[float] = []
        self.profile: cProfile.Profile | None = None
        original = script_runner.ScriptRunner._run_script

        def timed(runner: script_runner.ScriptRunner, rerun_data: object) -> None:
            start = time.thread_time()
            if self.profile is not None:
                self.profile.enable()
            try:
                original(runner, rerun_data)
            finally:
                if self.profile is not None:
                    self.profile.disable()
                self.cpu.append(time.thread_time() - start)

        script_runner.ScriptRunner._run_script = timed  # type: ignore[method-assign]

    def last(self) -> float:
        return self.cpu[-1]


def open_page(region: str, script: str, before_last: Callable[[], None] = lambda: None) -> AppTest:
    """A fresh session on the page; `before_last` is called just before the page's own run."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"region": region, "lang": "id"})
    if script != "views/region.py":
        at.run()
        at.switch_page(script)
    before_last()
    at.run()
    assert not at.exception, at.exception
    return at


def top(profile: cProfile.Profile, sort: str, count: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(count)
    return "\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip())


def page_cpu(clock: ScriptClock, region: str, script: str, n: int) -> tuple[float, float]:
    """Median and least CPU of the page's run in a fresh session (the frame's run before switching is not
    counted). The least is the steadier figure: an automatic full garbage collection (0,2 s with every page
    loaded) lands in some runs and not others."""
    runs = []
    for _ in range(n):
        open_page(region, script)
        runs.append(clock.last())
    return statistics.median(runs), min(runs)


def function_calls(clock: ScriptClock, region: str, script: str) -> int:
    """Python function calls of one run of the page: a count the machine's load cannot change."""
    profile = cProfile.Profile(time.thread_time)
    open_page(region, script, lambda: setattr(clock, "profile", profile))
    clock.profile = None
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


def rerun_cpu(
    clock: ScriptClock, at: AppTest, change: Callable[[AppTest, int], None], n: int = 5
) -> tuple[float, float]:
    """Median thread CPU of the script run, and median wall time of `at.run()`, after `change`."""
    runs, walls = [], []
    for i in range(n):
        change(at, i)
        start = time.perf_counter()
        at.run()
        walls.append(time.perf_counter() - start)
        assert not at.exception, at.exception
        runs.append(clock.last())
    return statistics.median(runs), statistics.median(walls)


def widgets(clock: ScriptClock) -> None:
    at = open_page("padang", "views/map.py")
    metrics = ["coverage", "active", "registered"]
    cpu, wall = rerun_cpu(clock, at, lambda a, i: a.selectbox(key="peta_metric").set_value(metrics[i % 3]))
    print(f"map: metric change rerun cpu {cpu * 1000:.0f} ms, wall {wall * 1000:.0f} ms (median of 5)")
    at = open_page("padang", "views/subsidy.py")
    key = next(w.key for w in at.number_input if w.key and "months" in w.key)
    cpu, wall = rerun_cpu(clock, at, lambda a, i: a.number_input(key=key).set_value(6 + i))
    print(f"calculator: {key} change rerun cpu {cpu * 1000:.0f} ms, wall {wall * 1000:.0f} ms (median of 5)")
    # AppTest never collects after a run; a server with runner.postScriptGC (Streamlit's default) does.
    start = time.thread_time()
    gc.collect(2)
    print(f"a full gc.collect(2) with every page loaded: {(time.thread_time() - start) * 1000:.0f} ms cpu")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=lambda s: s.split(","), default=None, help="region,map,subsidy,...")
    parser.add_argument("--regions", type=lambda s: s.split(","), default=list(REGIONS))
    parser.add_argument("--n", type=int, default=3, help="measured fresh-session runs per page × region")
    parser.add_argument("--top", type=int, default=0, help="print the top N functions of each page's last run")
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    parser.add_argument("--widgets", action="store_true", help="also time a map filter and calculator change")
    args = parser.parse_args()
    scripts = [s for _, _, s in PAGES if not args.pages or Path(s).stem in args.pages]

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ucj_profile.duckdb"
        build(out=db)
        os.environ.update({"UCJ_DEMO_DB": str(db), "UCJ_WORKSPACE": "", RAISE_ENV: "1"})
        clock = ScriptClock()
        print(f"{'page':<10} {'region':<12} cpu ms: median, least of {args.n}; calls (thousands)")
        for script in scripts:
            for region in args.regions:
                open_page(region, script)  # warm the process caches
                cpu, least = page_cpu(clock, region, script, args.n)
                calls = function_calls(clock, region, script)
                line = f"{Path(script).stem:<10} {region:<12} {cpu * 1000:6.0f} {least * 1000:6.0f} {calls / 1000:8.0f}"
                print(line, flush=True)
            if args.top:
                profile = cProfile.Profile(time.thread_time)  # CPU, not wall: others share the cores
                open_page(args.regions[0], script, lambda: setattr(clock, "profile", profile))  # noqa: B023
                print(top(profile, args.sort, args.top))
                clock.profile = None
        if args.widgets:
            widgets(clock)


if __name__ == "__main__":
    main()
