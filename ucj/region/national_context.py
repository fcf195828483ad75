"""A region's coverage beside the national UCJ figure and the national target it is measured against."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ucj.figures import Figure, row_provenance


def _published_percent(key: str, row: pd.Series, decimals: int = 2) -> Figure:
    return Figure(key, row["value"] / 100, "ratio", row_provenance(row), decimals)


def national_figures(rates: pd.DataFrame, targets: pd.DataFrame) -> tuple[Figure, Figure]:
    """The latest national coverage rate, and the national coverage target of the year closest to it.

    `rates` are published_coverage_rates rows and `targets` region_targets rows, both for 'ID'.
    """
    if rates.empty:
        coverage = Figure("coverage_national", None, "ratio", None)
        year = dt.date.today().year
    else:
        latest = rates.sort_values("period_start").iloc[-1]
        coverage = _published_percent("coverage_national", latest)
        year = pd.Timestamp(latest["period_start"]).year
    rows = targets[(targets["metric"] == "coverage_rate") & (targets["segment"] == "ALL") & targets["year"].notna()]
    if rows.empty:
        return coverage, Figure("target_national", None, "ratio", None)
    closest = rows.assign(_d=(rows["year"].astype(int) - year).abs()).sort_values(["_d", "year"]).iloc[0]
    return coverage, _published_percent("target_national", closest)
