"""Every change to stored data is written to the audit log in the same transaction as the change."""

from __future__ import annotations

import duckdb

from ucj.db import execute


def record(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str,
    action: str,
    target_table: str,
    detail: str,
    rows_before: int | None = None,
    rows_after: int | None = None,
) -> None:
    """Append one audit entry; call it inside `Database.writer()` so it lands with the change or not at all."""
    execute(
        con,
        "audit_record",
        actor=actor,
        action=action,
        target_table=target_table,
        detail=detail,
        rows_before=rows_before,
        rows_after=rows_after,
    )
