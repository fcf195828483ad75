"""Altair charts on screen: each chart's Vega-Lite spec built and validated once per distinct input."""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

# The active Altair theme is global to the process; this lock keeps the switch below to one thread at a time.
_THEME_LOCK = threading.Lock()


def _frame_key(frame: pd.DataFrame) -> bytes:
    """A chart's frame as a cache key, from its pickle: 0,2 ms for 60 rows where Streamlit's own hashing of a
    frame takes 3 ms, which on Kolaborasi's five charts was a sixth of the page's script run (issue 17)."""
    return hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=16).digest()


_FAST_KEYS = {pd.DataFrame: _frame_key}


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs=_FAST_KEYS)
def _spec(_build: Callable[..., alt.TopLevelMixin], name: str, *args: Any) -> dict[str, Any]:
    # Building and validating an Altair chart costs 50–300 ms of CPU; `name` keys the cache by builder.
    # Without the default theme's 300-pixel view, as st.altair_chart sends it.
    with _THEME_LOCK, alt.theme.enable("none") if alt.theme.active == "default" else nullcontext():
        return _build(*args).to_dict()


def spec(build: Callable[..., alt.TopLevelMixin], *args: Any) -> dict[str, Any]:
    """The Vega-Lite spec of `build(*args)` as st.altair_chart would send it, cached by `build` and its arguments."""
    return _spec(build, f"{build.__module__}.{build.__qualname__}", *args)


def for_screen(spec: dict[str, Any]) -> dict[str, Any]:
    """`spec` with its tabular datasets as Arrow IPC bytes, which st.vega_lite_chart sends as they are.

    Given rows, st.vega_lite_chart converts every dataset to Arrow on every run (10–20 ms a chart on
    Kolaborasi); a spec made for screen inside a cache is converted once. The charts here have no GeoJSON
    datasets (Streamlit leaves those in the spec), only lists of rows.
    """
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    arrow = {
        name: convert_anything_to_arrow_bytes(rows) if isinstance(rows, list) else rows
        for name, rows in datasets.items()
    }
    return {**spec, "datasets": arrow}


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs=_FAST_KEYS)
def _screen_spec(_build: Callable[..., alt.TopLevelMixin], name: str, *args: Any) -> dict[str, Any]:
    return for_screen(_spec(_build, name, *args))


def altair_chart(build: Callable[..., alt.TopLevelMixin], *args: Any, **chart_args: Any) -> None:
    """`st.altair_chart(build(*args), **chart_args)`, drawn from the cached spec."""
    spec_ = _screen_spec(build, f"{build.__module__}.{build.__qualname__}", *args)
    st.vega_lite_chart(spec=spec_, **chart_args)
