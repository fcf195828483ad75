"""What every kind of import declares: its columns, what makes a row unique, its checks, its write."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from ucj.db import execute, run_query
from ucj.imports.areas import Region
from ucj.imports.columns import Column
from ucj.imports.problems import Problem
from ucj.imports.rows import Record, duplicate_problems
from ucj.imports.totals import Axis, derived_totals, total_problems


@dataclass(frozen=True)
class Request:
    """One upload as the user made it."""

    kind: str
    kode_kab: str
    file_name: str
    data: bytes
    sheet: str | None = None
    options: Mapping[str, object] = field(default_factory=dict)  # e.g. a recipient list's OPD


@dataclass(frozen=True)
class Context:
    """What a kind's checks and write may use: the transaction, the region, the upload."""

    con: duckdb.DuckDBPyConnection
    region: Region
    request: Request
    secret: bytes  # the install's key for NIK hashes (recipient lists)
    labels: Mapping[str, str] = field(default_factory=dict)  # column key → its header in the file

    @property
    def file_name(self) -> str:
        return self.request.file_name

    def column(self, col: Column) -> str:
        """A column as the file names it, so the user finds it (the template's name if absent)."""
        return self.labels.get(col.key, col.header)


@dataclass(frozen=True)
class Batch:
    """The import being written: its number and its own source row."""

    import_id: int
    source_id: str


Check = Callable[[list[Record], Context], list[Problem]]


@dataclass(frozen=True)
class ImportKind:
    """One kind of upload (participants, targets, a recipient list…), declared as data."""

    key: str
    table: str  # the table its rows go into
    columns: tuple[Column, ...]
    identity: tuple[str, ...]  # fields that make a stored row unique
    write: Callable[[Context, list[Record], Batch], int]
    checks: tuple[Check, ...] = ()
    axes: tuple[Axis, ...] = ()  # totals checked, and derived, in this order
    value: str = "persons"
    shape: Callable[[Record], Record] = lambda record: record  # fields computed from parsed cells
    versioned: bool = True  # rows keyed by identity: an earlier active upload of the same key blocks this one
    # rows the kind computes from the file's and stores with them (a DKB age table's workforce)
    derive: Callable[[list[Record], Context], list[Record]] | None = None

    def key_of(self, record: Record) -> tuple[object, ...]:
        return tuple(record.get(f) for f in self.identity)

    def problems(self, records: list[Record], ctx: Context) -> list[Problem]:
        """Duplicates, the kind's own checks, and totals against their parts."""
        found = duplicate_problems(records, self.key_of, ctx.file_name, ctx.column(self.columns[0]))
        for check in self.checks:
            found += check(records, ctx)
        if self.axes:
            value_column = ctx.column(next(c for c in self.columns if c.key == self.value))
            for axis in self.axes:
                found += total_problems(records, axis, ctx.region, ctx.file_name, self.value, value_column)
        return found

    def overlap_problems(self, records: list[Record], ctx: Context) -> list[Problem]:
        """Rows an earlier, still active upload already holds: roll that one back first (never a silent overwrite)."""
        if not self.versioned:
            return []
        stored = run_query(ctx.con, "import_upload_cells", kode_kab=ctx.region.kode_kab)
        mine = stored[stored["target_table"] == self.table]
        owner = dict(zip(mine["cell"], mine["import_id"]))
        problems = []
        for record in records:
            cell = "|".join(str(v) for v in self.key_of(record))
            if cell in owner:
                params = {"import_id": int(owner[cell]), "what": _describe(record)}
                problems.append(Problem("already_uploaded", ctx.file_name, record["row"], None, params))
        return problems

    def completed(self, records: list[Record], ctx: Context) -> list[Record]:
        """The file's records plus the totals its complete parts imply and the rows the kind derives."""
        out = list(records)
        for axis in self.axes:
            out += derived_totals(out, axis, ctx.region, self.value)
        return out + (self.derive(records, ctx) if self.derive else [])


def execute_with_rows(
    con: duckdb.DuckDBPyConnection,
    statement: str,
    rows: list[Record],
    columns: tuple[str, ...] | None = None,
    **params: object,
) -> None:
    """Run queries/write/<statement>.sql with `rows` visible to it as the relation `import_rows`."""
    names = list(columns) if columns is not None else list(rows[0]) if rows else []
    frame = pd.DataFrame([{c: r.get(c) for c in names} for r in rows], columns=names)
    con.register("import_rows", frame)
    try:
        execute(con, statement, **params)
    finally:
        con.unregister("import_rows")


def insert_rows(statement: str, columns: tuple[str, ...]) -> Callable[[Context, list[Record], Batch], int]:
    """A write that hands the records' `columns` to queries/write/<statement>.sql as `import_rows`."""

    def write(ctx: Context, records: list[Record], batch: Batch) -> int:
        execute_with_rows(ctx.con, statement, records, columns, import_id=batch.import_id, source_id=batch.source_id)
        return len(records)

    return write


def _describe(record: Record) -> str:
    shown = ("area_name", "period", "year", "segment", "status", "metric", "agent")
    return " · ".join(str(record[k]) for k in shown if record.get(k) is not None)
