"""The Data page's import round, shared by the figure imports and the participant extract.

A commit ends the round: the next run shows an empty uploader (its key carries the round number) and
says what the commit stored.
"""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.imports.store import Committed

_ROUND = "data_upload_round"
_DONE = "data_import_done"


def number() -> int:
    """This round's number, for the uploader's key."""
    return st.session_state.setdefault(_ROUND, 0)


def show_last_commit(lang: Lang) -> None:
    """Once, after a commit: which import it stored and how many rows."""
    done = st.session_state.pop(_DONE, None)
    if done is not None:
        st.success(t("data.committed", lang, import_id=done[0], rows=fmt.number(done[1], lang)))


def end(committed: Committed) -> NoReturn:
    """Remember what was stored, start the next round, and run the page again."""
    st.session_state[_DONE] = (committed.import_id, committed.stored_rows)
    st.session_state[_ROUND] = number() + 1
    st.rerun()
