"""What the calculator reads from the database: the region's kecamatan and the research's drop-out evidence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj.retention.comparable import Comparable, comparable
from ucj.subsidy import inputs
from ucj.subsidy.headcount import Region
from ucj.subsidy.retention import Evidence
from ucj.subsidy.rules import RuleBook
from ui.db import database_path, query


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _read(db: str, kode_kab: str, _book: RuleBook) -> tuple[list[Evidence], Region]:
    # `_book` is the process's one rule book (rules.load() reads it once), so the database and the region fix
    # the result: deriving both cost a tenth of every calculator run, widget changes included (issue 17).
    found = inputs.dropout_evidence(query, _book, kode_kab)
    return found, inputs.calculator_region(query, kode_kab, found)


def dropout_evidence(book: RuleBook, kode_kab: str) -> list[Evidence]:
    """The drop-out evidence, cached by database and region."""
    return _read(str(database_path()), kode_kab, book)[0]


def measured_cohorts(kode_kab: str) -> list[Comparable]:
    """The region's measured cohorts (most comparable first), to draw beside the projection."""
    return comparable(query, kode_kab)


def region(book: RuleBook, kode_kab: str) -> Region:
    """The region's kecamatan with the default drop-out rate of its evidence, cached like `dropout_evidence`."""
    return _read(str(database_path()), kode_kab, book)[1]


def presets(kode_kab: str) -> pd.DataFrame:
    """The region's programmes with a headcount: examples a user can load into the calculator."""
    programmes = query("subsidy_programmes", kode_kab=kode_kab)
    return programmes[programmes["headcount"].notna()].reset_index(drop=True)
