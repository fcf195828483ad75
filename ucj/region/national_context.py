"""A region's coverage beside the national UCJ figure and the national target it is measured against."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ucj.figures import Figure, row_provenance


def _published_percent(key: str, row: pd.Series, decimals: int = 2) -> Figure:
    return Figure(key, row["value"] / 100, "ratio", row_provenance(row), decimals)


def national_figures(rates: pd.DataFrame, targets: pd.DataFrame) -> tuple[Figure, Figure]:
    """The latest national coverage rate, and the target it is measured against: the one its source
    states with it (Kemendagri: 35,68 % "dari target 52,15 %"), else the target of the closest year.

    `rates` are published_coverage_rates rows and `targets` region_targets rows, both for 'ID'.
    Kemendagri's target and the RPJMN's are different targets: the RPJMN's 32,15 % for 2025 never
    stands in for Kemendagri's 52,15 %.
    """
    rows = targets[(targets["metric"] == "coverage_rate") & (targets["segment"] == "ALL")]
    if rates.empty:
        coverage = Figure("coverage_national", None, "ratio", None)
        year = dt.date.today().year
    else:
        latest = rates.sort_values("period_start").iloc[-1]
        coverage = _published_percent("coverage_national", latest)
        year = pd.Timestamp(latest["period_start"]).year
        if "figure_start" in rows:
            alongside = rows[
                (rows["source_short"] == latest["source_short"])
                & (pd.to_datetime(rows["figure_start"]) == pd.Timestamp(latest["figure_start"]))
            ]
            if not alongside.empty:
                return coverage, _published_percent("target_national", alongside.iloc[0])
    rows = rows[rows["year"].notna()]
    if rows.empty:
        return coverage, Figure("target_national", None, "ratio", None)
    closest = rows.assign(_d=(rows["year"].astype(int) - year).abs()).sort_values(["_d", "year"]).iloc[0]
    return coverage, _published_percent("target_national", closest)
