"""Problems of an upload on screen: a table the user can sort, and a CSV to fix the file from."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from ucj.fmt import Lang
from ucj.i18n import t
from ucj.imports.problems import Problem
from ucj.table_export import to_csv


def problem_table(problems: Sequence[Problem], lang: Lang) -> pd.DataFrame:
    """One row per problem: severity, file, row (or feature), column, message; Indonesian or English."""
    return pd.DataFrame(
        {
            t("data.col.severity", lang): [t(f"data.severity.{p.severity}", lang) for p in problems],
            t("data.col.file", lang): [p.file for p in problems],
            t("data.col.row", lang): [p.row if p.row is not None else p.feature for p in problems],
            t("data.col.column", lang): [p.column or "" for p in problems],
            t("data.col.problem", lang): [p.message(lang) for p in problems],
        }
    ).astype({t("data.col.row", lang): "Int64"})


def show_problems(problems: Sequence[Problem], lang: Lang, key: str) -> None:
    """Errors first: nothing was stored; then the table and its download."""
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        st.error(t("data.rejected", lang, count=len(errors)))
    else:
        st.warning(t("data.warnings", lang, count=len(problems)))
    table = problem_table(sorted(problems, key=lambda p: (p.severity != "error", p.row or 0)), lang)
    st.dataframe(table, hide_index=True, key=f"{key}_table")
    st.download_button(
        t("data.download_problems", lang),
        to_csv(table),
        file_name="masalah_impor.csv",
        mime="text/csv",
        key=f"{key}_download",
    )
