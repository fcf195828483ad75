"""Everything a scenario produces, computed in one place so the screen, the comparison, the shared link
and the exports all show the same figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from ucj.subsidy.allocation import Allocation, Area, allocate
from ucj.subsidy.calendar import add_months
from ucj.subsidy.cost import Plan, cost_table, rules_used
from ucj.subsidy.headcount import Region
from ucj.subsidy.protection import ClaimRates, Protection, expected_claims
from ucj.subsidy.reach import Pot, Reach, cost_per_worker, desa_pots, reach
from ucj.subsidy.retention import SUMMED_COLUMNS, retention_for_cohorts
from ucj.subsidy.rules import Bracket, Rule, RuleBook
from ucj.subsidy.scenario import Scenario


@dataclass
class Results:
    scenario: Scenario
    plan: Plan
    cost: pd.DataFrame
    reach: list[Reach]
    allocation: Allocation
    areas: list[Area]
    dropout: float | None
    retention: pd.DataFrame
    claim_rates: ClaimRates
    protection: Protection
    rules: list[Rule | Bracket] = field(default_factory=list)
    # Where the sources leave PP 50/2025's discount open for a line's funding source (APBDes, DBHCHT):
    # those sources, and the total if the discount does reach them; `cost` is the cost without it.
    open_funding: tuple[str, ...] = ()
    cost_if_discounted: int | None = None

    @property
    def total_cost(self) -> int:
        return int(self.cost["cost_rp"].sum())

    @property
    def worker_months(self) -> int:
        return int(self.cost["workers"].sum())


def plan_of(s: Scenario) -> Plan:
    return Plan(s.package, s.declared_income, s.start, s.months, s.lines)


def pots_of(s: Scenario, book: RuleBook, region: Region) -> list[Pot]:
    """The scenario's money as pots: dapil money (pokir) only in the dapil picked, desa money per desa
    in its own kecamatan, the rest anywhere."""
    pots = []
    for funding, amount in sorted(s.budgets.items()):
        if amount <= 0:
            continue
        if book.funding[funding].restriction == "dapil":
            if s.dapil:  # with no dapil picked the money cannot be placed anywhere
                pots.append(Pot(funding, amount, frozenset(s.dapil)))
        else:
            pots.append(Pot(funding, amount))
    desa = book.desa_source()
    unit = cost_per_worker(book, plan_of(s), desa)
    pots += desa_pots(desa, {k.kode: k.desa for k in region.kecamatan}, s.per_desa, unit)
    return pots


def areas_of(s: Scenario, region: Region) -> list[Area]:
    """Kecamatan that can receive workers: a typed number wins over the database's; unknown ones are left out."""
    areas = []
    for k in region.kecamatan:
        uncovered = s.uncovered.get(k.kode, k.uncovered)
        if uncovered is not None:
            areas.append(Area(k.kode, uncovered, k.workforce, k.active))
    return areas


def claim_rates_of(s: Scenario, book: RuleBook) -> ClaimRates:
    base = ClaimRates.defaults(book)
    c = s.claims
    return ClaimRates(
        base.death_rate_annual if c.death_rate_annual is None else c.death_rate_annual,
        base.fatal_accident_rate_annual if c.fatal_accident_rate_annual is None else c.fatal_accident_rate_annual,
        base.injury_rate_annual if c.injury_rate_annual is None else c.injury_rate_annual,
        base.injury_cost_rp if c.injury_cost_rp is None else c.injury_cost_rp,
    )


def evaluate(s: Scenario, book: RuleBook, region: Region) -> Results:
    plan = plan_of(s)
    table = cost_table(book, plan)
    open_funding = tuple(sorted({line.funding for line in plan.lines} & set(book.open_discount_sources())))
    discounted = int(cost_table(book, plan, open_discount=True)["cost_rp"].sum()) if open_funding else None
    pots = pots_of(s, book, region)
    unit_costs = [cost_per_worker(book, plan, p.funding) for p in pots]
    areas = areas_of(s, region)
    allocation = allocate(s.rule, areas, pots, unit_costs, s.months, Fraction(s.min_share_pct, 100))
    dropout = region.default_dropout if s.dropout_pct is None else s.dropout_pct / 100
    cohorts: dict[str, int] = {}
    for line in plan.lines:
        cohorts[line.target_group] = cohorts.get(line.target_group, 0) + line.workers
    after = (
        retention_for_cohorts(
            book, cohorts, add_months(plan.end, 1), dropout, s.package, s.declared_income, s.incentives
        )
        if dropout is not None
        else pd.DataFrame(columns=SUMMED_COLUMNS)
    )
    rates = claim_rates_of(s, book)
    monthly = table.groupby("month")["workers"].sum().to_dict()
    protection = expected_claims(book, monthly, s.declared_income, rates)
    return Results(
        scenario=s,
        plan=plan,
        cost=table,
        reach=reach(book, pots, plan),
        allocation=allocation,
        areas=areas,
        dropout=dropout,
        retention=after,
        claim_rates=rates,
        protection=protection,
        rules=[*rules_used(book, plan), *protection.rules],
        open_funding=open_funding,
        cost_if_discounted=discounted if discounted != int(table["cost_rp"].sum()) else None,
    )


SUMMARY_KEYS = (
    "workers",
    "months",
    "worker_months",
    "total_cost_rp",
    "cost_per_worker_month_rp",
    "budget_rp",
    "reach_workers",
    "left_rp",
    "allocated_workers",
    "active_after_12",
    "active_after_24",
    "expected_claims_rp",
)


def summary(r: Results) -> dict[str, float | int | None]:
    """The headline figures of a scenario, for the side-by-side comparison and the exports."""
    active = r.retention["active"].tolist() if not r.retention.empty else []
    return {
        "workers": r.plan.workers,
        "months": r.plan.months,
        "worker_months": r.worker_months,
        "total_cost_rp": r.total_cost,
        "cost_per_worker_month_rp": r.total_cost / r.worker_months if r.worker_months else None,
        "budget_rp": sum(p.budget_rp for p in r.allocation.pots),
        "reach_workers": sum(x.workers for x in r.reach),
        "left_rp": sum(x.left_rp for x in r.reach),
        "allocated_workers": r.allocation.total_workers,
        "active_after_12": active[11] if len(active) >= 12 else None,
        "active_after_24": active[23] if len(active) >= 24 else None,
        "expected_claims_rp": r.protection.total_rp,
    }
