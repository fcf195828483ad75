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
