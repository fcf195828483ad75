"""Small counts in public files: the rule, and the map's ranking and the meeting slide that follow it."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests.test_map_coverage_metrics import FEB, JAN, _inputs, participants, workforce
from ucj.disclosure import is_small, suppress_small
from ucj.map.coverage_metrics import Selection, area_values, ranking
from ucj.map.public_export import suppress, withheld
from ucj.slides.coverage_map import lowest_table

A, B, C = "99.01.01", "99.01.02", "99.01.03"


@pytest.mark.parametrize(
    ("count", "small"), [(0, False), (1, True), (4, True), (4.0, True), (5, False), (None, False), (math.nan, False)]
)
def test_is_small(count, small):
    assert is_small(count) is small


@pytest.mark.parametrize(("counts", "shown"), [([0, 1, 4, 5, 1234], ["0", "<5", "<5", "5", "1.234"])])
def test_suppress_small(counts, shown):
    frame = pd.DataFrame({"opd": list("abcde"), "recipients": counts})
    assert suppress_small(frame, ["recipients"])["recipients"].tolist() == shown


# A: 3 active in February (2 BPU), 40 registered; B: 120 active, 4 registered; C: 1 active in January only.
P = participants(
    (A, FEB, "ALL", "active", 3, "upload"),
    (A, FEB, "BPU", "active", 2, "upload"),
    (A, FEB, "ALL", "registered", 40, "upload"),
    (B, FEB, "ALL", "active", 120, "upload"),
    (B, FEB, "BPU", "active", 60, "upload"),
    (B, FEB, "ALL", "registered", 4, "upload"),
    (C, JAN, "ALL", "active", 1, "upload"),
    (C, FEB, "ALL", "active", 50, "upload"),
    (B, JAN, "ALL", "active", 100, "upload"),
)
W = workforce((A, FEB, 900, "estimate"), (B, FEB, 5000, "estimate"), (C, FEB, 700, "estimate"))


@pytest.mark.parametrize(
    ("selection", "hidden"),
    [
        (Selection("active", FEB), {A}),
        (Selection("coverage", FEB), {A}),  # 3 ÷ 900: the workforce is public, so the rate gives 3 back
        (Selection("uncovered", FEB), {A}),
        (Selection("active", FEB, "BPU"), {A}),
        (Selection("bpu_share", FEB), {A}),  # the BPU count is the numerator
        (Selection("registered", FEB), {B}),  # the registered count, not the active one
        (Selection("change", FEB, since=JAN), {A, C}),  # C had 1 at the start of the period
        (Selection("workforce", FEB), set()),
    ],
)
def test_the_figures_a_public_file_withholds(selection, hidden):
    assert withheld(_inputs(P, W), selection) == hidden


def test_the_ranking_file_writes_withheld_figures_as_under_five_and_keeps_the_rest():
    values = area_values([A, B, C], _inputs(P, W), Selection("active", FEB))
    table = ranking(values, {A: "Kec A", B: "Kec B", C: "Kec C"})
    shown = suppress(table[["nama", "value"]], table["kode"], {A}, "value")
    assert dict(zip(shown["nama"], shown["value"])) == {"Kec A": "<5", "Kec B": 120.0, "Kec C": 50.0}
    assert table["value"].tolist() == [120.0, 50.0, 3.0]  # the table on screen is left as it was


def test_the_meeting_slide_lists_the_lowest_coverage_without_a_rate_of_few_people():
    inputs = _inputs(P, W)
    selection = Selection("coverage", FEB)
    values = area_values([A, B, C], inputs, selection)
    slide = lowest_table(values, {A: "Kec A", B: "Kec B", C: "Kec C"}, "id", withheld(inputs, selection))
    assert [row[:2] for row in slide.rows] == [("Kec A", "<5"), ("Kec B", "2,4 %"), ("Kec C", "7,1 %")]
