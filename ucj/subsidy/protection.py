"""The value of protection: expected JKM and JKK claims over the protected worker-months, in rupiah.

The claim rates are ASSUMPTIONS the user sets (defaults in data/rules/assumptions.csv, each with
its basis), never data; the benefit amounts are rules in force each month. Expected values are
shown next to the cost, so a planner sees what the money buys, not what will happen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ucj.subsidy.rules import Rule, RuleBook


@dataclass(frozen=True)
class ClaimRates:
    """Annual rates per worker (assumptions) and the average cost of a non-fatal JKK claim (0: not counted)."""

    death_rate_annual: float
    fatal_accident_rate_annual: float
    injury_rate_annual: float
    injury_cost_rp: int

    def __post_init__(self) -> None:
        for name in ("death_rate_annual", "fatal_accident_rate_annual", "injury_rate_annual"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be between 0 and 1")
        if self.injury_cost_rp < 0:
            raise ValueError("the claim cost must not be negative")

    @classmethod
    def defaults(cls, book: RuleBook) -> ClaimRates:
        a = book.assumptions
        return cls(
            float(a["death_rate_annual"].value),
            float(a["fatal_accident_rate_annual"].value),
            float(a["injury_rate_annual"].value),
            int(a["injury_cost_rp"].value),
        )


@dataclass(frozen=True)
class Protection:
    worker_months: int  # counted: months whose benefit rules are known
    jkm_claims: float
    jkm_rp: int
    jkk_deaths: float
    jkk_death_rp: int
    injuries: float
    injury_rp: int
    rules: tuple[Rule, ...]
    uncounted_worker_months: int = 0  # months before the benefit rules in the data: left out, not guessed

    @property
    def total_rp(self) -> int:
        return self.jkm_rp + self.jkk_death_rp + self.injury_rp


def _benefits(book: RuleBook, month: dt.date, declared_income: int) -> tuple[int, int, tuple[Rule, ...]] | None:
    """JKM, and JKK death (48 × the declared income + periodic + funeral), under the rules of `month`."""
    names = (
        "benefit.jkm.total",
        "benefit.jkk_death.wage_multiple",
        "benefit.jkk_death.periodic",
        "benefit.jkk_death.funeral",
    )
    rules = [book.find(name, month) for name in names]
    if any(r is None for r in rules):
        return None
    jkm, multiple, periodic, funeral = (r.value for r in rules)
    return int(jkm), int(multiple * declared_income + periodic + funeral), tuple(rules)


def expected_claims(
    book: RuleBook, worker_months: dict[dt.date, int], declared_income: int, rates: ClaimRates
) -> Protection:
    """Expected claims over `worker_months` (month → workers protected that month); a month's rate is
    the annual rate ÷ 12."""
    counted = uncounted = 0
    jkm_n = jkm_rp = death_n = death_rp = 0.0
    used: dict[Rule, None] = {}
    for month, n in sorted(worker_months.items()):
        benefits = _benefits(book, month, declared_income)
        if benefits is None:
            uncounted += n
            continue
        jkm, death, rules = benefits
        used.update(dict.fromkeys(rules))
        counted += n
        jkm_n += n * rates.death_rate_annual / 12
        jkm_rp += n * rates.death_rate_annual / 12 * jkm
        death_n += n * rates.fatal_accident_rate_annual / 12
        death_rp += n * rates.fatal_accident_rate_annual / 12 * death
    injuries = counted * rates.injury_rate_annual / 12
    return Protection(
        worker_months=counted,
        jkm_claims=jkm_n,
        jkm_rp=round(jkm_rp),
        jkk_deaths=death_n,
        jkk_death_rp=round(death_rp),
        injuries=injuries,
        injury_rp=round(injuries * rates.injury_cost_rp),
        rules=tuple(used),
        uncounted_worker_months=uncounted,
    )
