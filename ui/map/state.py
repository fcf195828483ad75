"""The map page's view in session state and in the URL, so a copied link opens the same view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from ucj.map.focus import Focus

FOCUS_KEY = "peta_focus"


def month_key(month: dt.date) -> str:
    return month.strftime("%Y-%m")


def parse_month(key: str) -> dt.date:
    return dt.datetime.strptime(key, "%Y-%m").date()


def init_choice(name: str, options: list[str], default: str | Callable[[], str]) -> str:
    """Session key of widget `name`, holding the URL's value on first load, else a still-valid choice.

    A callable default is worked out only when needed (it may cost a computation).
    """
    key = f"peta_{name}"
    if st.session_state.get(key) not in options:
        wanted = st.query_params.get(name)
        st.session_state[key] = wanted if wanted in options else (default() if callable(default) else default)
    return key


def focus() -> Focus:
    """The focus: from the URL on first load, afterwards from the session."""
    if FOCUS_KEY not in st.session_state:
        params = st.query_params
        st.session_state[FOCUS_KEY] = Focus(params.get("kec"), params.get("tingkat") == "desa", params.get("desa"))
    return st.session_state[FOCUS_KEY]


def set_focus(new: Focus) -> None:
    st.session_state[FOCUS_KEY] = new


def write_url(values: dict[str, str | None]) -> None:
    """Put the view into the URL; a None drops the parameter."""
    for name, value in values.items():
        if value is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != value:
            st.query_params[name] = value


def focus_params(f: Focus) -> dict[str, str | None]:
    return {"kec": f.kec, "tingkat": "desa" if f.drilled else None, "desa": f.desa}
