"""CSV and Excel download buttons for a table, through the formula-safe export."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj.fmt import Lang
from ucj.i18n import t
from ucj.table_export import to_csv, to_xlsx

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(
    frame: pd.DataFrame,
    name: str,
    lang: Lang,
    key: str,
    labels: tuple[str, str] = ("data.download_csv", "data.download_xlsx"),
) -> None:
    """Two buttons, CSV and Excel; the files are made only when clicked, with no rerun of the page."""
    left, right = st.columns(2)
    csv, xlsx = (lambda: to_csv(frame)), (lambda: to_xlsx(frame, name))
    left.download_button(t(labels[0], lang), csv, f"{name}.csv", "text/csv", key=f"{key}_csv", on_click="ignore")
    right.download_button(t(labels[1], lang), xlsx, f"{name}.xlsx", XLSX_MIME, key=f"{key}_xlsx", on_click="ignore")
