"""After the subsidy ends: how many keep paying themselves, month by month, and what that costs.

The drop-out rate is monthly. Its default is derived from the research (see `evidence`): a decline
from `start` to `end` participants over `steps` months means a monthly drop-out of
1 − (end / start)^(1 / steps). In a month whose contribution an incentive pays, nobody lapses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ucj.subsidy.calendar import months as month_list
from ucj.subsidy.cost import contribution
from ucj.subsidy.rules import RuleBook

HORIZON = 24
INCENTIVES = ("first_free", "yearly_free")  # first self-paid month free; one free month each year
RETENTION_COLUMNS = ["month", "active", "incentive", "per_worker_rp", "self_paid_rp", "incentive_rp"]
SUMMED_COLUMNS = ["month", "active", "incentive", "self_paid_rp", "incentive_rp"]


@dataclass(frozen=True)
class Evidence:
    """One observation a drop-out rate can be derived from; `assumed_steps` when the span is not published.

    `place` names the region or desa; `agent` and `bound` ('low'/'high' of a published range) are
    set for a Perisai agent's book; `cohort` (its kind, see ucj.retention.comparable) for a cohort
    measured in the region's own participant extract, `synthetic` when that extract is a training file.
    """

    key: str
    place: str
    start: int
    end: int
    steps: int
    source: str
    assumed_steps: bool = False
    agent: str | None = None
    bound: str | None = None
    cohort: str | None = None
    synthetic: bool = False

    @property
    def monthly_dropout(self) -> float:
        if self.start <= 0 or self.steps <= 0 or not 0 <= self.end <= self.start:
            raise ValueError(f"{self.key}: a decline {self.start} → {self.end} over {self.steps} months is invalid")
        return 1 - (self.end / self.start) ** (1 / self.steps)


def _months_between(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def evidence(series: pd.DataFrame, agents: pd.DataFrame, agent_months: int) -> list[Evidence]:
    """Drop-out observations from published BPU counts and Perisai agents' books.

    `series`: published active BPU participants (kode_wilayah, nama, period, persons, source_short) —
    the first and last point of each region with two or more points give one observation.
    `agents`: label, nama, participants, paying_low, paying_high, source_short — each bound of the
    paying range gives one, over `agent_months` months because the texts do not say how long the
    books ran.
    """
    found = []
    for kode, rows in series.sort_values("period").groupby("kode_wilayah", sort=True):
        if len(rows) < 2:
            continue
        first, last = rows.iloc[0], rows.iloc[-1]
        steps = _months_between(pd.Timestamp(first["period"]).date(), pd.Timestamp(last["period"]).date())
        if steps > 0 and 0 < last["persons"] <= first["persons"]:
            found.append(
                Evidence(
                    f"series:{kode}",
                    first["nama"],
                    int(first["persons"]),
                    int(last["persons"]),
                    steps,
                    first["source_short"],
                )
            )
    for row in agents.sort_values("label").itertuples():
        for bound in ("low", "high"):
            paying = getattr(row, f"paying_{bound}")
            if pd.notna(paying) and pd.notna(row.participants):
                found.append(
                    Evidence(
                        f"agent:{row.label}:{bound}",
                        row.nama,
                        int(row.participants),
                        int(paying),
                        agent_months,
                        row.source_short,
                        assumed_steps=True,
                        agent=row.label,
                        bound=bound,
                    )
                )
    return found


def default_evidence(found: list[Evidence]) -> Evidence | None:
    """The default: a cohort measured in the region's own extract (the first found is the most
    comparable), else an observation whose time span is published (not assumed), the longest such span."""
    measured = [e for e in found if e.cohort is not None]
    if measured:
        return measured[0]
    published = [e for e in found if not e.assumed_steps]
    return max(published, key=lambda e: (e.steps, e.start)) if published else None


def is_incentive_month(t: int, incentives: tuple[str, ...]) -> bool:
    """Month t (1 = the first self-paid month) is paid by the programme under the chosen incentives."""
    unknown = set(incentives) - set(INCENTIVES)
    if unknown:
        raise ValueError(f"unknown incentives: {sorted(unknown)}")
    return ("first_free" in incentives and t == 1) or ("yearly_free" in incentives and t % 12 == 0)


def retention(
    book: RuleBook,
    cohort: int,
    first_month: dt.date,
    dropout: float,
    package: str,
    declared_income: int,
    target_group: str,
    incentives: tuple[str, ...] = (),
    incentive_funding: str = "APBD",
    horizon: int = HORIZON,
) -> pd.DataFrame:
    """One row per month after the subsidy: active workers (whole), who pays, and the rupiah.

    Workers who keep paying pay as self-payers (PP 50/2025's discount applies in its months); in an
    incentive month the programme pays at `incentive_funding`'s rate and nobody lapses.
    """
    if not 0 <= dropout <= 1:
        raise ValueError("the monthly dropout rate must be between 0 and 1")
    group = book.worker_group(target_group)
    rows = []
    lapsing_months = 0
    for t, month in enumerate(month_list(first_month, horizon), start=1):
        free = is_incentive_month(t, incentives)
        lapsing_months += not free
        # From the cohort each time (not the rounded previous month), so rounding never compounds.
        active = int(cohort * (1 - dropout) ** lapsing_months + 0.5)
        payer = incentive_funding if free else "SELF"
        each = contribution(book, month, package, declared_income, payer, group).total
        rows.append((month, active, free, each, 0 if free else active * each, active * each if free else 0))
    return pd.DataFrame(rows, columns=RETENTION_COLUMNS)


def retention_for_cohorts(
    book: RuleBook,
    cohorts: dict[str, int],
    first_month: dt.date,
    dropout: float,
    package: str,
    declared_income: int,
    incentives: tuple[str, ...] = (),
) -> pd.DataFrame:
    """`retention` summed over target groups (their PP 50/2025 months can differ)."""
    frames = [
        retention(book, n, first_month, dropout, package, declared_income, group, incentives)
        for group, n in sorted(cohorts.items())
        if n > 0
    ]
    if not frames:
        return pd.DataFrame(columns=SUMMED_COLUMNS)
    summed = (
        pd.concat(frames)
        .groupby("month", sort=True)
        .agg(
            active=("active", "sum"),
            incentive=("incentive", "max"),
            self_paid_rp=("self_paid_rp", "sum"),
            incentive_rp=("incentive_rp", "sum"),
        )
    )
    return summed.reset_index()[SUMMED_COLUMNS]
