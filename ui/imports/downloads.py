"""CSV and Excel download buttons for a table, through the formula-safe export."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj.fmt import Lang
from ucj.i18n import t
from ucj.table_export import XLSX_MIME, to_csv, to_xlsx
from ui.deferred_download import deferred_download


def download_buttons(
    frame: pd.DataFrame,
    name: str,
    lang: Lang,
    key: str,
    labels: tuple[str, str] = ("data.download_csv", "data.download_xlsx"),
) -> None:
    """Two buttons, CSV and Excel; the files are made only when clicked (ui.deferred_download)."""
    left, right = st.columns(2)
    deferred_download(left, t(labels[0], lang), lambda: to_csv(frame), f"{name}.csv", "text/csv", f"{key}_csv")
    deferred_download(right, t(labels[1], lang), lambda: to_xlsx(frame, name), f"{name}.xlsx", XLSX_MIME, f"{key}_xlsx")
