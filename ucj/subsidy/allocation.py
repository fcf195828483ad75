"""Spread a budget over kecamatan by a chosen rule, never breaking a funding source's restriction.

Three rules: lowest coverage first; proportional to uncovered workers; and an optimisation that
maximises protected worker-months (with a minimum share per kecamatan) solved as an integer
programme by HiGHS through scipy.optimize.milp. Workers are whole; each pot pays whole workers at
its own cost per worker, so spent + left over = budget to the rupiah.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_array, hstack, vstack

from ucj.apportion import largest_remainder
from ucj.subsidy.reach import Pot

RULES = ("lowest_coverage", "proportional", "optimise")


@dataclass(frozen=True)
class Area:
    """A kecamatan: workers still to protect, and the figures behind its coverage (None: unknown)."""

    kecamatan: str
    uncovered: int
    workforce: int | None = None
    active: int | None = None

    @property
    def coverage(self) -> float | None:
        if self.workforce is None or self.active is None or self.workforce <= 0:
            return None
        return self.active / self.workforce


@dataclass
class Allocation:
    """Workers per (pot, kecamatan); `unit_costs[i]` is what one worker costs pot i."""

    rule: str
    pots: list[Pot]
    unit_costs: list[int]
    months: int = 1
    max_min_share: float | None = None  # set when the asked minimum share could not be met
    workers: dict[tuple[int, str], int] = field(default_factory=dict)
    _per_pot: dict[int, int] = field(default_factory=dict, repr=False)
    _per_area: dict[str, int] = field(default_factory=dict, repr=False)
    _rupiah_per_area: dict[str, int] = field(default_factory=dict, repr=False)

    def give(self, pot: int, kecamatan: str, n: int) -> None:
        if n <= 0:
            return
        self.workers[(pot, kecamatan)] = self.workers.get((pot, kecamatan), 0) + n
        self._per_pot[pot] = self._per_pot.get(pot, 0) + n
        self._per_area[kecamatan] = self._per_area.get(kecamatan, 0) + n
        self._rupiah_per_area[kecamatan] = self._rupiah_per_area.get(kecamatan, 0) + n * self.unit_costs[pot]

    def workers_of(self, pot: int) -> int:
        return self._per_pot.get(pot, 0)

    def spent(self, pot: int) -> int:
        return self.workers_of(pot) * self.unit_costs[pot]

    def left(self, pot: int) -> int:
        return self.pots[pot].budget_rp - self.spent(pot)

    def workers_in(self, kecamatan: str) -> int:
        return self._per_area.get(kecamatan, 0)

    def rupiah_in(self, kecamatan: str) -> int:
        return self._rupiah_per_area.get(kecamatan, 0)

    @property
    def total_workers(self) -> int:
        return sum(self._per_pot.values())

    def table(self, areas: list[Area]) -> pd.DataFrame:
        """Per kecamatan: workers, worker-months, rupiah, and coverage before and after (None: unknown)."""
        rows = []
        for a in areas:
            n = self.workers_in(a.kecamatan)
            after = None if a.coverage is None else (a.active + n) / a.workforce
            rows.append((a.kecamatan, a.uncovered, n, n * self.months, self.rupiah_in(a.kecamatan), a.coverage, after))
        columns = ["kecamatan", "uncovered", "workers", "worker_months", "cost_rp", "coverage_before", "coverage_after"]
        return pd.DataFrame(rows, columns=columns)

    def pot_table(self) -> pd.DataFrame:
        """Per pot: budget, workers, spent and left over; spent + left = budget exactly."""
        rows = [
            (p.funding, p.budget_rp, self.unit_costs[i], self.workers_of(i), self.spent(i), self.left(i))
            for i, p in enumerate(self.pots)
        ]
        return pd.DataFrame(
            rows, columns=["funding", "budget_rp", "cost_per_worker_rp", "workers", "spent_rp", "left_rp"]
        )


def _narrow_first(pots: list[Pot]) -> list[int]:
    """Pot indices, restricted money first (it cannot go elsewhere), the narrowest restriction first."""
    return sorted(range(len(pots)), key=lambda i: (pots[i].kecamatan is None, len(pots[i].kecamatan or ()), i))


def _pots_by_area(areas: list[Area], pots: list[Pot]) -> dict[str, list[int]]:
    """For each kecamatan the pots that may pay there, in `_narrow_first` order."""
    usable: dict[str, list[int]] = {a.kecamatan: [] for a in areas}
    for i in _narrow_first(pots):
        for k in usable if pots[i].kecamatan is None else pots[i].kecamatan & usable.keys():
            usable[k].append(i)
    return usable


def _check(areas: list[Area], pots: list[Pot], unit_costs: list[int]) -> None:
    if len(pots) != len(unit_costs):
        raise ValueError("every funding pot needs a cost per worker")
    if any(c <= 0 for c in unit_costs):
        raise ValueError("the cost per worker must be more than 0")
    if any(a.uncovered < 0 for a in areas):
        raise ValueError("the number of unprotected workers must not be negative")
    if len({a.kecamatan for a in areas}) != len(areas):
        raise ValueError("a kecamatan appears twice in the list")


def lowest_coverage_first(areas: list[Area], pots: list[Pot], unit_costs: list[int], months: int = 1) -> Allocation:
    """Fill kecamatan in order of coverage (unknown coverage last, most uncovered first among equals)."""
    _check(areas, pots, unit_costs)
    result = Allocation("lowest_coverage", pots, unit_costs, months=months)
    order = sorted(areas, key=lambda a: (a.coverage is None, a.coverage or 0.0, -a.uncovered, a.kecamatan))
    left = [p.budget_rp for p in pots]
    usable = _pots_by_area(areas, pots)
    for area in order:
        need = area.uncovered
        for i in usable[area.kecamatan]:
            n = min(need, left[i] // unit_costs[i])
            result.give(i, area.kecamatan, n)
            left[i] -= n * unit_costs[i]
            need -= n
    return result


def proportional(areas: list[Area], pots: list[Pot], unit_costs: list[int], months: int = 1) -> Allocation:
    """Each pot in turn spread over its kecamatan in proportion to the workers still uncovered there."""
    _check(areas, pots, unit_costs)
    result = Allocation("proportional", pots, unit_costs, months=months)
    need = {a.kecamatan: a.uncovered for a in areas}
    for i in _narrow_first(pots):
        places = need.keys() if pots[i].kecamatan is None else pots[i].kecamatan & need.keys()
        weights = {k: need[k] for k in places if need[k] > 0}
        if not weights:
            continue
        affordable = min(pots[i].budget_rp // unit_costs[i], sum(weights.values()))
        # Quotas never exceed a kecamatan's need because `affordable` never exceeds the total need.
        for k, n in largest_remainder(affordable, weights).items():
            result.give(i, k, n)
            need[k] -= n
    return result


def _variables(areas: list[Area], pots: list[Pot]) -> list[tuple[int, int]]:
    """(pot index, area index) for every place a pot may pay for workers."""
    index = {a.kecamatan: j for j, a in enumerate(areas) if a.uncovered > 0}
    pairs = []
    for i, p in enumerate(pots):
        places = index.values() if p.kecamatan is None else (index[k] for k in p.kecamatan if k in index)
        pairs.extend((i, j) for j in sorted(places))
    return pairs


def _constraints(areas: list[Area], pots: list[Pot], unit_costs: list[int], pairs: list[tuple[int, int]]):
    cols = np.arange(len(pairs))
    pot_idx = np.array([i for i, _ in pairs], dtype=np.int64)
    area_idx = np.array([j for _, j in pairs], dtype=np.int64)
    budget = csr_array(
        (np.array([unit_costs[i] for i in pot_idx], dtype=float), (pot_idx, cols)), (len(pots), len(pairs))
    )
    per_area = csr_array((np.ones(len(pairs)), (area_idx, cols)), (len(areas), len(pairs)))
    return budget, per_area


def _floors(areas: list[Area], reachable: set[int], share: Fraction) -> np.ndarray:
    return np.array([math.ceil(share * a.uncovered) if j in reachable else 0 for j, a in enumerate(areas)], dtype=float)


def _max_uniform_share(areas: list[Area], pots: list[Pot], unit_costs: list[int], pairs) -> float:
    """An upper bound on the share s every reachable kecamatan can get of its uncovered workers.

    Solved as an LP (workers may be fractions): the budget cannot guarantee more than this, and in
    whole workers it may guarantee a little less.
    """
    budget, per_area = _constraints(areas, pots, unit_costs, pairs)
    reachable = sorted({j for _, j in pairs})
    uncovered = csr_array(np.array([[areas[j].uncovered] for j in reachable], dtype=float))
    # Variables: the workers of each pair, then s. Maximise s subject to s·U_k − Σ y_k ≤ 0 and the budgets.
    a_ub = vstack([hstack([-per_area[reachable], uncovered]), hstack([budget, csr_array((len(pots), 1))])])
    b_ub = np.concatenate([np.zeros(len(reachable)), [p.budget_rp for p in pots]])
    c = np.zeros(len(pairs) + 1)
    c[-1] = -1
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=[(0, None)] * len(pairs) + [(0, 1)], method="highs")
    return float(res.x[-1]) if res.success else 0.0


def optimise(
    areas: list[Area], pots: list[Pot], unit_costs: list[int], months: int = 1, min_share: Fraction = Fraction(0)
) -> Allocation:
    """Maximise protected worker-months; each reachable kecamatan gets at least `min_share` of its uncovered.

    When the minimum share cannot be met, the allocation is solved without it and `max_min_share`
    says the most the budget could guarantee everywhere (an upper bound, see `_max_uniform_share`).
    """
    _check(areas, pots, unit_costs)
    if not 0 <= min_share <= 1:
        raise ValueError("the minimum share must be between 0 and 1")
    result = Allocation("optimise", pots, unit_costs, months=months)
    pairs = _variables(areas, pots)
    if not pairs:
        return result
    budget, per_area = _constraints(areas, pots, unit_costs, pairs)
    caps = np.array([a.uncovered for a in areas], dtype=float)
    floors = _floors(areas, {j for _, j in pairs}, min_share)
    # Cheap first: if the floors cost more than all the money at the cheapest rate, skip the failing solve.
    short = floors.sum() * min(unit_costs) > sum(p.budget_rp for p in pots)
    solution = None if short else _solve(budget, per_area, pots, caps, floors, months, len(pairs))
    if solution is None:
        result.max_min_share = _max_uniform_share(areas, pots, unit_costs, pairs)
        solution = _solve(budget, per_area, pots, caps, np.zeros(len(areas)), months, len(pairs))
    for (i, j), n in zip(pairs, solution):
        result.give(i, areas[j].kecamatan, n)
    _verify(result, areas)
    return result


def _solve(budget, per_area, pots, caps, floors, months, n) -> list[int] | None:
    res = milp(
        c=np.full(n, -float(months)),
        integrality=np.ones(n),
        bounds=Bounds(0, np.inf),
        constraints=[
            LinearConstraint(budget, -np.inf, np.array([p.budget_rp for p in pots], dtype=float)),
            LinearConstraint(per_area, floors, caps),
        ],
        options={"mip_rel_gap": 1e-9},
    )
    if res.status != 0:
        return None
    return [int(v) for v in np.rint(res.x)]


def _verify(result: Allocation, areas: list[Area]) -> None:
    """The solver works in floating point: check the whole-number answer against every restriction."""
    for i, pot in enumerate(result.pots):
        if result.left(i) < 0:
            raise ArithmeticError(f"the allocation exceeds the budget of {pot.funding}")
    for (i, k), _ in result.workers.items():
        if not result.pots[i].allows(k):
            raise ArithmeticError(f"{result.pots[i].funding} is spent outside its area ({k})")
    for a in areas:
        if result.workers_in(a.kecamatan) > a.uncovered:
            raise ArithmeticError(f"{a.kecamatan} gets more than its unprotected workers")


def allocate(
    rule: str,
    areas: list[Area],
    pots: list[Pot],
    unit_costs: list[int],
    months: int = 1,
    min_share: Fraction = Fraction(0),
) -> Allocation:
    """Dispatch by the rule's name (an allow-list: the name comes from the UI)."""
    if rule == "lowest_coverage":
        result = lowest_coverage_first(areas, pots, unit_costs, months)
    elif rule == "proportional":
        result = proportional(areas, pots, unit_costs, months)
    elif rule == "optimise":
        return optimise(areas, pots, unit_costs, months, min_share)
    else:
        raise ValueError(f"unknown allocation rule: {rule!r}")
    _verify(result, areas)
    return result
