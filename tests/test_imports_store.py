"""Committing an upload is all or nothing, versioned, audited; rolling back removes exactly its rows."""

from __future__ import annotations

import duckdb
import pytest

from tests.data_support import PARTICIPANTS_HEADER, SECRET, checksums, csv_bytes
from ucj.db import run_query
from ucj.imports import kind as kind_module
from ucj.imports.kind import Request
from ucj.imports.problems import ImportRejected
from ucj.imports.rollback import roll_back
from ucj.imports.store import commit, safe_file_name

P = PARTICIPANTS_HEADER
PADANG_KEC = [f"13.71.{i:02d}" for i in range(1, 12)]
# every kecamatan of Padang, BPU active, July 2030: a period nothing else has
GOOD = csv_bytes([P, *[[k, 2030, 7, "BPU", "aktif", 100 + i] for i, k in enumerate(PADANG_KEC)]], ";")


def _commit(db, data: bytes = GOOD, kind: str = "participants", name: str = "juli.csv", **options):
    with db.writer() as con:
        return commit(con, Request(kind, "13.71", name, data, options=options), "editor1", SECRET)


def test_commit_stores_upload_rows_with_their_source_and_import(db):
    done = _commit(db)
    assert done.stored_rows == 12  # 11 kecamatan + the kota total derived from them
    with db.reading() as con:
        rows = con.execute(
            "select p.level, p.persons, p.kind, p.import_id, s.kind, s.short from participants p "
            "join source s using (source_id) where p.import_id = ? order by p.level, p.kode_wilayah",
            [done.import_id],
        ).fetchall()
        batch = run_query(con, "import_batches", kode_kab="13.71").iloc[0]
        log = run_query(con, "audit_log_entries").iloc[0]
    assert len(rows) == 12
    assert rows[0][:4] == ("kabupaten", sum(range(100, 111)), "upload", done.import_id)
    assert {r[4] for r in rows} == {"upload"}
    assert rows[0][5].startswith("juli.csv, diunggah ")
    assert (batch["import_id"], batch["file_rows"], batch["stored_rows"], batch["created_by"]) == (
        done.import_id,
        11,
        12,
        "editor1",
    )
    assert (log["actor"], log["action"], log["target_table"]) == ("editor1", "import", "participants")
    assert log["rows_after"] - log["rows_before"] == 12


def test_a_second_upload_of_the_same_figures_is_refused_until_rolled_back(db, data_db):
    first = _commit(db)
    before = checksums(data_db)
    with pytest.raises(ImportRejected) as exc:
        _commit(db, GOOD + b"\n")  # another file holding the same figures
    assert {p.code for p in exc.value.problems} == {"already_uploaded"}
    assert f"#{first.import_id}" in exc.value.problems[0].text()
    with pytest.raises(ImportRejected) as exc:
        _commit(db)  # the very same file
    assert [p.code for p in exc.value.problems] == ["already_imported"]
    assert f"#{first.import_id}" in exc.value.problems[0].text()
    assert checksums(data_db) == before
    roll_back(db, "13.71", first.import_id, "editor1")
    assert _commit(db).import_id == first.import_id + 1


def test_rollback_restores_every_table_exactly(db, data_db):
    before = checksums(data_db)
    done = _commit(db)
    assert checksums(data_db)["participants"] != before["participants"]
    roll_back(db, "13.71", done.import_id, "editor2")
    after = checksums(data_db)
    changed = {t for t in before if after[t] != before[t]}
    assert changed == {"import_batch", "audit_log"}  # the history and the log remember; data is as before
    with db.reading() as con:
        batch = run_query(con, "import_batches", kode_kab="13.71").iloc[0]
        log = run_query(con, "audit_log_entries").iloc[0]
    assert (bool(batch["is_active"]), batch["rolled_back_by"]) == (False, "editor2")
    assert (log["action"], log["rows_before"] - log["rows_after"]) == ("rollback", 12)


def test_rolling_back_twice_is_refused(db):
    done = _commit(db)
    roll_back(db, "13.71", done.import_id, "editor1")
    with pytest.raises(ImportRejected) as exc:
        roll_back(db, "13.71", done.import_id, "editor1")
    assert exc.value.problems[0].code == "not_active"


def test_rollback_refuses_when_the_rows_were_changed_since(db, data_db):
    done = _commit(db)
    with db.writer() as con:  # somebody edits the table behind the import's back
        con.execute("delete from participants where import_id = ? and level = 'kabupaten'", [done.import_id])
    before = checksums(data_db)
    with pytest.raises(ImportRejected) as exc:
        roll_back(db, "13.71", done.import_id, "editor1")
    assert exc.value.problems[0].code == "rollback_mismatch"
    assert checksums(data_db) == before


def test_a_failure_while_writing_leaves_the_database_as_it_was(db, data_db, monkeypatch):
    before = checksums(data_db)
    original = kind_module.execute

    def fail_on_rows(con, name, **params):
        original(con, name, **params)
        if name == "import_participants":  # after the source row and the rows are written
            raise duckdb.IOException("disk full")

    monkeypatch.setattr(kind_module, "execute", fail_on_rows)
    with pytest.raises(duckdb.IOException):
        _commit(db)
    assert checksums(data_db) == before


def test_a_rejected_upload_changes_nothing(db, data_db):
    before = checksums(data_db)
    bad = csv_bytes([P, ["Pauh", 2030, 7, "BPU", "aktif", 10], ["Pauh", 2030, 13, "BPU", "aktif", -1]])
    with pytest.raises(ImportRejected):
        _commit(db, bad)
    assert checksums(data_db) == before


@pytest.mark.parametrize(
    ("kind", "rows", "table"),
    [
        ("workforce", [("kecamatan", "tahun", "bulan", "jumlah"), ["Pauh", 2030, 8, 40000]], "workforce"),
        ("population", [("kecamatan", "tahun", "jumlah penduduk"), ["Pauh", 2030, 75000]], "population"),
        (
            "target",
            [("kecamatan", "tahun", "segmen", "metrik", "nilai"), ["Kota Padang", 2030, "ALL", "cakupan", 50]],
            "target",
        ),
        (
            "perisai",
            [("kode agen", "kecamatan", "tahun", "bulan", "peserta", "membayar"), ["AB", "Pauh", 2030, 1, 20, 5]],
            "perisai_agent",
        ),
    ],
)
def test_every_kind_commits_and_rolls_back(db, data_db, kind, rows, table):
    before = checksums(data_db)
    done = _commit(db, csv_bytes(rows), kind)
    assert checksums(data_db)[table][0] == before[table][0] + 1
    roll_back(db, "13.71", done.import_id, "editor1")
    assert checksums(data_db)[table] == before[table]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("juni.csv", "juni.csv"),
        ("C:\\Users\\dinas\\laporan juni.xlsx", "laporan juni.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("![x](http://evil.example/a.png).csv", "a.png_.csv"),
        ("[klik](javascript:alert(1)).csv", "_klik__javascript_alert_1__.csv"),
        ("", "berkas"),
    ],
)
def test_file_names_are_made_safe_to_show(name, expected):
    assert safe_file_name(name) == expected
