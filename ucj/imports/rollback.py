"""Roll back any upload by its number: figures in one transaction, a whole region in two."""

from __future__ import annotations

from ucj.db import Database
from ucj.imports import boundary_store
from ucj.imports.store import batch_row, roll_back_rows


def roll_back(db: Database, kode_kab: str, import_id: int, actor: str) -> None:
    """Undo one active upload of the region; ImportRejected when it is not active or still needed."""
    with db.reading() as con:
        kind = batch_row(con, kode_kab, import_id)["kind"]
    if kind == "boundaries":
        boundary_store.roll_back(db, kode_kab, import_id, actor)
        return
    with db.writer() as con:
        roll_back_rows(con, kode_kab, import_id, actor)
