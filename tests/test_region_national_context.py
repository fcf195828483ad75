"""The national UCJ figure and the national target of the year closest to it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from ucj.region.national_context import national_figures

RATES = pd.DataFrame(
    {
        "value": [35.68],
        "period_start": [dt.date(2025, 4, 1)],
        "figure_start": [dt.date(2025, 4, 1)],
        "figure_end": [dt.date(2025, 4, 30)],
        "period_text": ["April 2025"],
        "source_short": ["Kemendagri"],
        "quote": ["35,68 persen"],
        "kind": ["published"],
    }
)


def targets(years: list[int | None]) -> pd.DataFrame:
    values = {2025: 52.15, 2029: 43.92, 2045: 99.5, None: 60.0}
    return pd.DataFrame(
        {
            "year": years,
            "value": [values[y] for y in years],
            "metric": "coverage_rate",
            "segment": "ALL",
            "kind": "published",
            "source_short": "Kemendagri",
        }
    )


@pytest.mark.parametrize(
    ("years", "expected"),
    [([2045, 2029, 2025], "52,15 %"), ([2029, 2045], "43,92 %"), ([None], "tidak ada data"), ([], "tidak ada data")],
)
def test_national_target_of_the_closest_year(years, expected):
    coverage, target = national_figures(RATES, targets(years))

    assert coverage.text("id") == "35,68 %"
    assert coverage.provenance.citation("id") == "April 2025 · Kemendagri"
    assert target.text("id") == expected


def test_no_national_rate_is_no_data():
    coverage, _ = national_figures(RATES.iloc[0:0], targets([2025]))

    assert coverage.text("id") == "tidak ada data"


def test_the_target_stated_with_the_national_figure_wins_over_the_rpjmn_one():
    """Kemendagri: 35,68 % up to April 2025 'dari target 52,15 %' (no year); the RPJMN's 32,15 % for 2025
    is another target and does not stand in for it."""
    rows = pd.DataFrame(
        {
            "year": [None, 2025, 2029],
            "value": [52.15, 32.15, 43.92],
            "metric": "coverage_rate",
            "segment": "ALL",
            "kind": "published",
            "source_short": "Kemendagri",
            "figure_start": [dt.date(2025, 4, 1), dt.date(2025, 1, 1), dt.date(2029, 1, 1)],
            "period_text": ["Hingga April 2025 (target)", "RPJMN 2025", "RPJMN 2029"],
        }
    )
    _, target = national_figures(RATES, rows)
    assert target.text("id") == "52,15 %"
    assert national_figures(RATES, rows.iloc[1:])[1].text("id") == "32,15 %"
