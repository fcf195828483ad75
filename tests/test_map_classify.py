"""Class breaks: fixed bands with the target, data-driven classes, and the edges (no data, one area, ties)."""

from __future__ import annotations

import math

import mapclassify
import numpy as np
import pytest

from ucj import fmt
from ucj.map.classify import MISSING_COLOUR, PALETTES, Classes, by_distribution, fixed_bands, pick_colours


def percent(v: float) -> str:
    return fmt.percent(v, "id")


def number(v: float) -> str:
    return fmt.number(v, "id")


@pytest.mark.parametrize(
    ("values", "bands", "target", "breaks", "low", "high"),
    [
        ([0.05, 0.31, 0.6], (0.1, 0.2, 0.3, 0.4), 0.5215, (0.1, 0.2, 0.3, 0.4, 0.5215), 0.05, 0.6),
        ([0.05], (0.1, 0.2), None, (0.1, 0.2), 0.05, 0.05),
        ([], (0.1, 0.2), 0.15, (0.1, 0.15, 0.2), None, None),
        ([None, math.nan], (0.1, 0.2), 0.2, (0.1, 0.2), None, None),  # a target on a band adds no break
    ],
)
def test_fixed_bands_add_the_target_as_a_break(values, bands, target, breaks, low, high):
    classes = fixed_bands(values, bands, target=target)

    assert classes.breaks == breaks
    assert len(classes.colours) == len(breaks) + 1
    assert (classes.low, classes.high) == (low, high)
    assert classes.target == target


@pytest.mark.parametrize(
    ("value", "index"),
    [(0.0, 0), (0.0999, 0), (0.1, 1), (0.52, 2), (0.5215, 3), (0.9, 3), (None, None), (math.nan, None)],
)
def test_classes_are_closed_on_the_left_so_the_target_itself_counts_as_reached(value, index):
    classes = fixed_bands([], (0.1, 0.2), target=0.5215)

    assert classes.index(value) == index
    assert classes.colour(value) == (MISSING_COLOUR if index is None else classes.colours[index])


@pytest.mark.parametrize(
    ("classes", "fmt_value", "labels"),
    [
        (fixed_bands([], (0.1, 0.2)), percent, ("< 10,0 %", "10,0 % – < 20,0 %", "≥ 20,0 %")),
        (Classes((1500.0,), ("#fff", "#000")), number, ("< 1.500", "≥ 1.500")),
        (Classes((), ("#fff",), low=134249.0, high=134249.0), number, ("134.249",)),
        (Classes((), ("#fff",), low=2.0, high=3.5), number, ("2 – 4",)),
        (Classes((), ()), number, ()),
    ],
)
def test_labels_use_indonesian_number_format(classes, fmt_value, labels):
    assert classes.labels(fmt_value) == labels


@pytest.mark.parametrize(
    ("values", "k", "expected_classes"),
    [
        ([], 5, 0),  # empty data: no class, every area is "tidak ada data"
        ([None, None], 5, 0),
        ([7.0], 5, 1),  # one kecamatan
        ([3.0, 3.0, 3.0], 5, 1),  # all equal
        ([1.0, 2.0], 5, 2),  # fewer distinct values than classes
        (list(range(1, 101)), 5, 5),
    ],
)
@pytest.mark.parametrize("method", ["quantiles", "natural"])
def test_by_distribution_never_has_more_classes_than_distinct_values(values, k, expected_classes, method):
    classes = by_distribution(values, k=k, method=method)

    assert len(classes) == expected_classes
    assert all(classes.index(v) is not None for v in values if v is not None)


@pytest.mark.filterwarnings("ignore:Numba not installed")
@pytest.mark.parametrize("method", ["quantiles", "natural"])
def test_by_distribution_keeps_mapclassify_membership(method):
    rng = np.random.default_rng(7)
    values = rng.integers(100, 20_000, size=60).astype(float)
    scheme = mapclassify.Quantiles if method == "quantiles" else mapclassify.FisherJenks
    expected = scheme(values, k=5).yb

    classes = by_distribution(values.tolist(), k=5, method=method)

    assert [classes.index(v) for v in values] == list(expected)


def test_a_missing_value_is_no_data_not_the_lowest_class():
    classes = by_distribution([0.0, 10.0, None, 20.0], k=3)

    assert classes.index(0.0) == 0
    assert classes.index(None) is None
    assert classes.colour(None) == MISSING_COLOUR != classes.colour(0.0)


@pytest.mark.parametrize(
    ("palette", "n", "expected"),
    [
        ("YlGnBu", 0, ()),
        ("PuOr", 1, (PALETTES["PuOr"][4],)),  # a diverging palette's single class is its neutral middle
        ("YlGnBu", 2, (PALETTES["YlGnBu"][0], PALETTES["YlGnBu"][8])),
        ("OrRd", 9, PALETTES["OrRd"]),
    ],
)
def test_pick_colours_spreads_over_the_palette(palette, n, expected):
    assert pick_colours(palette, n) == expected


@pytest.mark.parametrize(
    ("breaks", "colours"), [((0.2, 0.1), ("#1", "#2", "#3")), ((0.1, 0.1), ("#1", "#2", "#3")), ((0.1,), ("#1",))]
)
def test_classes_refuse_unordered_breaks_or_wrong_colour_count(breaks, colours):
    with pytest.raises(ValueError):
        Classes(breaks, colours)
