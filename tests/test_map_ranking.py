"""Ranks: highest first, ties share a rank, missing values are not ranked."""

from __future__ import annotations

import math

import pytest

from ucj.map.ranking import ranks


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, {}),
        ({"a": 1.0}, {"a": 1}),
        ({"a": 1.0, "b": 3.0, "c": 2.0}, {"b": 1, "c": 2, "a": 3}),
        ({"a": 2.0, "b": 2.0, "c": 1.0}, {"a": 1, "b": 1, "c": 3}),
        ({"a": None, "b": math.nan, "c": 0.0}, {"c": 1}),
    ],
)
def test_ranks(values, expected):
    assert ranks(values) == expected
