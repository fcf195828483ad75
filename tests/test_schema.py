"""A database from an earlier release gets this release's new tables and views, and keeps its data."""

from __future__ import annotations

import re
import shutil

from tests.data_support import checksums
from ucj.db import Database
from ucj.schema import missing, statements, upgrade


def test_every_create_can_run_on_a_database_that_has_it():
    for text in statements():
        assert not re.search(r"^create (table|sequence) (?!if not exists)", text, re.I | re.M)
        assert not re.search(r"^create view ", text, re.I | re.M)


def test_an_older_database_is_upgraded_once_and_loses_nothing(demo_db, tmp_path):
    path = tmp_path / "lama.duckdb"
    shutil.copy(demo_db, path)
    db = Database(path)
    with db.writer() as con:  # as a database made before saved scenarios and place names existed
        con.execute("drop table saved_scenario")
        con.execute("drop view place_name")
        con.execute("insert into audit_log (actor, action, target_table, detail) values ('dinsos', 'x', 'y', 'z')")
    before = checksums(path)
    with db.reading() as cur:
        assert missing(cur) == ["place_name", "saved_scenario"]

    assert upgrade(db) == ["place_name", "saved_scenario"]
    assert upgrade(db) == []  # current now: nothing more, no second audit entry
    db.close()

    after = checksums(path)
    assert after.pop("saved_scenario") == (0, 0)
    assert after.pop("audit_log")[0] == before.pop("audit_log")[0] + 1
    assert after == before  # every other table as it was
    log = Database(path).query("audit_log_entries")
    assert log[["actor", "action"]].values.tolist()[0] == ["build", "schema_upgrade"]
    assert "place_name, saved_scenario" in log["detail"].iloc[0]
    assert Database(path).query("local_changes")["changes"].iloc[0] == 1  # the Pemda's change, not ours


def test_a_current_database_is_not_opened_for_writing(demo_db, tmp_path, monkeypatch):
    path = tmp_path / "kini.duckdb"
    shutil.copy(demo_db, path)
    db = Database(path)

    def no_write():
        raise AssertionError("a current database was opened for writing")

    monkeypatch.setattr(db, "writer", no_write)
    assert upgrade(db) == []
    db.close()


def test_masked_niks_of_an_earlier_release_are_cut_to_the_region_code(demo_db, tmp_path):
    path = tmp_path / "lama.duckdb"
    shutil.copy(demo_db, path)
    db = Database(path)
    with db.writer() as con:  # a list stored when masks showed kecamatan code and last digits
        con.execute(
            "insert into recipient_list (list_id, import_id, kode_kab, opd, list_kind) "
            "values (99, 1, '13.71', 'x', 'subsidy')"
        )
        con.execute(
            "insert into recipient (list_id, row_number, nik_hash, nik_masked, name_masked) values "
            "(99, 2, 'h1', '137101********03', 'S***'), (99, 3, 'h2', '1371************', 'B***')"
        )
    upgrade(db)
    with db.reading() as cur:
        masks = [m for (m,) in cur.execute("select nik_masked from recipient order by row_number").fetchall()]
    log = db.query("audit_log_entries")
    db.close()
    assert masks == ["1371************", "1371************"]
    assert "1 baris" in log["detail"].iloc[0]
