"""Charts of the map page: Indonesian axes, estimates drawn hollow, targets per year by scope."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from ucj.map.trend_charts import segment_trend_chart, target_chart, vega_locale


@pytest.mark.parametrize(("lang", "decimal", "thousands", "may"), [("id", ",", ".", "Mei"), ("en", ".", ",", "May")])
def test_vega_locale_from_babel(lang, decimal, thousands, may):
    locale = vega_locale(lang)

    assert (locale["number"]["decimal"], locale["number"]["thousands"]) == (decimal, thousands)
    assert locale["time"]["months"][4] == may
    assert len(locale["time"]["days"]) == 7


def test_segment_trend_marks_estimates_and_formats_tooltips():
    trend = pd.DataFrame(
        {
            "period": [dt.date(2024, 1, 1), dt.date(2024, 2, 1)],
            "segment": ["BPU", "BPU"],
            "persons": [3639, 3468],
            "kind": ["published", "estimate"],
            "source_short": ["Trimaulina dkk. (2025)"] * 2,
        }
    )

    spec = segment_trend_chart(trend, "id", "Peserta").to_dict()
    rows = next(iter(spec["datasets"].values()))

    assert [r["persons_text"] for r in rows] == ["3.639", "3.468"]
    assert [r["month_text"] for r in rows] == ["Januari 2024", "Februari 2024"]
    assert [r["estimate"] for r in rows] == [False, True]
    assert spec["config"]["locale"]["number"]["thousands"] == "."


def test_target_chart_keeps_undated_targets_out_of_the_year_axis():
    realised = pd.DataFrame({"year": [2024], "value": [0.315], "kind": ["estimate"], "source": ["x"]})
    targets = pd.DataFrame(
        {
            "year": [None, 2025.0],
            "value": [0.6, 0.5215],
            "scope": ["kabupaten", "nasional"],
            "kind": ["published"] * 2,
            "source": ["y", "z"],
        }
    )

    spec = target_chart(realised, targets, "id", "Target").to_dict()
    rows = [r for data in spec["datasets"].values() for r in data]

    assert {r.get("scope_label") for r in rows if "scope_label" in r} == {"target nasional"}
    assert {r["value_text"] for r in rows} == {"31,5 %", "52,15 %"}
