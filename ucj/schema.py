"""The database schema from queries/schema/, for a new database and for one a Pemda already uses.

A Pemda's database is never rebuilt (it holds their imports, accounts and rounds), so when a release
adds a table, a view, a sequence or a nullable column, `ensure` adds it to the existing file: every
`create` runs as `create … if not exists` (views are replaced, they hold no data) and a new column is
an `alter table … add column if not exists` in the schema files. Any other change to an existing
table's columns needs a migration of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from ucj import audit
from ucj.db import Database
from ucj.paths import SCHEMA

_ADDITIVE = (
    (re.compile(r"^create table (?!if not exists)", re.IGNORECASE | re.MULTILINE), "create table if not exists "),
    (re.compile(r"^create sequence (?!if not exists)", re.IGNORECASE | re.MULTILINE), "create sequence if not exists "),
    (re.compile(r"^create view ", re.IGNORECASE | re.MULTILINE), "create or replace view "),
)
# The name each statement creates, and the columns added to tables made by an earlier release.
_CREATED = re.compile(r"^create (?:or replace )?(?:table|view|sequence) (?:if not exists )?(\w+)", re.I | re.M)
_ADDED_COLUMN = re.compile(r"^alter table (\w+) add column if not exists (\w+)", re.I | re.M)


def statements(folder: Path = SCHEMA) -> list[str]:
    """The schema files' text in order, each `create` made safe to run on a database that has it."""
    texts = []
    for path in sorted(folder.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        for pattern, replacement in _ADDITIVE:
            text = pattern.sub(replacement, text)
        texts.append(text)
    return texts


def _existing(con: duckdb.DuckDBPyConnection) -> set[str]:
    tables = con.execute("select table_name from information_schema.tables").fetchall()
    sequences = con.execute("select sequence_name from duckdb_sequences()").fetchall()
    columns = con.execute("select table_name || '.' || column_name from information_schema.columns").fetchall()
    return {name for (name,) in [*tables, *sequences, *columns]}


def missing(con: duckdb.DuckDBPyConnection, folder: Path = SCHEMA) -> list[str]:
    """The tables, views, sequences and columns (`table.column`) of the schema the database lacks
    (a read-only check)."""
    texts = statements(folder)
    wanted = [name for text in texts for name in _CREATED.findall(text)]
    wanted += [f"{table}.{column}" for text in texts for table, column in _ADDED_COLUMN.findall(text)]
    have = _existing(con)
    return [name for name in wanted if name not in have]


def ensure(con: duckdb.DuckDBPyConnection, folder: Path = SCHEMA) -> list[str]:
    """Create what the schema has and the database lacks; return what was added."""
    added = missing(con, folder)
    for text in statements(folder):
        con.execute(text)
    return added


def upgrade(db: Database) -> list[str]:
    """Bring a database made by an earlier release up to this schema, audited; nothing when it is current.

    The check is read-only, so a current database (the usual case) is never opened for writing here.
    """
    with db.reading() as cur:
        if not missing(cur):
            return []
    with db.writer() as con:
        added = ensure(con)
        audit.record(
            con,
            actor="build",  # the software, not a person: `python -m ucj.build` may still rebuild it
            action="schema_upgrade",
            target_table="schema",
            detail="ditambahkan: " + ", ".join(added),
        )
    return added
