"""Cohort retention curves: shares still active k months on, and the monthly drop-out they imply.

The counting is done in SQL (`retention_cohort_curves`, one pass over millions of participants);
here the rows become curves, cohorts are pooled at equal offsets, and a curve gives the calculator
its measured drop-out: a cohort keeping share s after k months lost 1 − s^(1/k) a month.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

COHORT_KINDS = ("month", "list", "agent")
SPLITS = ("none", "segment", "funding", "kecamatan")
ANCHORS = ("registration", "subsidy_end")
OFFSETS = (1, 3, 6, 12, 24)


def check_choice(cohort_by: str, split: str, anchor: str) -> None:
    """Only the allow-listed choices reach the query; after the subsidy ended exists for lists only."""
    if cohort_by not in COHORT_KINDS or split not in SPLITS or anchor not in ANCHORS:
        raise ValueError(f"pilihan kohort tidak dikenal: {cohort_by}, {split}, {anchor}")
    if anchor == "subsidy_end" and cohort_by != "list":
        raise ValueError("retensi setelah subsidi berakhir hanya untuk kohort daftar penerima")


def pooled(curves: pd.DataFrame, part: str | None = None) -> pd.DataFrame:
    """Cohorts summed at equal offsets (optionally one split part): k, observed, active, share."""
    rows = curves if part is None else curves[curves["part"] == part]
    summed = rows.groupby("k", as_index=False)[["observed", "active"]].sum()
    summed["share"] = summed["active"].where(summed["observed"] > 0) / summed["observed"].where(summed["observed"] > 0)
    return summed


@dataclass(frozen=True)
class Measured:
    """A measured drop-out: `observed` members seen `k` months on, `active` of them still paying."""

    observed: int
    active: int
    k: int

    @property
    def monthly_dropout(self) -> float:
        return 1 - (self.active / self.observed) ** (1 / self.k)


def measured(curve: pd.DataFrame, min_observed: int = 1) -> Measured | None:
    """The longest offset of a (pooled) curve that enough members have reached, with someone still active."""
    seen = curve[(curve["observed"] >= min_observed) & (curve["active"] > 0)].sort_values("k")
    if seen.empty:
        return None
    last = seen.iloc[-1]
    return Measured(int(last["observed"]), int(last["active"]), int(last["k"]))
