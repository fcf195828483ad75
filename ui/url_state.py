"""View state that lives in the URL, so a copied link opens the same view."""

from __future__ import annotations

import streamlit as st

from ucj.fmt import Lang
from ucj.i18n import LANGS


def url_choice(key: str, options: list[str], default: str) -> str:
    """The value of `key` from the URL if it is one of `options` (else the default), kept in the URL."""
    value = st.query_params.get(key, default)
    if value not in options:
        value = default
    st.query_params[key] = value
    return value


def lang() -> Lang:
    """The UI language: Bahasa Indonesia unless the URL says lang=en."""
    return url_choice("lang", list(LANGS), "id")  # type: ignore[return-value]
