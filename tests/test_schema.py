"""Numbered migrations: a workspace of the previous release is upgraded after a backup and keeps every
row; a failed migration leaves the file byte for byte as it was; a current workspace is left alone."""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.apptest_support import open_app
from tests.data_support import as_migrated, checksums, every_row
from ucj.db import Database
from ucj.paths import ROOT, SCHEMA
from ucj.schema import MIGRATIONS, MigrationFailed, migrations, missing, pending, statements, upgrade, version

RELEASE1 = ROOT / "tests" / "fixtures" / "workspace_release1.duckdb.gz"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def release1(tmp_path: Path) -> Path:
    """The workspace file made by the release before numbered migrations (see make_workspace_release1.py)."""
    path = tmp_path / "pemda.duckdb"
    path.write_bytes(gzip.decompress(RELEASE1.read_bytes()))
    return path


def test_every_create_can_run_on_a_database_that_has_it():
    for text in statements():
        assert not re.search(r"^create (table|sequence) (?!if not exists)", text, re.I | re.M)
        assert not re.search(r"^create view ", text, re.I | re.M)


@pytest.mark.parametrize(
    ("files", "ok"),
    [
        (["0001_a.sql", "0002_b.sql"], True),
        (["0001_a.sql", "0003_c.sql"], False),  # a gap
        (["0002_b.sql"], False),  # does not start at 1
        (["0001_a.sql", "0001_b.sql"], False),  # a repeat
        (["0001_a.sql", "2_b.sql"], False),  # not a numbered name
        ([], True),
    ],
)
def test_migrations_are_numbered_one_after_another(tmp_path, files, ok):
    for name in files:
        (tmp_path / name).write_text("select 1;")
    if ok:
        assert [m.version for m in migrations(tmp_path)] == list(range(1, len(files) + 1))
    else:
        with pytest.raises(ValueError, match="tanpa celah"):
            migrations(tmp_path)


def test_a_new_database_is_at_the_latest_version(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        assert version(con) == len(migrations()) >= 1
        assert pending(con).empty


def test_the_previous_releases_workspace_is_upgraded_and_every_row_survives(release1, tmp_path):
    before, original = every_row(release1), sha256(release1)
    columns = before.pop("_columns")
    with duckdb.connect(str(release1), read_only=True) as con:
        assert version(con) == 0 and sum(map(len, before.values())) > 300

    done = upgrade(release1, backups=tmp_path / "backups")

    assert (done.from_version, done.to_version) == (0, len(migrations()))
    assert done.applied == [m.name for m in migrations()]
    assert sha256(done.backup) == original  # the backup is the file as the old release left it
    after = every_row(release1, columns)
    after.pop("_columns")
    audit_before, audit_after = before.pop("audit_log"), after.pop("audit_log")
    assert audit_after[: len(audit_before)] == audit_before and len(audit_after) == len(audit_before) + 1
    mask = columns["recipient"].index("nik_masked")
    assert any(r[mask][4:].strip("*") for r in before["recipient"])  # the old release kept more digits
    assert after == as_migrated(before, columns)  # every row of every table of the old release, exactly
    log = Database(release1).query("audit_log_entries")
    assert (log["actor"].iloc[0], log["action"].iloc[0]) == ("build", "schema_upgrade")
    assert f"versi 0 → {len(migrations())}" in log["detail"].iloc[0] and str(done.backup) in log["detail"].iloc[0]


def test_an_upgraded_workspace_is_left_alone_at_the_next_start(release1, tmp_path):
    upgrade(release1, backups=tmp_path / "backups")
    stamp = release1.stat().st_mtime_ns
    assert upgrade(release1, backups=tmp_path / "backups") is None
    assert release1.stat().st_mtime_ns == stamp
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_the_app_opens_the_previous_releases_workspace(release1, monkeypatch):
    monkeypatch.setenv("UCJ_WORKSPACE", str(release1))
    at = open_app("probolinggo", page="views/collab.py")
    assert at.sidebar.selectbox(key="region").options == ["Kota Probolinggo"]
    with duckdb.connect(str(release1), read_only=True) as con:
        assert version(con) == len(migrations())
        assert con.execute("select count(*) from saved_scenario").fetchone()[0] == 1


def _with_migration(tmp_path: Path, sql: str) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder)
    (folder / f"{len(migrations()) + 1:04d}_broken.sql").write_text(sql)
    return folder


def test_a_failed_migration_leaves_the_file_as_it_was_and_says_why(release1, tmp_path):
    original = sha256(release1)
    folder = _with_migration(
        tmp_path, "alter table region add column kode_bps varchar;\ninsert into region (kode_kab) values ('99.99');"
    )
    with pytest.raises(MigrationFailed) as failed:
        upgrade(release1, backups=tmp_path / "backups", migrations_folder=folder)
    assert f"{len(migrations()) + 1:04d}_broken.sql" in str(failed.value) and "NOT NULL" in str(failed.value)
    assert "Berkas basis data tidak diubah" in str(failed.value)
    assert sha256(release1) == original
    with duckdb.connect(str(release1), read_only=True) as con:
        assert version(con) == 0
        assert "kode_bps" not in [
            c for (c,) in con.execute("select column_name from information_schema.columns").fetchall()
        ]


