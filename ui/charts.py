"""Altair charts on screen: each chart's Vega-Lite spec built and validated once per distinct input."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

import altair as alt
import streamlit as st

# The active Altair theme is global to the process; this lock keeps the switch below to one thread at a time.
_THEME_LOCK = threading.Lock()


@st.cache_data(show_spinner=False, max_entries=256)
def _spec(_build: Callable[..., alt.TopLevelMixin], name: str, *args: Any) -> dict[str, Any]:
    # Building and validating an Altair chart costs 50–300 ms of CPU; `name` keys the cache by builder.
    # Without the default theme's 300-pixel view, as st.altair_chart sends it.
    with _THEME_LOCK, alt.theme.enable("none") if alt.theme.active == "default" else nullcontext():
        return _build(*args).to_dict()


def spec(build: Callable[..., alt.TopLevelMixin], *args: Any) -> dict[str, Any]:
    """The Vega-Lite spec of `build(*args)` as st.altair_chart would send it, cached by `build` and its arguments."""
    return _spec(build, f"{build.__module__}.{build.__qualname__}", *args)


def altair_chart(build: Callable[..., alt.TopLevelMixin], *args: Any, **chart_args: Any) -> None:
    """`st.altair_chart(build(*args), **chart_args)`, drawn from the cached spec."""
    st.vega_lite_chart(spec=spec(build, *args), **chart_args)
