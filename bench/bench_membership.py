"""Benchmark of participant extracts: a 1,000,000-row import, the aggregation, and the map fed by an extract.

Run: .venv/bin/python bench/bench_membership.py [rows]   (prints a table; goals from issue 13:
import of 1,000,000 rows < 60 s and < 1,5 GB peak memory; aggregation of 5,000,000 participants
× 24 months < 2 s; a map filter change with extract figures for 300 kecamatan < 300 ms server time)

1. import: a Padang extract of `rows` rows (default 1,000,000) is written as CSV, then staged and
   committed on a copy of the demo database in a child process; its wall time per step and its peak
   resident memory (ru_maxrss of the child) are reported.
2. aggregation: 5,000,000 participants made in SQL (random segments, kecamatan, registration and
   last-paid months) and `queries/membership_counts.sql` run over a 24-month extract; median of 3.
3. map: the 300-kecamatan synthetic kabupaten of bench_map.py gets an extract of 300,000 participants
   and the counts a commit stores (kind 'upload'), then bench_map.measure opens its map page.
Wall times vary with the load of the shared machine, so CPU times are printed beside them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import bench_map  # noqa: E402
from ucj.build import build  # noqa: E402
from ucj.db import Database, execute, run_query  # noqa: E402
from ucj.imports import membership, membership_store  # noqa: E402
from ucj.imports.store import load_region  # noqa: E402

SECRET = b"b" * 32
HEADER = ["NIK", "Nama", "No KPJ", "Segmen", "Tanggal Daftar", "Status", "Bulan Terakhir Bayar", "Desa"]
SEGMENTS = ("PU", "PU", "PU", "BPU", "JAKON", "PMI")


def write_extract(path: Path, rows: int, desa: list[str]) -> None:
    """A Padang extract as of 30 June 2024: every NIK distinct, 70 % with a desa."""
    rng = random.Random(13)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(rows):
            kec = rng.randint(1, 11)
            day = rng.randint(1, 28) + 40 * (i % 2)
            # month, year and serial from i alone, so that no two rows share a NIK
            nik = f"1371{kec:02d}{day:02d}{i // 999_900 % 12 + 1:02d}{i // 9999 % 100:02d}{i % 9999 + 1:04d}"
            registered = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3400))
            paid = min(registered.replace(day=1) + dt.timedelta(days=rng.randint(0, 4000)), dt.date(2024, 6, 1))
            place = rng.choice([d for d in desa if d.startswith(f"13.71.{kec:02d}.")]) if rng.random() < 0.7 else ""
            segment = SEGMENTS[i % len(SEGMENTS)]
            out.writerow(
                [
                    nik,
                    f"Peserta {i}",
                    f"99{i:09d}",
                    segment,
                    registered.isoformat(),
                    "aktif",
                    paid.strftime("%Y-%m"),
                    place,
                ]
            )


def import_child(db_path: str, csv_path: str) -> None:
    """In the child process: stage and commit, print the step times as JSON."""
    db = Database(Path(db_path))
    with db.reading() as con:
        region = load_region(con, "13.71")
    marks: dict[str, float] = {}
    started, cpu = time.perf_counter(), time.process_time()
    staged = membership.stage(
        Path(csv_path),
        "sejuta.csv",
        region,
        membership.Options(dt.date(2024, 6, 30)),
        SECRET,
        progress=lambda step, rows: marks.__setitem__(step, time.perf_counter() - started),
    )
    marks["staged"] = time.perf_counter() - started
    with db.writer() as con:
        committed = membership_store.commit(con, staged, "bench")
    marks["committed"] = time.perf_counter() - started
    marks["cpu"] = time.process_time() - cpu  # every thread of the process, DuckDB's included
    staged.discard()
    print(json.dumps(marks | {"stored": committed.stored_rows}))


def bench_import(tmp: Path, rows: int) -> dict:
    db = tmp / "import.duckdb"
    build(out=db)
    with duckdb.connect(str(db), read_only=True) as con:
        desa = [d for (d,) in con.execute("select kode_desa from desa where kode_desa like '13.71.%'").fetchall()]
    extract = tmp / "sejuta.csv"
    write_extract(extract, rows, desa)
    child = subprocess.run(
        [sys.executable, __file__, "--import-child", str(db), str(extract)],
        capture_output=True,
        text=True,
        check=True,
        env={"UCJ_PERSONAL_KEY_FILE": str(tmp / "personal.key"), "PATH": "/usr/bin:/bin"},
    )
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return json.loads(child.stdout.strip().splitlines()[-1]) | {
        "peak_mb": peak_mb,
        "mb": extract.stat().st_size / 2**20,
    }


def participants_sql(rows: int, kecamatan: list[str]) -> str:
    """Random participants of import 1, kecamatan picked from `kecamatan` (a fixed list, not user input)."""
    codes = ", ".join(f"'{k}'" for k in kecamatan)
    return f"""
        insert into participant
        select 1, 'h' || i, '137101', null, null, null,
            (['PU', 'PU', 'BPU', 'JAKON', 'PMI'])[1 + i % 5],
            null,
            date '2020-01-01' + cast(hash(i) % 1700 as integer),
            'aktif',
            cast(date_trunc('month', date '2020-01-01' + cast(hash(i) % 1700 as integer)
                + cast(hash(i * 7) % 900 as integer)) as date),
            null,
            ([{codes}])[1 + cast(hash(i * 3) % {len(kecamatan)} as integer)],
            'nik', '13.71', null, null, null, person_key_of('h' || i)
        from range({rows}) as t (i)
    """


def bench_aggregation(tmp: Path, rows: int = 5_000_000) -> dict:
    db = tmp / "aggregate.duckdb"
    build(out=db)
    with duckdb.connect(str(db)) as con:
        kecamatan = [k for (k,) in con.execute("select kode_kec from kecamatan where kode_kab = '13.71'").fetchall()]
        con.execute("insert into participant_extract values (1, '13.71', 'lima_juta.csv', '2024-06-30', 'paid', false)")
        con.execute(participants_sql(rows, kecamatan))
        times, cpu = [], []
        for _ in range(3):
            started, used = time.perf_counter(), time.process_time()
            counts = run_query(con, "membership_counts", import_id=1)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
    return {
        "participants": rows,
        "rows_out": len(counts),
        "median_s": statistics.median(times),
        "cpu_s": statistics.median(cpu),
    }


def bench_map_with_extract(tmp: Path, participants: int = 300_000) -> dict:
    db = tmp / "map.duckdb"
    build(out=db)
    bench_map.add_synthetic_region(db)
    kode_kab = bench_map.SYNTHETIC[0]
    with duckdb.connect(str(db)) as con:
        kecamatan = [
            k for (k,) in con.execute("select kode_kec from kecamatan where kode_kab = ?", [kode_kab]).fetchall()
        ]
        execute(
            con,
            "import_source_create",
            source_id="upload-1",
            short="ekstrak.csv",
            title="Unggahan #1",
            year=2024,
            file_name="ekstrak.csv",
            note="bench",
        )
        con.execute(
            f"insert into participant_extract values (1, '{kode_kab}', 'ekstrak.csv', '2024-06-30', 'paid', false)"
        )
        con.execute(
            participants_sql(participants, kecamatan).replace(
                "'13.71', null, null, null", f"'{kode_kab}', null, null, null"
            )
        )
        counts = run_query(con, "membership_counts", import_id=1)
        con.register("counts", counts)
        con.execute(
            "delete from participants where kode_wilayah = ? or starts_with(kode_wilayah, ? || '.')", [kode_kab] * 2
        )
        con.execute(
            "insert into participants by name select kode_wilayah, level, period, segment, status, persons,"
            " 'upload' as kind, 'upload-1' as source_id, 'bench' as method, 1 as import_id from counts"
        )
    os.environ["UCJ_DEMO_DB"] = str(db)  # read only: the page and bench_map read it as the demo
    return bench_map.measure(bench_map.SYNTHETIC[1])


def main(rows: int) -> None:
    """Each benchmark printed as soon as it ends (a long run under load still reports what it measured)."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        imported = bench_import(tmp, rows)
        print(f"import of {rows:,} rows ({imported['mb']:.0f} MB CSV):")
        print(
            f"  read {imported['read']:.1f} s, checked {imported['checked']:.1f} s, staged (hashed, encrypted)"
            f" {imported['staged']:.1f} s, committed {imported['committed']:.1f} s (wall);"
            f" CPU {imported['cpu']:.1f} s; peak memory {imported['peak_mb']:.0f} MB",
            flush=True,
        )
        aggregated = bench_aggregation(tmp)
        print(
            f"aggregation of {aggregated['participants']:,} participants × 24 months:"
            f" {aggregated['median_s']:.2f} s wall,"
            f" {aggregated['cpu_s']:.2f} s CPU ({aggregated['rows_out']:,} counts)",
            flush=True,
        )
        shown = bench_map_with_extract(tmp)
        print(
            f"map of {shown['areas']} kecamatan with extract figures:"
            f" filter change {shown['filter']:.0f} ms, click {shown['click']:.0f} ms"
        )
        shutil.rmtree(tmp, ignore_errors=True)
    print("goals: import < 60 s and < 1.5 GB; aggregation < 2 s; filter change < 300 ms")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--import-child":
        import_child(sys.argv[2], sys.argv[3])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
