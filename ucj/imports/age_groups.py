"""Age groups as Disdukcapil's DKB tables write them ("0-4", "15–19", "75+", "75 ke atas", ">= 75").

The workforce rule counts the working-age population, 15 and over (BPS's definition), so a group
must lie wholly below or wholly at or above 15: "10-19" cannot be split without inventing a share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from ucj.imports.table import Cell
from ucj.imports.values import CellError, required

WORKING_AGE = 15  # BPS: penduduk usia kerja = 15 tahun ke atas
OLDEST = 150  # an age above this is a typo

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_RANGE = re.compile(rf"^(\d{{1,3}})\s*(?:[{_DASHES}]|s\.?\s*/?\s*d\.?|sampai|to)\s*(\d{{1,3}})$")
_OPEN = re.compile(r"^(\d{1,3})\s*(?:\+|ke\s*atas|lebih|and\s*over|or\s*over|and\s*older|plus)$")
_AT_LEAST = re.compile(r"^(?:>=|≥|=>)\s*(\d{1,3})$")
_ABOVE = re.compile(r"^>\s*(\d{1,3})$")
_UNDER = re.compile(r"^(?:<|kurang\s*dari|under)\s*(\d{1,3})$")
_SINGLE = re.compile(r"^(\d{1,3})$")
_NOISE = re.compile(r"\b(tahun|thn|th|years?|yrs?|umur|usia)\b\.?", re.IGNORECASE)


@dataclass(frozen=True)
class AgeGroup:
    """Ages `low` to `high` inclusive; `high` None for an open group ("75+")."""

    low: int
    high: int | None

    @property
    def working_age(self) -> bool:
        return self.low >= WORKING_AGE

    @property
    def order(self) -> tuple[int, int]:
        """Sort key: by first age, a closed group before an open one of the same start."""
        return self.low, OLDEST + 1 if self.high is None else self.high

    def overlaps(self, other: AgeGroup) -> bool:
        first, second = sorted((self, other), key=lambda g: g.order)
        return first.high is None or second.low <= first.high

    def __str__(self) -> str:
        if self.high is None:
            return f"{self.low}+"
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


def parse(text: str) -> AgeGroup | None:
    """The group a label names, or None when it is no age group we can read."""
    label = " ".join(_NOISE.sub(" ", text.casefold()).split())
    if m := _RANGE.match(label):
        low, high = int(m.group(1)), int(m.group(2))
        return AgeGroup(low, high) if low <= high <= OLDEST else None
    if m := _OPEN.match(label) or _AT_LEAST.match(label):
        return AgeGroup(int(m.group(1)), None)
    if m := _ABOVE.match(label):
        return AgeGroup(int(m.group(1)) + 1, None)
    if (m := _UNDER.match(label)) and int(m.group(1)) > 0:
        return AgeGroup(0, int(m.group(1)) - 1)
    if m := _SINGLE.match(label):
        return AgeGroup(int(m.group(1)), int(m.group(1))) if int(m.group(1)) <= OLDEST else None
    return None


def age_group(cell: Cell) -> AgeGroup:
    """A cell's age group that lies wholly on one side of 15, or CellError naming what is wrong."""
    cell = required(cell)
    text = str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell).strip()
    group = parse(text)
    if group is None:
        raise CellError("bad_age_group", value=cell)
    if group.low < WORKING_AGE and (group.high is None or group.high >= WORKING_AGE):
        raise CellError("age_group_straddles", value=cell, age=WORKING_AGE)
    return group


def first_overlap(groups: Iterable[AgeGroup]) -> tuple[AgeGroup, AgeGroup] | None:
    """Two groups of one table that share an age (the earlier-starting one first), if any."""
    ordered = sorted(groups, key=lambda g: g.order)
    for left, right in pairwise(ordered):
        if left.overlaps(right):
            return left, right
    return None


def covers_working_age(groups: Iterable[AgeGroup]) -> bool:
    """Whether the working-age groups run from 15 upwards without a gap and end open ("75+")."""
    reach = WORKING_AGE
    for group in sorted((g for g in groups if g.working_age), key=lambda g: g.order):
        if group.low != reach:
            return False
        if group.high is None:
            return True
        reach = group.high + 1
    return False
