"""Benchmark of uploads: checking and storing the largest files a Pemda sends, and a password hash.

Run: .venv/bin/python bench/bench_imports.py  (prints a table; no goals are set by the issue)

Files are made in code: a Sijunjung-size recipient list (14,790 people, the SK Bupati 2022 total),
a year of monthly participant counts for Padang (11 kecamatan × 12 months × 4 segments × 2
statuses, with the kota totals derived), and a file at the row limit (50,000 rows). "check" only
reads; "commit" checks again and writes in one transaction. Times are medians of 3 runs on a copy
of the demo database; on a shared machine they vary with its load.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.data_support import PARTICIPANTS_HEADER, csv_bytes  # noqa: E402
from ucj.auth.passwords import hash_password  # noqa: E402
from ucj.build import build  # noqa: E402
from ucj.imports.kind import Request  # noqa: E402
from ucj.imports.store import check, commit  # noqa: E402
from ucj.imports.table import MAX_ROWS  # noqa: E402

SECRET = b"b" * 32
KECAMATAN = [f"13.71.{i:02d}" for i in range(1, 12)]


def _nik(i: int) -> str:
    day, month = i % 28 + 1, i % 12 + 1
    return f"130301{day:02d}{month:02d}{i % 90 + 10:02d}{i % 9999 + 1:04d}"


def files() -> dict[str, Request]:
    year = [
        [k, 2030, m, s, status, 100 + m]
        for k in KECAMATAN
        for m in range(1, 13)
        for s in ("PU", "BPU", "JAKON", "PMI")
        for status in ("aktif", "terdaftar")
    ]
    people = [(f"{_nik(i)}", f"Peserta {i}") for i in range(14_790)]
    every_month = (
        [k, 1990 + m // 12, m % 12 + 1, s, status, count]
        for m in range(12 * 100)
        for k in KECAMATAN
        for s in ("PU", "BPU", "JAKON", "PMI")
        for status, count in (("aktif", 100), ("terdaftar", 200))
    )
    long = [row for _, row in zip(range(MAX_ROWS), every_month)]
    options = {"opd": "Disnaker", "list_kind": "subsidy"}
    return {
        "participants, a year (1,056 rows)": Request(
            "participants", "13.71", "tahun.csv", csv_bytes([PARTICIPANTS_HEADER, *year])
        ),
        "recipients, 14,790 people": Request(
            "recipients", "13.03", "sk.csv", csv_bytes([("nik", "nama"), *people]), options=options
        ),
        f"participants, {MAX_ROWS:,} rows": Request(
            "participants", "13.71", "panjang.csv", csv_bytes([PARTICIPANTS_HEADER, *long])
        ),
    }


def _median(run, times: int = 3) -> float:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.duckdb"
        build(out=demo)
        print(f"{'file':40} {'MB':>6} {'check s':>8} {'commit s':>9}")
        for label, request in files().items():
            work = Path(folder) / "work.duckdb"
            shutil.copy(demo, work)
            with duckdb.connect(str(work)) as con:
                checked = _median(lambda con=con, request=request: check(con, request, SECRET))

                def store(con: duckdb.DuckDBPyConnection = con, request: Request = request) -> None:
                    con.execute("begin transaction")
                    commit(con, request, "bench", SECRET)
                    con.execute("rollback")

                stored = _median(store)
            print(f"{label:40} {len(request.data) / 2**20:6.2f} {checked:8.2f} {stored:9.2f}")
        print(f"argon2id hash of one password: {_median(lambda: hash_password('kata-sandi-bench-1')):.2f} s")


if __name__ == "__main__":
    main()