def test_a_later_migration_changes_a_table_and_keeps_its_rows(demo_db, tmp_path):
    path = tmp_path / "w.duckdb"
    shutil.copy(demo_db, path)
    before = checksums(path)["region"]
    folder = _with_migration(tmp_path, "alter table region add column kode_bps varchar;")
    done = upgrade(path, backups=tmp_path / "backups", migrations_folder=folder)
    assert done.applied == [f"{len(migrations()) + 1:04d}_broken.sql"]
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("select count(*), count(kode_bps) from region").fetchone() == (before[0], 0)
        assert version(con) == len(migrations()) + 1


def test_a_database_lacking_a_baseline_table_or_view_gets_it(demo_db, tmp_path):
    path = tmp_path / "lama.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as con:  # as a database made before saved scenarios and place names existed
        con.execute("drop table saved_scenario")
        con.execute("drop view place_name")
    before = checksums(path)
    with duckdb.connect(str(path), read_only=True) as con:
        assert missing(con) == ["place_name", "saved_scenario"]
    done = upgrade(path, backups=tmp_path / "backups")
    assert done.added == ["place_name", "saved_scenario"] and done.applied == []
    after = checksums(path)
    assert after.pop("saved_scenario") == (0, 0)
    assert after.pop("audit_log")[0] == before.pop("audit_log")[0] + 1
    assert after.pop("schema_version")[0] == before.pop("schema_version")[0] + 1
    assert after == before


def test_changed_schema_files_refresh_the_views(demo_db, tmp_path):
    path, schema = tmp_path / "w.duckdb", tmp_path / "schema"
    shutil.copy(demo_db, path)
    shutil.copytree(SCHEMA, schema)
    views = schema / "08_views.sql"
    views.write_text(views.read_text() + "\ncreate view region_count as select count(*) as n from region;\n")
    with duckdb.connect(str(path), read_only=True) as con:
        assert pending(con, schema).schema_changed
    upgrade(path, backups=tmp_path / "backups", schema_folder=schema)
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("select n from region_count").fetchone() == (4,)
        assert pending(con, schema).empty


def test_masked_niks_of_an_earlier_release_are_cut_to_the_region_code(demo_db, tmp_path):
    path = tmp_path / "lama.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as con:  # a list stored when masks showed kecamatan code and last digits
        con.execute("delete from schema_version where version >= 2")
        con.execute(
            "insert into recipient_list (list_id, import_id, kode_kab, opd, list_kind) "
            "values (99, 1, '13.71', 'x', 'subsidy')"
        )
        con.execute(
            "insert into recipient (list_id, row_number, nik_hash, nik_masked, name_masked) values "
            "(99, 2, 'h1', '137101********03', 'S***'), (99, 3, 'h2', '1371************', 'B***')"
        )
    upgrade(path, backups=tmp_path / "backups")
    with duckdb.connect(str(path), read_only=True) as con:
        masks = [m for (m,) in con.execute("select nik_masked from recipient order by row_number").fetchall()]
        log = con.execute("select detail from audit_log where action = 'schema_upgrade'").fetchall()
    assert masks == ["1371************", "1371************"]
    assert any("0002_recipient_masks.sql" in detail for (detail,) in log)


def test_an_older_workspace_takes_the_import_kinds_added_since(release1, tmp_path):
    """Its import_batch was made with a kind check that refused participant extracts."""
    insert = (
        "insert into import_batch (import_id, kode_kab, kind, file_name, file_sha256, source_id, file_rows,"
        " stored_rows, created_by) values (?, '13.71', ?, 'f.csv', 'x', 's', 1, 1, 'editor1')"
    )
    with duckdb.connect(str(release1)) as con, pytest.raises(duckdb.ConstraintException):
        con.execute(insert, [900, "membership"])
    upgrade(release1, backups=tmp_path / "backups")
    with duckdb.connect(str(release1)) as con:
        con.execute(insert, [900, "membership"])
        con.execute(insert, [901, "population_age"])
        with pytest.raises(duckdb.ConstraintException):
            con.execute(insert, [902, "anything"])


def test_participants_stored_before_person_keys_get_theirs(demo_db, tmp_path):
    path = tmp_path / "lama.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as con:  # two extracts of one person, stored before the key existed
        con.execute("delete from schema_version where version >= 4")
        for import_id in (1, 2):
            con.execute(
                "insert into participant (import_id, nik_hash, nik_region, segment, registered_on, status,"
                " area_basis) values (?, 'ab12', '137101', 'BPU', date '2023-01-05', 'aktif', 'nik')",
                [import_id],
            )
    upgrade(path, backups=tmp_path / "backups")
    with duckdb.connect(str(path), read_only=True) as con:
        keys = con.execute("select distinct person_key, person_key_of(nik_hash) from participant").fetchall()
    assert len(keys) == 1 and keys[0][0] == keys[0][1] > 0  # one person, one key, as new imports make it
