"""The label of a figure's kind: one rule for every table, tooltip, badge and chart."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ucj.map.trend_charts import segment_trend_chart
from ucj.provenance import Provenance, kind_label


@pytest.mark.parametrize(
    ("kind", "lang", "label"),
    [
        ("published", "id", "Angka terbitan"),
        ("estimate", "id", "Perkiraan"),
        ("upload", "id", "Data unggahan"),
        ("published", "en", "Published figure"),
        ("estimate", "en", "Estimate"),
        ("upload", "en", "Uploaded data"),
    ],
)
def test_each_kind_is_named_in_both_languages(kind, lang, label):
    assert kind_label(kind, lang) == label


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA, ""])
def test_a_row_without_a_figure_says_so(missing):
    assert kind_label(missing, "id") == "tidak ada data"
    assert kind_label(missing, "en") == "no data"


def test_a_figures_line_starts_with_its_kind():
    prov = Provenance("estimate", "Trimaulina dkk. (2025)", None, method="jumlah × rasio")

    assert prov.label("id").startswith("Perkiraan · ")


def test_a_month_without_a_kind_in_a_trend_is_labelled_missing_not_with_a_key():
    """A month with no figure has no kind (NaN): the chart's own copy of the rule wrote 'kind.nan' there."""
    trend = pd.DataFrame(
        {
            "period": ["2024-01-01", "2024-02-01"],
            "segment": ["BPU", "BPU"],
            "persons": [3639, None],
            "kind": ["published", math.nan],
        }
    )

    rows = next(iter(segment_trend_chart(trend, "id", "Peserta").to_dict()["datasets"].values()))

    assert [r["kind_label"] for r in rows] == ["Angka terbitan", "tidak ada data"]
