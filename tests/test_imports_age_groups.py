"""Age groups as DKB tables write them, read into first and last age; groups across 15 refused."""

from __future__ import annotations

import pytest

from ucj.imports.age_groups import AgeGroup, age_group, covers_working_age, first_overlap, parse
from ucj.imports.values import CellError


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("0-4", AgeGroup(0, 4)),
        ("0 - 4", AgeGroup(0, 4)),
        ("15–19", AgeGroup(15, 19)),
        ("15—19", AgeGroup(15, 19)),
        ("15 s/d 19", AgeGroup(15, 19)),
        ("15 sd 19 tahun", AgeGroup(15, 19)),
        ("20 sampai 24", AgeGroup(20, 24)),
        ("75+", AgeGroup(75, None)),
        ("75 +", AgeGroup(75, None)),
        ("75 ke atas", AgeGroup(75, None)),
        ("75 Tahun Ke Atas", AgeGroup(75, None)),
        (">= 75", AgeGroup(75, None)),
        ("≥75", AgeGroup(75, None)),
        ("> 74", AgeGroup(75, None)),
        ("75 and over", AgeGroup(75, None)),
        ("<1", AgeGroup(0, 0)),
        ("kurang dari 5", AgeGroup(0, 4)),
        ("16", AgeGroup(16, 16)),
        ("Umur 15-19", AgeGroup(15, 19)),
        ("19-15", None),  # reversed
        ("15-200", None),  # beyond any age
        ("< 0", None),
        ("Jumlah", None),
        ("15-19-24", None),
        ("", None),
        ("1.5", None),
    ],
)
def test_parse(label, expected):
    assert parse(label) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("10-19", "age_group_straddles"),
        ("0+", "age_group_straddles"),
        ("14 ke atas", "age_group_straddles"),
        ("total", "bad_age_group"),
        (None, "missing_value"),
        ("abc", "bad_age_group"),
    ],
)
def test_cells_that_are_refused(cell, code):
    with pytest.raises(CellError) as exc:
        age_group(cell)
    assert exc.value.code == code


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("10-14", AgeGroup(10, 14)), ("15-19", AgeGroup(15, 19)), (15.0, AgeGroup(15, 15)), ("75+", AgeGroup(75, None))],
)
def test_cells_on_either_side_of_15(cell, expected):
    assert age_group(cell) == expected


@pytest.mark.parametrize(
    ("labels", "overlap"),
    [
        (["0-4", "5-9", "15-19", "75+"], None),
        (["15-19", "19-24"], ("15–19", "19–24")),
        (["70+", "75+"], ("70+", "75+")),
        (["75+", "75-79"], ("75–79", "75+")),  # a closed group sorts before the open one of the same start
        (["20-29", "0-4", "25-29"], ("20–29", "25–29")),
    ],
)
def test_first_overlap(labels, overlap):
    found = first_overlap(parse(label) for label in labels)
    assert (None if found is None else tuple(str(g) for g in found)) == overlap


@pytest.mark.parametrize(
    ("labels", "covered"),
    [
        (["0-4", "15-19", "20-74", "75+"], True),
        (["15+"], True),
        (["15-19", "20-24"], False),  # no open end
        (["15-19", "25-29", "30+"], False),  # a gap
        (["20-24", "25+"], False),  # starts after 15
        (["0-4", "5-14"], False),  # nobody of working age
    ],
)
def test_covers_working_age(labels, covered):
    assert covers_working_age(parse(label) for label in labels) is covered
