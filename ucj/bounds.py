"""Arithmetic on bounds: what a figure computed from "more than 46.000" is.

A bound is 'lower' (the true value is above the number shown: "lebih dari 46.000"), 'upper' (below
it) or None (a point). Every quantity here is positive, so a quotient grows with its numerator and
shrinks with its denominator; when two bounds pull opposite ways the result is not bounded at all
and `Indeterminate` says so rather than show a number that claims too much.
"""

from __future__ import annotations

from typing import Literal

Bound = Literal["lower", "upper"] | None
LOWER: Bound = "lower"
UPPER: Bound = "upper"


class Indeterminate(ValueError):
    """The inputs' bounds leave the result unbounded (e.g. a lower bound over a lower bound)."""


def flip(bound: Bound) -> Bound:
    """The bound of `c − x` (or of `1 / x`) when `x` has `bound`."""
    return {LOWER: UPPER, UPPER: LOWER}.get(bound) if bound else None


def combine(a: Bound, b: Bound) -> Bound:
    """The bound of a result that grows with both inputs (a sum or a product of positive values)."""
    if a and b and a != b:
        raise Indeterminate(f"{a} dan {b}")
    return a or b


def quotient(numerator: Bound, denominator: Bound) -> Bound:
    """The bound of numerator ÷ denominator."""
    return combine(numerator, flip(denominator))


def product(a: Bound, b: Bound) -> Bound:
    """The bound of a × b (both positive)."""
    return combine(a, b)


def difference(minuend: Bound, subtrahend: Bound) -> Bound:
    """The bound of minuend − subtrahend."""
    return combine(minuend, flip(subtrahend))
