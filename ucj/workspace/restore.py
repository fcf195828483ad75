"""Restore a workspace from a backup an admin uploads: check it fully before it replaces anything.

A backup is accepted when DuckDB opens it, it has the workspace's tables, its schema version is not
newer than this release knows, and every row of every table can be read (DuckDB verifies each block's
checksum as it reads it, so a damaged file fails here, not after it replaced the workspace). The
replaced file is kept in backups/ beside the workspace; the restored one is then upgraded like any
workspace and the restore is recorded in its audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ucj import audit, schema
from ucj.db import Database
from ucj.errors import Explained

# Tables without which a file is not a workspace of this app at all.
REQUIRED = ("region", "kecamatan", "source", "audit_log", "user_account", "import_batch")


@dataclass(frozen=True)
class Checked:
    """A backup that passed every check, waiting in `path` to replace the workspace."""

    path: Path
    version: int
    tables: int
    rows: int
    regions: list[str]
    last_change: dt.datetime | None


def check(path: Path) -> Checked:
    """Every check of a backup file; Explained with the reason for the first that fails."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise Explained("workspace.restore_unreadable", error=str(exc).splitlines()[0]) from None
    try:
        tables = [n for (n,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
        lacking = [name for name in REQUIRED if name not in tables]
        if lacking:
            raise Explained("workspace.restore_not_workspace", tables=", ".join(lacking))
        version, latest = schema.version(con), len(schema.migrations())
        if version > latest:
            raise Explained("workspace.restore_too_new", version=version, latest=latest)
        rows = 0
        for name in tables:  # read every row: each block's checksum is verified on the way
            rows += con.execute(f'select count(*), bit_xor(hash(t)) from "{name}" as t').fetchone()[0]
        regions = [n for (n,) in con.execute("select nama from region order by kode_kab").fetchall()]
        (last,) = con.execute("select max(changed_at) from audit_log").fetchone()
    except duckdb.Error as exc:
        raise Explained("workspace.restore_damaged", error=str(exc).splitlines()[0]) from None
    finally:
        con.close()
    return Checked(path, version, len(tables), rows, regions, last)


def restore(db: Database, checked: Checked, actor: str, file_name: str) -> Path:
    """Put the checked backup in place of the workspace; returns where the replaced file is kept."""
    kept = db.replace(checked.path, db.path.parent / "backups")
    schema.upgrade(db.path)
    with db.writer() as con:
        detail = f"dipulihkan dari {file_name} (versi {checked.version}); berkas yang diganti disimpan di {kept}"
        audit.record(con, actor=actor, action="restore", target_table="database", detail=detail)
    return kept
