import pytest

from ucj.bounds import Indeterminate, difference, flip, product, quotient


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (None, None, None),
        ("lower", None, "lower"),
        (None, "lower", "upper"),  # over more than Y: at most
        ("upper", None, "upper"),
        (None, "upper", "lower"),
        ("lower", "upper", "lower"),
        ("upper", "lower", "upper"),
    ],
)
def test_quotient(numerator, denominator, expected):
    assert quotient(numerator, denominator) == expected


@pytest.mark.parametrize(("a", "b"), [("lower", "lower"), ("upper", "upper")])
def test_a_bound_over_the_same_bound_is_indeterminate(a, b):
    with pytest.raises(Indeterminate):
        quotient(a, b)


@pytest.mark.parametrize(
    ("a", "b", "expected"), [(None, "lower", "lower"), ("upper", None, "upper"), ("lower", "lower", "lower")]
)
def test_product(a, b, expected):
    assert product(a, b) == expected


def test_difference_and_flip():
    assert difference(None, "lower") == "upper"  # 60 % − more than 36 %: less than 24 points
    assert difference("lower", None) == "lower"
    assert flip(None) is None and flip("upper") == "lower"
    with pytest.raises(Indeterminate):
        product("lower", "upper")
