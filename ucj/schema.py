"""The database schema, for a new database and for a workspace a Pemda already uses.

`queries/schema/NN_*.sql` is the baseline every new database starts from; `queries/migrations/NNNN_*.sql`
are numbered changes applied after it, in order, each once; `schema_version` (made by migration 0001)
records which ran. A workspace is never rebuilt (it holds a Pemda's imports, accounts and rounds), so
at start-up `upgrade` brings it to this release: it writes a backup copy, then in one transaction adds
what the baseline has and the file lacks (every `create` runs as `create … if not exists`, views are
replaced: they hold no data; a new nullable column is an `alter table … add column if not exists`
in a baseline file), runs the pending migrations and records them. If any step fails the
transaction is rolled back and the backup copied back, so the file is exactly as it was, and the error
says which migration failed and why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ucj import audit
from ucj.errors import Explained
from ucj.paths import QUERIES, SCHEMA

MIGRATIONS = QUERIES / "migrations"
_ADDITIVE = (
    (re.compile(r"^create table (?!if not exists)", re.IGNORECASE | re.MULTILINE), "create table if not exists "),
    (re.compile(r"^create sequence (?!if not exists)", re.IGNORECASE | re.MULTILINE), "create sequence if not exists "),
    (re.compile(r"^create view ", re.IGNORECASE | re.MULTILINE), "create or replace view "),
)
# The name each statement creates, and the columns added to tables made by an earlier release.
_CREATED = re.compile(r"^create (?:or replace )?(?:table|view|sequence) (?:if not exists )?(\w+)", re.I | re.M)
_ADDED_COLUMN = re.compile(r"^alter table (\w+) add column if not exists (\w+)", re.I | re.M)
_MIGRATION_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Pending:
    """What a database lacks: baseline objects, numbered migrations, or views of changed schema files."""

    missing: list[str]
    migrations: list[Migration]
    schema_changed: bool

    @property
    def empty(self) -> bool:
        return not (self.missing or self.migrations or self.schema_changed)


@dataclass(frozen=True)
class Upgrade:
    from_version: int
    to_version: int
    applied: list[str]
    added: list[str]
    backup: Path


class MigrationFailed(Explained):
    """A migration that could not run; the database file was left exactly as it was."""


def statements(folder: Path = SCHEMA) -> list[str]:
    """The schema files' text in order, each `create` made safe to run on a database that has it."""
    texts = []
    for path in sorted(folder.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        for pattern, replacement in _ADDITIVE:
            text = pattern.sub(replacement, text)
        texts.append(text)
    return texts


def schema_sha256(folder: Path = SCHEMA) -> str:
    """A fingerprint of the baseline files: when it changes, views are refreshed at the next start."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.sql")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def migrations(folder: Path = MIGRATIONS) -> list[Migration]:
    """The numbered migrations in order; numbers must run 1, 2, 3 … without a gap or a repeat."""
    found = sorted((int(m.group(1)), p) for p in folder.glob("*.sql") if (m := _MIGRATION_FILE.match(p.name)))
    strays = sorted(p.name for p in folder.glob("*.sql") if not _MIGRATION_FILE.match(p.name))
    numbers = [n for n, _ in found]
    if strays or numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"{folder}: migrasi harus bernomor 0001, 0002, … tanpa celah: {numbers} {strays}")
    return [Migration(n, p) for n, p in found]


def _existing(con: duckdb.DuckDBPyConnection) -> set[str]:
    tables = con.execute("select table_name from information_schema.tables").fetchall()
    sequences = con.execute("select sequence_name from duckdb_sequences()").fetchall()
    columns = con.execute("select table_name || '.' || column_name from information_schema.columns").fetchall()
    return {name for (name,) in [*tables, *sequences, *columns]}


def missing(con: duckdb.DuckDBPyConnection, folder: Path = SCHEMA) -> list[str]:
    """The tables, views, sequences and columns (`table.column`) of the baseline the database lacks
    (a read-only check)."""
    texts = statements(folder)
    wanted = [name for text in texts for name in _CREATED.findall(text)]
    wanted += [f"{table}.{column}" for text in texts for table, column in _ADDED_COLUMN.findall(text)]
    have = _existing(con)
    return [name for name in wanted if name not in have]


def version(con: duckdb.DuckDBPyConnection) -> int:
    """The last migration the database has had; 0 for one made before numbered migrations."""
    if "schema_version" not in _existing(con):
        return 0
    return int(con.execute("select coalesce(max(version), 0) from schema_version").fetchone()[0])


def _recorded_sha(con: duckdb.DuckDBPyConnection) -> str | None:
    if "schema_version" not in _existing(con):
        return None
    row = con.execute("select schema_sha256 from schema_version order by applied_at desc, version desc limit 1")
    found = row.fetchone()
    return found[0] if found else None


def pending(
    con: duckdb.DuckDBPyConnection, schema_folder: Path = SCHEMA, migrations_folder: Path = MIGRATIONS
) -> Pending:
    """What `upgrade` would do to this database (a read-only check)."""
    at = version(con)
    return Pending(
        missing=missing(con, schema_folder),
        migrations=[m for m in migrations(migrations_folder) if m.version > at],
        schema_changed=_recorded_sha(con) != schema_sha256(schema_folder),
    )


def ensure(con: duckdb.DuckDBPyConnection, folder: Path = SCHEMA) -> list[str]:
    """Create what the baseline has and the database lacks, replace its views; return what was added."""
    added = missing(con, folder)
    for text in statements(folder):
        con.execute(text)
    return added


def _apply(
    con: duckdb.DuckDBPyConnection,
    todo: Pending,
    backup: Path | None,
    schema_folder: Path,
) -> list[str]:
    """Baseline, then the pending migrations, each recorded; in the caller's transaction."""
    added = ensure(con, schema_folder)
    sha = schema_sha256(schema_folder)
    at = version(con)
    for migration in todo.migrations:
        try:
            con.execute(migration.path.read_text(encoding="utf-8"))
        except duckdb.Error as exc:
            raise MigrationFailed("workspace.migration_failed", file=migration.name, error=str(exc)) from exc
        at = migration.version
        con.execute(
            "insert into schema_version (version, name, schema_sha256, backup) values (?, ?, ?, ?)",
            [at, migration.name, sha, None if backup is None else str(backup)],
        )
    if not todo.migrations:  # only the baseline's files changed: record that their views are current
        con.execute(
            "insert into schema_version (version, name, schema_sha256, backup) values (?, 'queries/schema', ?, ?)",
            [at, sha, None if backup is None else str(backup)],
        )
    return added


def create(con: duckdb.DuckDBPyConnection, schema_folder: Path = SCHEMA, migrations_folder: Path = MIGRATIONS) -> None:
    """The whole schema of this release in a new, empty database."""
    _apply(con, pending(con, schema_folder, migrations_folder), None, schema_folder)


def backup_copy(path: Path, at_version: int, folder: Path | None = None) -> Path:
    """A copy of the database file in backups/ beside it, named by its version and the time."""
    folder = folder or path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{path.stem}.v{at_version}.{stamp}.duckdb"
    shutil.copyfile(path, dest)
    return dest


def _checkpoint(path: Path) -> None:
    """Fold a write-ahead log left by a crash into the file, so a copy of the file is the whole database."""
    if path.with_name(path.name + ".wal").exists():
        with duckdb.connect(str(path)) as con:
            con.execute("checkpoint")


def upgrade(
    path: Path,
    backups: Path | None = None,
    schema_folder: Path = SCHEMA,
    migrations_folder: Path = MIGRATIONS,
) -> Upgrade | None:
    """Bring a workspace made by an earlier release up to this one; None when it is current.

    Call it before the app opens the file. The check is read-only, so a current workspace (the usual
    case) is never opened for writing and no backup is made.
    """
    _checkpoint(path)
    with duckdb.connect(str(path), read_only=True) as con:
        todo = pending(con, schema_folder, migrations_folder)
        start = version(con)
    if todo.empty:
        return None
    backup = backup_copy(path, start, backups)
    con = duckdb.connect(str(path))
    try:
        con.execute("begin transaction")
        added = _apply(con, todo, backup, schema_folder)
        applied = [m.name for m in todo.migrations]
        end = version(con)
        detail = f"versi {start} → {end}; migrasi: {', '.join(applied) or '-'}; ditambahkan: {', '.join(added) or '-'}"
        # The software, not a person: such an entry is not a change a rebuild would lose.
        audit.record(con, actor="build", action="schema_upgrade", target_table="schema", detail=f"{detail}; {backup}")
        con.execute("commit")
    except BaseException:
        con.close()
        shutil.copyfile(backup, path)  # byte for byte as it was, whatever the rollback left behind
        path.with_name(path.name + ".wal").unlink(missing_ok=True)
        raise
    con.close()
    return Upgrade(start, end, applied, added, backup)
