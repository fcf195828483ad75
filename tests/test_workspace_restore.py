"""Restoring a workspace from an uploaded backup: checked before it replaces anything, the replaced file kept."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.data_support import add_user, as_migrated, checksums, every_row, signed_in
from ucj.db import Database
from ucj.errors import Explained
from ucj.paths import ROOT
from ucj.schema import migrations, version
from ucj.workspace.restore import check, restore


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backup(demo_db: Path, tmp_path: Path) -> Path:
    """A backup of a workspace in which a Pemda recorded something."""
    path = tmp_path / "cadangan.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute("insert into audit_log (actor, action, target_table, detail) values ('disnaker', 'x', 'y', 'z')")
    return path


def _damaged(source: Path, dest: Path) -> Path:
    """One data block of published_figure overwritten: the file opens, but that table no longer reads."""
    with duckdb.connect(str(source), read_only=True) as con:
        (block,) = con.execute(
            "select max(block_id) from pragma_storage_info('published_figure') where persistent and block_id >= 0"
        ).fetchone()
        (size,) = con.execute("select block_size from pragma_database_size()").fetchone()
    data = bytearray(source.read_bytes())
    start = 3 * 4096 + block * size + 64  # past the file's headers and the block's checksum
    data[start : start + 4096] = b"\xff" * 4096
    dest.write_bytes(bytes(data))
    return dest


def _too_new(source: Path, dest: Path) -> Path:
    shutil.copy(source, dest)
    with duckdb.connect(str(dest)) as con:
        con.execute("insert into schema_version values (99, '0099_future.sql', 'x', current_timestamp, null)")
    return dest


def _not_workspace(_source: Path, dest: Path) -> Path:
    with duckdb.connect(str(dest)) as con:
        con.execute("create table region (kode_kab varchar)")
    return dest


def _not_duckdb(_source: Path, dest: Path) -> Path:
    dest.write_bytes(b"kode,nama\n13.71,Kota Padang\n")
    return dest


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (_not_duckdb, "workspace.restore_unreadable"),
        (_not_workspace, "workspace.restore_not_workspace"),
        (_too_new, "workspace.restore_too_new"),
        (_damaged, "workspace.restore_damaged"),
    ],
)
def test_a_bad_backup_is_refused_with_its_reason(backup, tmp_path, make, key):
    bad = make(backup, tmp_path / "buruk.duckdb")
    with pytest.raises(Explained) as refused:
        check(bad)
    assert refused.value.key == key


def test_a_good_backup_passes_and_says_what_it_holds(backup):
    checked = check(backup)
    assert checked.version == len(migrations())
    assert checked.regions == ["Kabupaten Sijunjung", "Kota Padang", "Kabupaten Jember", "Kota Probolinggo"]  # by code
    assert checked.rows == sum(n for n, _ in checksums(backup).values())


def test_the_previous_releases_backup_is_restored_and_upgraded(demo_db, tmp_path):
    old = tmp_path / "lama.duckdb"
    old.write_bytes(gzip.decompress((ROOT / "tests" / "fixtures" / "workspace_release1.duckdb.gz").read_bytes()))
    rows_before = every_row(old)
    columns = rows_before.pop("_columns")
    workspace = tmp_path / "pemda.duckdb"
    shutil.copy(demo_db, workspace)
    original = sha256(workspace)
    db = Database(workspace)

    kept = restore(db, check(old), "admin1", "lama.duckdb")

    assert sha256(kept) == original and kept.parent == tmp_path / "backups"
    after = every_row(workspace, columns)
    after.pop("_columns")
    assert after.pop("audit_log")[: len(rows_before["audit_log"])] == rows_before.pop("audit_log")
    assert after == as_migrated(rows_before, columns)  # every row of the old release's backup, in the workspace now
    with db.reading() as cur:
        assert version(cur) == len(migrations())
        actions = [a for (a,) in cur.execute("select action from audit_log order by audit_id").fetchall()]
    assert actions[-2:] == ["schema_upgrade", "restore"]
    db.close()


def test_an_admin_restores_on_the_data_page(data_db, backup, fast_hashing):
    add_user(data_db, "admin1", "admin")
    add_user(backup, "admin1", "admin")  # the account exists in the backup too
    at = signed_in("padang", "admin1")
    at.session_state["data_section"] = "Cadangan"
    at.run()
    at.file_uploader(key="data_restore_file_0").set_value(
        ("cadangan.duckdb", backup.read_bytes(), "application/octet-stream")
    )
    at.run()
    assert f"Cadangan lolos pemeriksaan: versi skema {len(migrations())}" in at.success[0].value
    assert at.button(key="data_restore_commit").disabled
    at.checkbox(key="data_restore_sure_0").check().run()
    before = checksums(data_db)  # with the admin's sign-in in it
    at.button(key="data_restore_commit").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Ruang kerja dipulihkan dari cadangan.duckdb")
    (kept,) = (data_db.parent / "backups").glob("data.replaced.*.duckdb")
    assert checksums(kept) == before
    with duckdb.connect(str(data_db), read_only=True) as con:
        assert con.execute("select count(*) from audit_log where actor = 'disnaker'").fetchone() == (1,)
        assert con.execute("select actor from audit_log where action = 'restore'").fetchall() == [("admin1",)]
