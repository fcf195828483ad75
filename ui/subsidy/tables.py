"""Tables on the calculator's screen: every figure through ucj.fmt, every header from the locale."""

from __future__ import annotations

from functools import lru_cache

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
    st.dataframe(_rule_table(tuple(dict.fromkeys(items)), lang), hide_index=True, key=key)


@lru_cache(maxsize=128)
def _rule_table(items: tuple[Rule | Bracket, ...], lang: Lang) -> pd.DataFrame:
    # Rules are frozen and read once per process: the table of every rule cost 15 % of each calculator run.
    rows = pd.DataFrame(rule_rows(list(items), lang))
    return formatted(rows, dict.fromkeys(rows.columns, "text"), lang)
