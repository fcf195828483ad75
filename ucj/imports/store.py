"""Check an upload against the database, commit it as one versioned import, or roll one back.

`check` only reads; `commit` re-checks inside the writing transaction (so nothing stored in
between is overlooked) and writes the source, the rows, the import_batch and the audit entry
together: if anything fails, the transaction is undone and what was stored before is intact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import duckdb

from ucj import audit, fmt
from ucj.auth import guard
from ucj.auth.guard import OutOfScope
from ucj.db import execute, run_query
from ucj.imports.areas import Region
from ucj.imports.kind import Batch, Context, ImportKind, Request
from ucj.imports.kinds import KINDS, TABLES
from ucj.imports.masking import mask_nik_shaped
from ucj.imports.problems import ImportRejected, Problem, errors, reject_if_errors
from ucj.imports.reading import read_table
from ucj.imports.rows import Record, parse_rows
from ucj.imports.table import Table

# Deleting an upload's rows: each statement removes only rows of that upload (by import_id or
# its own source), children before parents.
UNDO_STATEMENTS = (
    "import_undo_participants",
    "import_undo_participant",
    "import_undo_participant_extract",
    "import_undo_workforce",
    "import_undo_population_age_workforce",  # a DKB upload's estimates, then the spread rows they displaced
    "import_undo_workforce_replaced",
    "import_undo_workforce_replaced_clear",
    "import_undo_population",
    "import_undo_population_age",
    "import_undo_target",
    "import_undo_perisai",
    "import_undo_recipients",
    "import_undo_recipient_lists",
    "import_undo_source",
)


@dataclass(frozen=True)
class Checked:
    """An upload that passed every check: what will be stored, and the warnings to show."""

    kind: ImportKind
    region: Region
    table: Table
    records: list[Record]  # the file's rows
    stored: list[Record]  # plus totals derived from complete parts
    warnings: tuple[Problem, ...]
    labels: dict[str, str]  # column key → header in the file


@dataclass(frozen=True)
class Committed:
    import_id: int
    stored_rows: int
    warnings: tuple[Problem, ...]


def safe_file_name(name: str) -> str:
    """The file name as shown and stored: no path, no markup, no NIK in clear, at most 80 characters."""
    base = mask_nik_shaped(re.split(r"[\\/]", name)[-1])
    cleaned = re.sub(r"[^\w.\- ]", "_", base).strip() or "berkas"
    return cleaned[-80:]


def load_region(con: duckdb.DuckDBPyConnection, kode_kab: str) -> Region:
    areas = run_query(con, "import_region_areas", kode_kab=kode_kab)
    by_level = {level: dict(zip(rows["kode"], rows["nama"])) for level, rows in areas.groupby("level")}
    if kode_kab not in by_level.get("kabupaten", {}):
        raise ValueError(f"unknown region: {kode_kab!r}")
    return Region(kode_kab, by_level["kabupaten"][kode_kab], by_level.get("kecamatan", {}), by_level.get("desa", {}))


def sha256_of(request: Request) -> str:
    return hashlib.sha256(request.data).hexdigest()


def same_file_problems(con: duckdb.DuckDBPyConnection, kode_kab: str, sha256: str, file_name: str) -> list[Problem]:
    """An upload of a file the region already imported and did not roll back: stored twice, it counts twice."""
    earlier = run_query(con, "import_same_file", kode_kab=kode_kab, file_sha256=sha256)
    return [
        Problem("already_imported", file_name, params={"import_id": int(r.import_id), "file": r.file_name})
        for r in earlier.itertuples()
    ]


def check(con: duckdb.DuckDBPyConnection, request: Request, secret: bytes) -> Checked:
    """Read and check an upload; ImportRejected with every problem when it cannot be stored."""
    kind = KINDS[request.kind]
    # before any parsing: the answer is already known
    reject_if_errors(same_file_problems(con, request.kode_kab, sha256_of(request), request.file_name))
    table = read_table(request.file_name, request.data, request.sheet)
    region = load_region(con, request.kode_kab)
    records, problems, labels = parse_rows(table, kind.columns, region)
    ctx = Context(con, region, request, secret, labels)
    records = [kind.shape(r) for r in records]
    if not records and not errors(problems):
        problems.append(Problem("no_rows", request.file_name))
    problems += kind.problems(records, ctx)
    stored = kind.completed(records, ctx)
    problems += kind.overlap_problems(stored, ctx)
    reject_if_errors(problems)
    return Checked(kind, region, table, records, stored, tuple(problems), labels)


def scope_problems(
    con: duckdb.DuckDBPyConnection,
    actor: str,
    kode_kab: str,
    file_name: str,
    records: list[Record] | None = None,
    column: str | None = None,
) -> list[Problem]:
    """The scope check (ucj.auth.guard) as an upload's problem, naming the first row outside the actor's scope.

    Without records the upload changes the whole kab/kota (boundaries, an extract); a record without an
    area is a row of the kab/kota, one without a row number (a rollback's areas) is named by the file alone.
    """
    areas = None if records is None else [r.get("kode_wilayah") or kode_kab for r in records]
    try:
        guard.require(con, actor, kode_kab, areas)
    except OutOfScope as exc:
        params = {"areas": exc.params["areas"]}
        if records is None or exc.index < 0 or records[exc.index]["row"] is None:
            return [Problem("out_of_scope_region", file_name, params=params)]
        return [Problem("out_of_scope", file_name, records[exc.index]["row"], column, params)]
    return []


def scoped_check(con: duckdb.DuckDBPyConnection, request: Request, secret: bytes, actor: str) -> Checked:
    """`check` for this actor: the kab/kota must be open to their scope (known before reading the file),
    and every file row must lie in it."""
    reject_if_errors(scope_problems(con, actor, request.kode_kab, request.file_name, []))
    checked = check(con, request, secret)
    area = next((c for c in checked.kind.columns if c.is_area), None)
    column = None if area is None else checked.labels.get(area.key, area.header)
    reject_if_errors(scope_problems(con, actor, request.kode_kab, request.file_name, checked.records, column))
    return checked


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = run_query(con, "import_table_counts")
    return dict(zip(counts["target_table"], counts["row_count"].astype(int)))


def next_import_id(con: duckdb.DuckDBPyConnection) -> int:
    return int(run_query(con, "import_next_ids")["import_id"].iloc[0])


def open_batch(
    con: duckdb.DuckDBPyConnection, import_id: int, file_name: str, actor: str, mark: str | None = None
) -> str:
    """The upload's own source row, cited under every figure it brings; returns its source_id.

    A mark (e.g. "contoh sintetis") goes into the short citation, so every figure citing it says so.
    """
    source_id = f"upload-{import_id}"
    today = dt.date.today()
    named = f"{file_name} ({mark})" if mark else file_name
    execute(
        con,
        "import_source_create",
        source_id=source_id,
        short=f"{named}, diunggah {fmt.date(today)}",
        title=f"Unggahan #{import_id}",
        year=today.year,
        file_name=file_name,
        note=f"diunggah oleh {actor}",
    )
    return source_id


def close_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Batch,
    request: Request,
    *,
    kind: str,
    file_sha256: str | None = None,  # for a file read from disk rather than held as request.data
    sheet: str | None,
    file_rows: int,
    stored_rows: int,
    actor: str,
) -> None:
    """The import_batch row that makes the written rows one import, which can be rolled back."""
    execute(
        con,
        "import_batch_create",
        import_id=batch.import_id,
        kode_kab=request.kode_kab,
        kind=kind,
        file_name=request.file_name,
        file_sha256=file_sha256 or sha256_of(request),
        sheet=sheet,
        source_id=batch.source_id,
        file_rows=file_rows,
        stored_rows=stored_rows,
        created_by=actor,
    )


def record_change(
    con: duckdb.DuckDBPyConnection, actor: str, action: str, table: str, detail: str, before: dict[str, int]
) -> None:
    """The audit entry of an import or a rollback, with the table's row counts before and after it."""
    after = table_counts(con)
    audit.record(
        con,
        actor=actor,
        action=action,
        target_table=table,
        detail=detail,
        rows_before=before[table],
        rows_after=after[table],
    )


def commit(con: duckdb.DuckDBPyConnection, request: Request, actor: str, secret: bytes) -> Committed:
    """Check again (the actor's scope too) and store everything in the caller's transaction (`Database.writer()`)."""
    checked = scoped_check(con, request, secret, actor)
    kind = checked.kind
    before = table_counts(con)
    import_id = next_import_id(con)
    source_id = open_batch(con, import_id, request.file_name, actor)
    ctx = Context(con, checked.region, request, secret, checked.labels)
    stored_rows = kind.write(ctx, checked.stored, Batch(import_id, source_id))
    close_batch(
        con,
        Batch(import_id, source_id),
        request,
        kind=kind.key,
        sheet=checked.table.sheet,
        file_rows=len(checked.records),
        stored_rows=stored_rows,
        actor=actor,
    )
    detail = (
        f"impor #{import_id} ({kind.key}) dari {request.file_name}: {len(checked.records)} baris file, "
        f"{stored_rows} baris disimpan, wilayah {request.kode_kab}"
    )
    record_change(con, actor, "import", kind.table, detail, before)
    return Committed(import_id, stored_rows, checked.warnings)


def batch_row(con: duckdb.DuckDBPyConnection, kode_kab: str, import_id: int) -> dict:
    """The region's active upload of this number; ImportRejected when there is none to roll back."""
    batches = run_query(con, "import_batches", kode_kab=kode_kab)
    found = batches[batches["import_id"] == import_id]
    if found.empty or not bool(found["is_active"].iloc[0]):
        raise ImportRejected([Problem("not_active", f"#{import_id}")])
    return found.iloc[0].to_dict()


def rollback_scope_problems(con: duckdb.DuckDBPyConnection, kode_kab: str, batch: dict, actor: str) -> list[Problem]:
    """Rolling an upload back changes every area its rows name: the actor's scope must cover them all."""
    areas = run_query(con, "import_batch_areas", import_id=int(batch["import_id"]))["kode_wilayah"].tolist()
    records = [{"kode_wilayah": kode, "row": None} for kode in areas]
    return scope_problems(con, actor, kode_kab, batch["file_name"], records)


def roll_back_rows(con: duckdb.DuckDBPyConnection, kode_kab: str, import_id: int, actor: str) -> int:
    """Delete exactly the rows of one figure upload and its source, in the caller's transaction."""
    batch = batch_row(con, kode_kab, import_id)
    reject_if_errors(rollback_scope_problems(con, kode_kab, batch, actor))
    table = TABLES[batch["kind"]]
    before = table_counts(con)
    for statement in UNDO_STATEMENTS:
        execute(con, statement, import_id=import_id, source_id=batch["source_id"])
    execute(con, "import_batch_rolled_back", import_id=import_id, actor=actor)
    removed = before[table] - table_counts(con)[table]
    if removed != batch["stored_rows"]:
        # Somebody changed this upload's rows since: refuse rather than delete a guess.
        params = {"expected": batch["stored_rows"], "found": removed}
        raise ImportRejected([Problem("rollback_mismatch", batch["file_name"], params=params)])
    detail = f"impor #{import_id} ({batch['kind']}) dari {batch['file_name']} dibatalkan: {removed} baris dihapus"
    record_change(con, actor, "rollback", table, detail, before)
    return removed
