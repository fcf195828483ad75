from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ucj.apportion import largest_remainder


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (10, {"a": 1, "b": 1}, {"a": 5, "b": 5}),
        (11, {"a": 1, "b": 1}, {"a": 6, "b": 5}),  # tie goes to the earlier key
        (7, {"a": 1, "b": 2, "c": 4}, {"a": 1, "b": 2, "c": 4}),
        (100, {"a": 1, "b": 1, "c": 1}, {"a": 34, "b": 33, "c": 33}),
        (0, {"a": 3, "b": 1}, {"a": 0, "b": 0}),
        (5, {"only": 2.5}, {"only": 5}),
        (3, {"a": 0, "b": 1}, {"a": 0, "b": 3}),
        (426765, {"x": 12, "y": 10, "z": 7}, {"x": 176593, "y": 147160, "z": 103012}),
    ],
)
def test_largest_remainder_table(total, weights, expected):
    assert largest_remainder(total, weights) == expected


@pytest.mark.parametrize(
    ("total", "weights", "message"),
    [
        (-1, {"a": 1}, "negative"),
        (5, {}, "no parts"),
        (5, {"a": 0, "b": 0}, "zero"),
        (5, {"a": -1, "b": 2}, "negative"),
    ],
)
def test_largest_remainder_rejects(total, weights, message):
    with pytest.raises(ValueError, match=message):
        largest_remainder(total, weights)


@given(
    st.integers(min_value=0, max_value=10**9),
    st.dictionaries(
        st.text(min_size=1, max_size=4), st.integers(min_value=1, max_value=10**6), min_size=1, max_size=40
    ),
)
def test_parts_sum_exactly_and_stay_within_one_of_their_quota(total, weights):
    shares = largest_remainder(total, weights)
    assert sum(shares.values()) == total
    weight_sum = sum(weights.values())
    for key, share in shares.items():
        quota = Fraction(total * weights[key], weight_sum)
        assert abs(share - quota) < 1
