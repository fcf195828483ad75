"""What a public export may say about few people: counts of 1–4 are shown as "<5" (UU 27/2022).

One rule for every export a viewer can take (recipient summaries, retention tables, the map's ranking):
a group that small could be singled out, and a share computed from it gives the count away.
"""

from __future__ import annotations

import math

import pandas as pd

from ucj import fmt
from ucj.fmt import Lang

SMALL_COUNT = 5
SUPPRESSED = f"<{SMALL_COUNT}"


def is_small(count: float | None) -> bool:
    """1–4 people: too few to show; none and unknown are not small."""
    return count is not None and not math.isnan(count) and 0 < count < SMALL_COUNT


def suppress_small(counts: pd.DataFrame, columns: list[str], lang: Lang = "id") -> pd.DataFrame:
    """Counts of 1–4 shown as '<5', the others formatted as Indonesians write them."""
    out = counts.copy()
    for column in columns:
        out[column] = [SUPPRESSED if is_small(v) else fmt.number(v, lang) for v in counts[column]]
    return out
