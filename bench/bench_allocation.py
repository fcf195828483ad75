"""Benchmark: allocating a budget over kecamatan by each rule, for the four regions and for 7,000
synthetic kecamatan (about Indonesia's number of kecamatan). Goal: the optimisation under 1 s.

Run: .venv/bin/python bench/bench_allocation.py  (prints a table; medians of a few repeats)
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from ucj.build import build  # noqa: E402
from ucj.db import run_query  # noqa: E402
from ucj.subsidy.allocation import Area, allocate  # noqa: E402
from ucj.subsidy.headcount import kecamatan_from  # noqa: E402
from ucj.subsidy.reach import Pot, desa_pots  # noqa: E402

REPEATS = 5
UNIT_COST = 12 * 16_800  # one worker, JKK+JKM at the lowest bracket, 12 months
REGIONS = {"13.71": "Kota Padang", "13.03": "Kab. Sijunjung", "35.74": "Kota Probolinggo", "35.09": "Kab. Jember"}
Problem = tuple[list[Area], list[Pot]]


def region_problem(con: duckdb.DuckDBPyConnection, kode_kab: str) -> Problem:
    """A region's kecamatan with a mixed budget: APBD, DBHCHT, CSR, pokir in three kecamatan, APBDes 100/desa.

    Where the database has no active participants per kecamatan, the workforce estimate stands in
    for the workers to protect (an upper bound, for timing only).
    """
    kecamatan = kecamatan_from(run_query(con, "subsidy_kecamatan", kode_kab=kode_kab))
    areas = [
        Area(k.kode, k.uncovered if k.uncovered is not None else k.workforce or 0, k.workforce, k.active)
        for k in kecamatan
    ]
    pots = [Pot("APBD", 5_000_000_000), Pot("DBHCHT", 1_000_000_000), Pot("CSR", 200_000_000)]
    pots.append(Pot("POKIR", 500_000_000, frozenset(k.kode for k in kecamatan[:3])))
    pots += desa_pots("APBDes", {k.kode: k.desa for k in kecamatan}, 100, UNIT_COST)
    return areas, pots


def synthetic_problem(n: int, seed: int = 2026) -> Problem:
    """`n` kecamatan with random workers and coverage; national and regional money, 10 dapil, APBDes."""
    rng = random.Random(seed)
    areas = []
    for i in range(n):
        workforce = rng.randint(2_000, 80_000)
        active = rng.randint(0, workforce // 2)
        areas.append(Area(f"k{i:05d}", workforce - active, workforce, active))
    names = [a.kecamatan for a in areas]
    pots = [Pot("APBD", 60_000_000_000), Pot("DBHCHT", 8_000_000_000), Pot("CSR", 1_000_000_000)]
    pots += [Pot("POKIR", 400_000_000, frozenset(rng.sample(names, 100))) for _ in range(10)]
    pots += desa_pots("APBDes", {name: rng.randint(1, 20) for name in names}, 100, UNIT_COST)
    return areas, pots


def median_seconds(run: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = build(out=Path(folder) / "bench.duckdb").path
        with duckdb.connect(str(db), read_only=True) as con:
            problems = {name: region_problem(con, kode) for kode, name in REGIONS.items()}
    problems["7.000 synthetic kecamatan"] = synthetic_problem(7_000)
    cases = [
        ("optimise", Fraction(0)),
        ("optimise", Fraction(1, 100)),
        ("optimise", Fraction(1, 2)),
        ("lowest_coverage", Fraction(0)),
        ("proportional", Fraction(0)),
    ]
    header = ("problem", "kec", "pots", "rule", "min share", "median s", "max s", "workers")
    print(f"{header[0]:28} {header[1]:>5} {header[2]:>5} {header[3]:16} " + " ".join(f"{h:>9}" for h in header[4:]))
    for name, (areas, pots) in problems.items():
        costs = [UNIT_COST] * len(pots)
        for rule, share in cases:
            result = allocate(rule, areas, pots, costs, 12, share)
            median, worst = median_seconds(
                lambda r=rule, s=share, a=areas, p=pots, c=costs: allocate(r, a, p, c, 12, s)
            )
            note = "" if result.max_min_share is None else f"share not met; at most ~{result.max_min_share:.1%}"
            status = "ok" if median < 1 or rule != "optimise" else "OVER 1 s"
            print(
                f"{name:28} {len(areas):>5} {len(pots):>5} {rule:16} {float(share):>9.0%} {median:>9.3f} {worst:>7.3f}"
                f" {result.total_workers:>10} {status} {note}"
            )


if __name__ == "__main__":
    main()
