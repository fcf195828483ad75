"""What a subsidy plan costs, by kecamatan, target group, funding source and month.

Rounding rule: each programme's contribution for one worker for one month is a whole rupiah,
computed exactly from the rule values and rounded half up once, after any discount. Every total
is a sum of those whole-rupiah amounts, so the totals add up to the rupiah.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from ucj.subsidy.calendar import months as month_list
from ucj.subsidy.rules import Bracket, Rule, RuleBook

PACKAGES: dict[str, tuple[str, ...]] = {"jkk_jkm": ("JKK", "JKM"), "jkk_jkm_jht": ("JKK", "JKM", "JHT")}
COST_COLUMNS = ["kecamatan", "target_group", "funding", "month", "workers", "per_worker_rp", "cost_rp"]


def whole_rupiah(amount: Fraction) -> int:
    """Round half up to a whole rupiah (amounts here are never negative)."""
    if amount < 0:
        raise ValueError(f"contribution must not be negative: {amount}")
    return int(amount + Fraction(1, 2))


@dataclass(frozen=True)
class Contribution:
    """One worker's contribution for one month, and the rule rows that set it."""

    month: dt.date
    jkk: int
    jkm: int
    jht: int
    bracket: Bracket
    rules: tuple[Rule, ...]

    @property
    def total(self) -> int:
        return self.jkk + self.jkm + self.jht


def contribution(
    book: RuleBook,
    month: dt.date,
    package: str,
    declared_income: int,
    funding: str,
    worker_group: str,
    open_discount: bool = False,
) -> Contribution:
    """A BPU worker's contribution in `month` under the rules in force on its first day.

    Where the sources leave PP 50/2025's discount open for the funding source, it is left out (the
    cost that holds either way) unless `open_discount` prices the other case.
    """
    if package not in PACKAGES:
        raise ValueError(f"unknown package: {package!r}")
    bracket = book.bracket(declared_income, month)
    jkk_rule = book.require("bpu.jkk.rate", month, funding, worker_group)
    jkm_rule = book.require("bpu.jkm.amount", month, funding, worker_group)
    used = [jkk_rule, jkm_rule]
    discount = book.discount(month, funding, worker_group, open_discount)
    keep = Fraction(1)
    if discount is not None:
        keep -= discount.value
        used.append(discount)
    jht = 0
    if "JHT" in PACKAGES[package]:
        jht_rule = book.require("bpu.jht.rate", month, funding, worker_group)
        jht = whole_rupiah(jht_rule.value * declared_income)
        used.append(jht_rule)
    return Contribution(
        month=month,
        jkk=whole_rupiah(bracket.jkk_rp * keep),
        jkm=whole_rupiah(jkm_rule.value * keep),
        jht=jht,
        bracket=bracket,
        rules=tuple(used),
    )


@dataclass(frozen=True)
class Line:
    """Workers of one target group in one kecamatan (None: the whole region) paid from one source."""

    kecamatan: str | None
    target_group: str
    funding: str
    workers: int


@dataclass(frozen=True)
class Plan:
    package: str
    declared_income: int
    start: dt.date
    months: int
    lines: tuple[Line, ...]

    def __post_init__(self) -> None:
        if self.months < 1:
            raise ValueError("the number of months must be at least 1")
        if any(line.workers < 0 for line in self.lines):
            raise ValueError("the number of workers must not be negative")

    @property
    def workers(self) -> int:
        return sum(line.workers for line in self.lines)

    @property
    def end(self) -> dt.date:
        """The last month of cover."""
        return month_list(self.start, self.months)[-1]


def per_worker(
    book: RuleBook, plan: Plan, funding: str, target_group: str, open_discount: bool = False
) -> list[Contribution]:
    """One worker's contribution in each month of the plan."""
    group = book.worker_group(target_group)
    return [
        contribution(book, m, plan.package, plan.declared_income, funding, group, open_discount)
        for m in month_list(plan.start, plan.months)
    ]


def cost_table(book: RuleBook, plan: Plan, open_discount: bool = False) -> pd.DataFrame:
    """One row per line and month: workers, the contribution per worker and the cost in rupiah.

    `open_discount` prices the case the sources leave open: PP 50/2025's discount on contributions
    paid from a source it may or may not reach (APBDes, DBHCHT).
    """
    rows = []
    cache: dict[tuple[str, str], list[Contribution]] = {}
    for line in plan.lines:
        key = (line.funding, book.worker_group(line.target_group))
        if key not in cache:
            cache[key] = per_worker(book, plan, line.funding, line.target_group, open_discount)
        for c in cache[key]:
            rows.append(
                (
                    line.kecamatan,
                    line.target_group,
                    line.funding,
                    c.month,
                    line.workers,
                    c.total,
                    line.workers * c.total,
                )
            )
    return pd.DataFrame(rows, columns=COST_COLUMNS).astype(
        {"workers": "int64", "per_worker_rp": "int64", "cost_rp": "int64"}
    )


def cost_by(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """Total cost and worker-months per value of `column` (kecamatan, target_group, funding or month)."""
    if column not in ("kecamatan", "target_group", "funding", "month"):
        raise ValueError(f"cannot group by {column!r}")
    grouped = table.assign(worker_months=table["workers"]).groupby(column, dropna=False, sort=True)
    return grouped[["worker_months", "cost_rp"]].sum().reset_index()


def rules_used(book: RuleBook, plan: Plan) -> list[Rule | Bracket]:
    """Every distinct rule row and bracket the plan's cost rests on, for the citation table."""
    contributions = (c for line in plan.lines for c in per_worker(book, plan, line.funding, line.target_group))
    return list(dict.fromkeys(item for c in contributions for item in (c.bracket, *c.rules)))
