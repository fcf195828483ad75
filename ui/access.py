"""Who may change data. Until the Data issue adds editor accounts, editing sits behind one
clearly marked switch; pages only ask `current_editor()` and never decide access themselves."""

from __future__ import annotations

import streamlit as st

from ucj.i18n import t

_SWITCH = "editor_switch"


def current_editor() -> str | None:
    """The editor's name when editing is allowed, else None (a viewer)."""
    return "editor (tanpa login)" if st.session_state.get(_SWITCH) else None


def editor_switch(lang: str) -> None:
    """The temporary switch, drawn in the sidebar by the frame."""
    st.toggle(t("access.switch", lang), key=_SWITCH, help=t("access.switch_help", lang))
