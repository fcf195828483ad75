"""The map's ranking as a file anyone may take: a figure that rests on 1–4 participants is withheld.

A count of 1–4 identifies people in a small kecamatan or desa, and a share or a gap computed from
it gives the count back (the workforce beside it is public), so both are written "<5" in the file.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ucj.disclosure import SUPPRESSED, is_small
from ucj.map.coverage_metrics import Inputs, Selection, counts


def _basis(inputs: Inputs, s: Selection) -> list[dict[str, float]]:
    """The participant counts each area's figure is computed from."""
    p = inputs.participants

    def values(month: dt.date, segment: str, status: str = "active") -> dict[str, float]:
        return {kode: part.value for kode, part in counts(p, month, segment, status).items()}

    if s.metric == "workforce":
        return []
    if s.metric == "registered":
        return [values(s.month, s.segment, "registered")]
    if s.metric == "bpu_share":
        return [values(s.month, "BPU")]
    if s.metric == "change":
        return [values(s.month, s.segment), values(s.since, s.segment) if s.since else {}]
    return [values(s.month, s.segment)]


def withheld(inputs: Inputs, selection: Selection) -> set[str]:
    """The areas whose figure a public file must not show."""
    return {kode for counted in _basis(inputs, selection) for kode, n in counted.items() if is_small(n)}


def suppress(table: pd.DataFrame, codes: pd.Series, hidden: set[str], column: str) -> pd.DataFrame:
    """`table` (one row per area, in the order of `codes`) with `column` written '<5' for `hidden` areas."""
    out = table.copy()
    mask = codes.isin(hidden).to_numpy()
    out[column] = out[column].astype(object)
    out.loc[mask, column] = SUPPRESSED
    return out
