"""What the calculator reads from the database: the region's kecamatan and the research's drop-out evidence."""

from __future__ import annotations

import pandas as pd

from ucj.retention.comparable import Comparable, comparable
from ucj.subsidy import inputs
from ucj.subsidy.headcount import Region
from ucj.subsidy.retention import Evidence
from ucj.subsidy.rules import RuleBook
from ui.db import query


def dropout_evidence(book: RuleBook, kode_kab: str) -> list[Evidence]:
    """The drop-out evidence, read through the page cache."""
    return inputs.dropout_evidence(query, book, kode_kab)


def measured_cohorts(kode_kab: str) -> list[Comparable]:
    """The region's measured cohorts (most comparable first), to draw beside the projection."""
    return comparable(query, kode_kab)


def region(kode_kab: str, found: list[Evidence]) -> Region:
    """The region as the calculator reads it, through the page cache."""
    return inputs.calculator_region(query, kode_kab, found)


def presets(kode_kab: str) -> pd.DataFrame:
    """The region's programmes with a headcount: examples a user can load into the calculator."""
    programmes = query("subsidy_programmes", kode_kab=kode_kab)
    return programmes[programmes["headcount"].notna()].reset_index(drop=True)
