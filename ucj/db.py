"""The one way into the database: named SQL files from queries/, run with bound parameters.

Page views read through a read-only DuckDB connection. DuckDB refuses a read-write and a
read-only connection to the same file in one process, so writes go through `Database.writer()`,
which waits for running reads, closes the reader, writes in one transaction and reopens it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ucj.errors import Explained
from ucj.paths import QUERIES

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")

# `query(name, **params)`: ui.db.query on screen (cached), a Database's query in exports and tests.
Query = Callable[..., pd.DataFrame]


class UnknownQuery(ValueError):
    """Raised for a query name that is not a file in queries/ (never guessed from user input)."""


@cache
def query_text(name: str, folder: Path = QUERIES) -> str:
    """The SQL of `queries/<name>.sql`; names are checked so a path can never be smuggled in."""
    if not _NAME.match(name):
        raise UnknownQuery(f"invalid query name: {name!r}")
    path = folder / f"{name}.sql"
    if not path.is_file():
        raise UnknownQuery(f"no such query: {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")


def query_names(folder: Path = QUERIES) -> list[str]:
    """Every runnable query, for the contract test that runs them all."""
    return sorted(p.stem for p in folder.glob("*.sql"))


def query_params(name: str, folder: Path = QUERIES) -> set[str]:
    """The `$names` a query binds: what a caller (or the contract test) must pass."""
    return set(_PARAM.findall(query_text(name, folder)))


def _bound(name: str, params: Mapping[str, Any], folder: Path = QUERIES) -> tuple[str, dict[str, Any]]:
    sql = query_text(name, folder)
    used = query_params(name, folder)
    missing = used - params.keys()
    if missing:
        raise TypeError(f"query {name!r} needs parameters: {', '.join(sorted(missing))}")
    return sql, {k: v for k, v in params.items() if k in used}


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run a named query with `$param` placeholders bound from keyword arguments."""
    sql, bound = _bound(name, params)
    return con.execute(sql, bound).df()


def execute(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> None:
    """Run a named write statement from queries/write/ with bound parameters, in the caller's transaction."""
    sql, bound = _bound(name, params, QUERIES / "write")
    con.execute(sql, bound)


def in_use_by_another_process(path: Path) -> str | None:
    """DuckDB's message when another process (a running app) holds the file open, else None.

    Every open connection holds a file lock, a running app's read-only one too, so opening the
    file for writing from here fails exactly while someone uses it.
    """
    try:
        duckdb.connect(str(path)).close()
    except duckdb.IOException as exc:
        return str(exc)
    return None


class ReadOnly(Explained):
    """A write asked of the research demo, which never holds anyone's work."""


class Database:
    """A database file shared by every session of one app process (`writable=False`: the demo)."""

    def __init__(self, path: Path, writable: bool = True) -> None:
        self.path = path
        self.writable = writable
        self._lock = threading.Condition()
        self._readers = 0
        self._writing = False
        self._reader: duckdb.DuckDBPyConnection | None = None

    def _open_reader(self) -> duckdb.DuckDBPyConnection:
        if self._reader is None:
            self._reader = duckdb.connect(str(self.path), read_only=True)
        return self._reader

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the read-only connection (a cursor per use: connections are not thread-safe)."""
        with self._lock:
            self._lock.wait_for(lambda: not self._writing)
            self._readers += 1
            cursor = self._open_reader().cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._lock:
                self._readers -= 1
                self._lock.notify_all()

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """Run a named read query."""
        with self.reading() as cur:
            return run_query(cur, name, **params)

    @contextmanager
    def _alone(self) -> Iterator[None]:
        """Nothing else reads or writes the file meanwhile (the reader is closed, reopened on next use)."""
        if not self.writable:
            raise ReadOnly("workspace.demo_read_only")
        with self._lock:
            self._lock.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
            if self._reader is not None:
                self._reader.close()
                self._reader = None
        try:
            yield
        finally:
            with self._lock:
                self._writing = False
                self._lock.notify_all()

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection inside one transaction: all of the write lands, or none of it."""
        with self._alone():
            con = duckdb.connect(str(self.path))
            try:
                con.execute("begin transaction")
                try:
                    yield con
                except BaseException:
                    con.execute("rollback")
                    raise
                con.execute("commit")
            finally:
                con.close()

    def snapshot(self, dest: Path) -> Path:
        """A consistent copy of the database file at `dest`, taken while no write runs.

        Writes happen on a connection that is closed (and so checkpointed) before the lock is released,
        and readers never change the file, so copying it under a read is a complete, consistent backup.
        """
        with self.reading():
            shutil.copyfile(self.path, dest)
        return dest

    def replace(self, new_file: Path, keep_in: Path) -> Path:
        """Put `new_file` in place of this database while nothing reads or writes; returns where the
        replaced file is kept (`keep_in`, named by the time). Both moves stay on one file system."""
        with self._alone():
            keep_in.mkdir(parents=True, exist_ok=True)
            kept = keep_in / f"{self.path.stem}.replaced.{dt.datetime.now():%Y%m%d-%H%M%S-%f}.duckdb"
            shutil.copyfile(self.path, kept)
            staged = self.path.with_name(self.path.name + ".restoring")
            shutil.copyfile(new_file, staged)
            os.replace(staged, self.path)  # atomic: the workspace is the old file or the new one, never half
        return kept

    def close(self) -> None:
        with self._lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
