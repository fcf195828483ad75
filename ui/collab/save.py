"""One way to write from the collaboration page: one transaction, refusals shown, cache cleared, then a fresh run."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import streamlit as st

from ucj.auth.guard import OutOfScope
from ucj.collab.rules import Rejected
from ucj.fmt import Lang
from ucj.markup import plain
from ui.collab.state import flash
from ui.db import write


def save(
    change: Callable[[duckdb.DuckDBPyConnection], str],
    lang: Lang,
    confirm: Callable[[str], str],
    before_rerun: Callable[[str], None] | None = None,
) -> None:
    """Run `change` in one transaction. A refusal is shown in place; a success keeps `confirm(result)`,
    lets `before_rerun(result)` prepare the next run, and reruns so every view reads the new state."""
    try:
        result = write(change)
    except Rejected as rejected:
        st.error("\n".join(f"- {plain(message)}" for message in rejected.messages(lang)))
        return
    except OutOfScope as refused:
        st.error(plain(refused.message(lang)))
        return
    flash(confirm(result))
    if before_rerun is not None:
        before_rerun(result)
    st.rerun()
