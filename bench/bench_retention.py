"""Benchmark of measured retention: cohort curves over 5.000.000 participants, one desa's worklist.

Run: .venv/bin/python bench/bench_retention.py [participants]  (default 5_000_000)

Goals (issue 14): cohort curves for 5.000.000 participants under 3 s; a worklist for one desa under
300 ms. Rows are generated in DuckDB in the benchmark (a synthetic kab/kota of 300 kecamatan ×
10 desa, registrations over five years, payments stopping at random, 40 Perisai agents, a second
extract six months earlier for the "paid again" column), in a temporary database file. Times are
medians of 3 runs after one warm-up; on a shared machine they vary with its load.
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

from ucj import schema  # noqa: E402
from ucj.db import run_query  # noqa: E402

KODE_KAB = "99.01"
DESA = f"{KODE_KAB}.001.2001"
CURVES = {"cohort_by": "month", "anchor": "registration"}

PEOPLE = """
insert into participant
select
    $import_id, sha256(i::varchar), '990100', null, null, null,
    case when i % 10 < 6 then 'BPU' when i % 10 < 9 then 'PU' else 'JAKON' end,
    'JKK,JKM', registered_on, 'aktif',
    least(
        date_trunc('month', registered_on + to_days(((hash(i) % 1500))::integer))::date,
        $last_month::date
    ),
    '99.01.' || lpad(((i % 300) + 1)::varchar, 3, '0') || '.' || (2001 + (i // 300) % 10),
    '99.01.' || lpad(((i % 300) + 1)::varchar, 3, '0'),
    'desa', null,
    case i % 5 when 0 then 'APBD' when 1 then 'MANDIRI' when 2 then 'PEMBERI_KERJA' when 3 then 'APBDES' else 'CSR' end,
    null,
    case when i % 25 = 0 then 'A' || (i % 40) end,
    person_key_of(sha256(i::varchar))
from (
    select i, (date '2020-01-01' + to_days((hash(i * 7) % 1800)::integer))::date as registered_on
    from range($n) as r (i)
)
"""


def make(path: Path, n: int) -> None:
    """The newest extract (December 2024) generated; the one six months earlier is the same people with
    their payments cut at June 2024 (so the "judged by the first extract in or after the month" join runs)."""
    with duckdb.connect(str(path)) as con:
        schema.ensure(con)
        for import_id, day in ((1, "2024-06-30"), (2, "2024-12-31")):
            con.execute(
                "insert into participant_extract values (?, ?, 'bench.csv', ?, 'paid', true)",
                [import_id, KODE_KAB, day],
            )
        con.execute(PEOPLE, {"import_id": 2, "n": n, "last_month": "2024-12-01"})
        con.execute(
            "insert into participant select * replace (1 as import_id, least(last_paid_month, date '2024-06-01')"
            " as last_paid_month) from participant where import_id = 2 and registered_on < date '2024-07-01'"
        )
        con.execute("checkpoint")


def single(path: Path) -> Path:
    """A copy holding only the newest extract."""
    copy = path.with_name("single.duckdb")
    shutil.copy(path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("delete from participant where import_id = 1")
        con.execute("delete from participant_extract where import_id = 1")
        con.execute("checkpoint")
    return copy


def timed(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> tuple[float, int]:
    run_query(con, name, **params)  # warm-up
    times, rows = [], 0
    for _ in range(3):
        start = time.perf_counter()
        rows = len(run_query(con, name, **params))
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        make(path, n)
        print(f"generated {n:,} participants (and their earlier extract) in {time.perf_counter() - start:.1f} s")
        cases = [
            ("curves: registration month", "retention_cohort_curves", CURVES | {"split": "none"}),
            ("curves: month × segment", "retention_cohort_curves", CURVES | {"split": "segment"}),
            ("curves: month × kecamatan", "retention_cohort_curves", CURVES | {"split": "kecamatan"}),
            ("curves: agent", "retention_cohort_curves", CURVES | {"cohort_by": "agent", "split": "none"}),
            ("worklist: one desa", "retention_worklist", {"scope_by": "desa", "scope_key": DESA}),
            ("worklist: one agent", "retention_worklist", {"scope_by": "agent", "scope_key": "A0"}),
            ("agents' books, 24 months", "retention_agent_books", {}),
        ]
        for label, db in (("one extract", single(path)), ("two extracts", path)):
            with duckdb.connect(str(db), read_only=True) as con:
                print(f"\n{label}\n{'case':32} {'median s':>9} {'rows':>8}")
                for case, name, params in cases:
                    seconds, rows = timed(con, name, kode_kab=KODE_KAB, **params)
                    print(f"{case:32} {seconds:9.3f} {rows:8d}")


if __name__ == "__main__":
    main()
