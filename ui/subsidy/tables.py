"""Tables on the calculator's screen: every figure through ucj.fmt, every header from the locale."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj.fmt import Lang
from ucj.subsidy.citations import rule_rows
from ucj.subsidy.report import formatted
from ucj.subsidy.rules import Bracket, Rule


def show(frame: pd.DataFrame, formats: dict[str, str], lang: Lang, key: str) -> None:
    st.dataframe(formatted(frame, formats, lang), hide_index=True, key=key)


def show_rules(items: list[Rule | Bracket], lang: Lang, key: str) -> None:
    """The rule rows behind a result: value, dates, regulation (flagged when read in a secondary source)."""
    rows = pd.DataFrame(rule_rows(list(dict.fromkeys(items)), lang))
    show(rows, dict.fromkeys(rows.columns, "text"), lang, key)
