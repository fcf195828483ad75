"""Commit a staged participant extract: its participants and the counts derived from them, in one transaction.

The counts (area × segment × status × month, `queries/membership_counts.sql`) go into the
participants table as kind 'upload', citing the extract's own source row, so the map, the ranking,
the trends, the home page and the calculator read them like any uploaded figure and prefer them
over published and estimated figures of the same area and month.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ucj import fmt
from ucj.db import execute, run_query
from ucj.i18n import t
from ucj.imports.kind import Batch, Request, execute_with_rows
from ucj.imports.membership import KEY, SYNTHETIC_MARK, TABLE, Staged
from ucj.imports.problems import ImportRejected, Problem
from ucj.imports.store import (
    Committed,
    close_batch,
    next_import_id,
    open_batch,
    record_change,
    same_file_problems,
    scope_problems,
    table_counts,
)

COUNT_COLUMNS = ("kode_wilayah", "level", "period", "segment", "status", "persons", "method")
SHOWN_OVERLAPS = 5


def method(staged: Staged) -> str:
    """The rule under every count an extract brings, in words (stored in Indonesian like every method)."""
    rule = t(f"membership.rule.{staged.facts.active_rule}", "id")
    text = t("membership.method", "id", file=staged.file_name, date=fmt.date(staged.facts.extract_date), rule=rule)
    return f"{text} ({SYNTHETIC_MARK})" if staged.facts.synthetic else text


def overlap_problems(
    con: duckdb.DuckDBPyConnection, kode_kab: str, counts: pd.DataFrame, file_name: str
) -> list[Problem]:
    """Counts an earlier, still active upload already holds for the same area and month: roll that back first."""
    stored = run_query(con, "import_upload_cells", kode_kab=kode_kab)
    owner = dict(zip(stored.loc[stored["target_table"] == "participants", "cell"], stored["import_id"]))
    cells = (
        counts["kode_wilayah"] + "|" + counts["period"].astype(str) + "|" + counts["segment"] + "|" + counts["status"]
    )
    clashes = sorted({int(owner[c]) for c in cells if c in owner})
    return [
        Problem("already_uploaded", file_name, params={"import_id": i, "what": t("membership.overlap_what", "id")})
        for i in clashes[:SHOWN_OVERLAPS]
    ]


def commit(con: duckdb.DuckDBPyConnection, staged: Staged, actor: str) -> Committed:
    """Store the staged extract in the caller's transaction (`Database.writer()`); ImportRejected on overlap."""
    # an extract counts the whole kab/kota (its totals too): only a scope covering the kab/kota may store it
    problems = scope_problems(con, actor, staged.kode_kab, staged.file_name)
    problems = problems or same_file_problems(con, staged.kode_kab, staged.sha256, staged.file_name)
    problems = problems or overlap_problems(con, staged.kode_kab, staged.counts, staged.file_name)
    if problems:
        raise ImportRejected(problems)
    before = table_counts(con)
    import_id = next_import_id(con)
    mark = SYNTHETIC_MARK if staged.facts.synthetic else None
    batch = Batch(import_id, open_batch(con, import_id, staged.file_name, actor, mark))
    with duckdb.connect(str(staged.database), read_only=True) as stage:
        rows = stage.sql("select * from participant").to_arrow_reader()
        con.register("import_rows", rows)
        try:
            execute(con, "import_membership_participants", import_id=import_id)
        finally:
            con.unregister("import_rows")
    facts = staged.facts
    execute(
        con,
        "import_membership_extract",
        import_id=import_id,
        kode_kab=staged.kode_kab,
        file_name=staged.file_name,
        extract_date=facts.extract_date,
        active_rule=facts.active_rule,
        synthetic=facts.synthetic,
    )
    counts = run_query(con, "membership_counts", import_id=import_id).assign(method=method(staged))
    execute_with_rows(
        con,
        "import_participants",
        counts.to_dict("records"),
        COUNT_COLUMNS,
        import_id=import_id,
        source_id=batch.source_id,
    )
    stored = table_counts(con)[TABLE] - before[TABLE]
    close_batch(
        con,
        batch,
        Request(KEY, staged.kode_kab, staged.file_name, b"", staged.sheet),
        kind=KEY,
        file_sha256=staged.sha256,
        sheet=staged.sheet,
        file_rows=staged.file_rows,
        stored_rows=stored,
        actor=actor,
    )
    detail = (
        f"impor #{import_id} ({KEY}) dari {staged.file_name}: {staged.file_rows} baris file, {stored} peserta,"
        f" {len(counts)} angka per wilayah × bulan, wilayah {staged.kode_kab}"
    )
    record_change(con, actor, "import", TABLE, detail, before)
    return Committed(import_id, stored, staged.warnings)
