"""Choices on the collaboration page that a copied link must reopen: kept in the URL."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ucj.markup import plain
from ui import url_state


def next_choice(key: str, value: str) -> None:
    """Ask the widget `key` to show `value` on the next run (a widget's state is fixed once it is drawn)."""
    st.session_state[f"{key}__next"] = value


def url_select(
    label: str,
    options: Sequence[str],
    *,
    key: str,
    url_key: str,
    default: str,
    format_func: Callable[[str], str],
) -> str:
    """A selectbox whose choice lives in the URL under `url_key`; a stale or foreign value falls back to `default`."""
    options = list(options)
    wanted = st.session_state.pop(f"{key}__next", None)
    if wanted in options:
        st.session_state[key] = wanted
    else:
        url_state.init_widget(key, url_key, options, default)
    st.selectbox(label, options, key=key, format_func=format_func)
    url_state.write({url_key: st.session_state[key]})
    return st.session_state[key]


_FLASH = "kolab_flash"


def flash(message: str) -> None:
    """A confirmation to show once, after the rerun that follows a write."""
    st.session_state[_FLASH] = message


def show_flash() -> None:
    """Show the confirmation kept by the last write, once."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(plain(message))
