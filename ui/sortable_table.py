"""The app's read-only table, sortable by its headings: an HTML table in a component of the page.

Drawn instead of `st.dataframe` where a table is to read and sort, not to edit or scroll through thousands of
rows: no canvas grid and no Arrow formatting to load (issue 17), text a screen reader reads, and figures that
sort as numbers while they show formatted (ucj.sortable_table).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from ucj.sortable_table import Formats, Missing, table_data

HERE = Path(__file__).parent
MAX_HEIGHT = 400  # px, as st.dataframe's default: the headings stay in view while the rows scroll
_TABLE = st.components.v2.component(
    "ucj_sortable_table",
    js=(HERE / "sortable_table.js").read_text(encoding="utf-8"),
    css=(HERE / "sortable_table.css").read_text(encoding="utf-8"),
)


def sortable_table(
    frame: pd.DataFrame,
    key: str,
    *,
    formats: Formats | None = None,
    missing: Missing = "",
    caption: str = "",
    max_height: int = MAX_HEIGHT,
) -> None:
    """Draw `frame` (its index left out); `formats` write a column's values, `missing` an empty cell (or, as a
    mapping, an empty cell of a column), and `caption` names the table for a screen reader."""
    data = table_data(frame, formats, missing) | {"caption": caption, "max_height": max_height}
    _TABLE(key=key, data=data)
