"""Rank of each area by a figure: 1 for the highest, ties share a rank, missing values get none."""

from __future__ import annotations

import math
from collections.abc import Mapping


def ranks(values: Mapping[str, float | None]) -> dict[str, int]:
    """Competition ranking ('1, 2, 2, 4'), highest first; areas without a value are left out."""
    present = {k: v for k, v in values.items() if v is not None and not math.isnan(v)}
    ordered = sorted(present.values(), reverse=True)
    first = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return {k: first[v] for k, v in present.items()}
