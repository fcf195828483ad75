"""The map page's view in session state and in the URL, so a copied link opens the same view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from ucj.map.focus import Focus
from ui import url_state

FOCUS_KEY = "peta_focus"


def month_key(month: dt.date) -> str:
    return month.strftime("%Y-%m")


def parse_month(key: str) -> dt.date:
    return dt.datetime.strptime(key, "%Y-%m").date()


def init_choice(name: str, options: list[str], default: str | Callable[[], str]) -> str:
    """Session key of widget `name`, holding the URL's value on first load, else a still-valid choice.

    A callable default is worked out only when needed (it may cost a computation).
    """
    return url_state.init_widget(f"peta_{name}", name, options, default)


def focus() -> Focus:
    """The focus: from the URL on first load, afterwards from the session."""
    if FOCUS_KEY not in st.session_state:
        read = url_state.read
        st.session_state[FOCUS_KEY] = Focus(read("kec"), read("level") == "desa", read("desa"))
    return st.session_state[FOCUS_KEY]


def set_focus(new: Focus) -> None:
    st.session_state[FOCUS_KEY] = new


def focus_params(f: Focus) -> dict[str, str | None]:
    return {"kec": f.kec, "level": "desa" if f.drilled else None, "desa": f.desa}
