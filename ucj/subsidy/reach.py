"""How far a budget goes: workers for a number of months per funding source, and what is left over.

Every amount is whole rupiah: a worker costs the sum of his whole-rupiah monthly contributions, a
pot funds as many whole workers as it can pay in full, and the rest is left over to the rupiah.
"""

from __future__ import annotations

from dataclasses import dataclass

from ucj.subsidy.cost import Plan, per_worker
from ucj.subsidy.rules import RuleBook


@dataclass(frozen=True)
class Pot:
    """Money from one funding source; `kecamatan` limits where it may be spent (None: anywhere)."""

    funding: str
    budget_rp: int
    kecamatan: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.budget_rp < 0:
            raise ValueError("the budget must not be negative")
        if self.kecamatan is not None and not self.kecamatan:
            raise ValueError(f"{self.funding}: the list of kecamatan where the money may be spent is empty")

    def allows(self, kecamatan: str) -> bool:
        return self.kecamatan is None or kecamatan in self.kecamatan


def cost_per_worker(book: RuleBook, plan: Plan, funding: str, target_group: str = "lainnya") -> int:
    """What one worker costs over the plan's months when `funding` pays (rules may change mid-way)."""
    return sum(c.total for c in per_worker(book, plan, funding, target_group))


@dataclass(frozen=True)
class Reach:
    funding: str
    budget_rp: int
    cost_per_worker_rp: int
    workers: int
    spent_rp: int
    left_rp: int


def reach(book: RuleBook, pots: list[Pot], plan: Plan) -> list[Reach]:
    """Per pot: whole workers fully paid for the plan's package, income and months, and the rupiah left over."""
    result = []
    for pot in pots:
        unit = cost_per_worker(book, plan, pot.funding)
        workers = pot.budget_rp // unit if unit else 0
        result.append(Reach(pot.funding, pot.budget_rp, unit, workers, workers * unit, pot.budget_rp - workers * unit))
    return result


def desa_pots(funding: str, desa_per_kecamatan: dict[str, int], workers_per_desa: int, unit_cost: int) -> list[Pot]:
    """'1 Nagari 100 orang': each desa pays for its own workers, so each kecamatan gets its own pot."""
    if workers_per_desa < 0:
        raise ValueError("the number of workers per desa must not be negative")
    return [
        Pot(funding, n * workers_per_desa * unit_cost, frozenset({kode}))
        for kode, n in sorted(desa_per_kecamatan.items())
        if n > 0 and workers_per_desa > 0
    ]
