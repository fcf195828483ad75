"""Benchmark: the Kolaborasi page's script run per region, recording a round, and the minutes export.

Run: .venv/bin/python bench/bench_kolaborasi.py [--runs N]
Prints a table; numbers are wall-clock on this machine (report them, do not assert on them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from tests.apptest_support import REGIONS, open_app
from ucj.build import build
from ucj.collab.export import minutes_frame
from ucj.collab.rules import RoundDraft
from ucj.collab.store import record_round
from ucj.db import Database
from ucj.table_export import to_csv, to_xlsx

TODAY = dt.date(2026, 11, 23)


def timed(runs: int, action: Callable[[], object]) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return seconds


def page_runs(runs: int) -> dict[str, list[float]]:
    """A rerun of the page with warm caches: what a user waits for after each click."""
    results = {}
    for region in REGIONS:
        at = open_app(region, page="views/collab.py")
        results[region] = timed(runs, at.run)
    return results


def round_writes(runs: int, database: Database) -> list[float]:
    """Recording a Paritrana-style round for Padang: validation, inserts and the audit entry in one transaction."""
    scores = {"par_regulation": 3, "par_performance": 3, "par_innovation": 2, "par_leadership": 4}

    def write() -> None:
        with database.writer() as con:
            record_round(
                con,
                RoundDraft("13.71", "paritrana", TODAY, scores),
                slug="padang",
                actor="bench",
                today=TODAY,
            )

    return timed(runs, write)


def exports(runs: int, database: Database) -> list[float]:
    actions = database.query("collab_actions", kode_kab="13.71")

    def export() -> None:
        frame = minutes_frame(actions, "id", TODAY)
        to_csv(frame)
        to_xlsx(frame, "Tindak lanjut")

    return timed(runs, export)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # Two files: DuckDB allows one configuration per file and process, and the pages read read-only.
        pages_db, writes_db = Path(tmp) / "pages.duckdb", Path(tmp) / "writes.duckdb"
        build(out=pages_db)
        shutil.copy(pages_db, writes_db)
        os.environ["UCJ_DEMO_DB"] = str(pages_db)
        rows = {f"page rerun, {region}": values for region, values in page_runs(args.runs).items()}
        database = Database(writes_db)
        rows["record a round (4 scores + audit)"] = round_writes(args.runs, database)
        rows["minutes export (CSV + Excel), Padang"] = exports(args.runs, database)
        database.close()
    print(f"{'measure':44} {'median s':>9} {'min s':>7} {'max s':>7}")
    for label, values in rows.items():
        print(f"{label:44} {statistics.median(values):9.3f} {min(values):7.3f} {max(values):7.3f}")


if __name__ == "__main__":
    main()
