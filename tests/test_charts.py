"""ui.charts: a cached Altair spec reaches the browser exactly as st.altair_chart would send it."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest


def _page(cached: bool, calls: int, title: str) -> None:
    import altair as alt
    import pandas as pd
    import streamlit as st

    from ui.charts import altair_chart

    frame = pd.DataFrame({"kecamatan": ["Koto Tangah", "Kuranji", "Pauh"], "peserta": [1200, 950, 430]})

    def bars(data: pd.DataFrame, title: str) -> alt.Chart:
        st.session_state["built"] = st.session_state.get("built", 0) + 1
        return alt.Chart(data).mark_bar().encode(x="kecamatan:N", y="peserta:Q").properties(title=title)

    for _ in range(calls):
        if cached:
            altair_chart(bars, frame, title, width="stretch")
        else:
            st.altair_chart(bars(frame, title), width="stretch")


def _sent(cached: bool, title: str, calls: int = 1) -> tuple[AppTest, list[tuple[dict, list[pd.DataFrame]]]]:
    """The page run, and each chart as the browser gets it: its spec (datasets renamed by order) and data."""
    at = AppTest.from_function(_page, args=(cached, calls, title), default_timeout=30).run()
    assert not at.exception, at.exception
    charts = []
    for element in at.get("vega_lite_chart"):
        text = element.proto.spec
        names = [dataset.name for dataset in element.proto.datasets]
        for number, name in enumerate(names):
            text = text.replace(name, f"dataset-{number}")
        frames = [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in element.proto.datasets]
        charts.append((json.loads(text), frames))
    return at, charts


def test_cached_spec_is_what_st_altair_chart_sends() -> None:
    _, [(plain_spec, plain_data)] = _sent(cached=False, title="Peserta aktif")
    _, [(cached_spec, cached_data)] = _sent(cached=True, title="Peserta aktif")
    assert cached_spec == plain_spec  # same marks, encodings, title, and no theme's 300-pixel view
    assert "view" not in cached_spec.get("config", {})
    assert len(cached_data) == len(plain_data) == 1
    pd.testing.assert_frame_equal(cached_data[0], plain_data[0], check_dtype=False)


def test_a_chart_is_built_once_per_input() -> None:
    # A title no other test uses: the cache is the process's, shared by every AppTest run.
    at, charts = _sent(cached=True, title="Peserta aktif per kecamatan", calls=3)
    assert len(charts) == 3
    assert at.session_state["built"] == 1


def test_a_frame_keys_the_cache_by_every_value_and_label() -> None:
    from ui.charts import _frame_key

    frame = pd.DataFrame({"kecamatan": ["Koto Tangah", "Kuranji"], "peserta": [1200, 950]})
    assert _frame_key(frame) == _frame_key(frame.copy())
    assert _frame_key(frame) != _frame_key(frame.assign(peserta=[1200, 951]))
    assert _frame_key(frame) != _frame_key(frame.rename(columns={"peserta": "aktif"}))
    assert _frame_key(frame) != _frame_key(frame.astype({"peserta": "float64"}))
