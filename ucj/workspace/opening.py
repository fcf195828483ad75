"""Open what configuration names: the demo, rebuilt when it is missing or from another release, or a
workspace, upgraded by its migrations (never rebuilt)."""

from __future__ import annotations

import duckdb

from ucj import schema
from ucj.build import build
from ucj.db import Database, run_query
from ucj.errors import Explained
from ucj.workspace.config import Target


def _demo_is_current(target: Target) -> bool:
    with duckdb.connect(str(target.path), read_only=True) as con:
        if schema.pending(con).empty:
            return True
        # Before workspaces existed a Pemda worked in the demo file: never rebuild over that work.
        if int(run_query(con, "local_changes")["changes"].iloc[0]):
            raise Explained("workspace.demo_has_work", path=str(target.path))
    return False


def open_target(target: Target) -> Database:
    """The Database for `target`; Explained when a workspace is missing or the demo holds work."""
    if target.is_demo:
        if not target.path.exists() or not _demo_is_current(target):
            build(out=target.path)
        return Database(target.path, writable=False)
    if not target.path.exists():
        raise Explained("workspace.missing", path=str(target.path))
    schema.upgrade(target.path)
    return Database(target.path)
