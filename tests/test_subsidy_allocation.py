"""Reach and allocation: hand-computed cases, and properties that hold for any budget — never more than
the budget, never outside a funding restriction, whole workers, and the rupiah adding up exactly."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ucj.subsidy.allocation import Allocation, Area, allocate, lowest_coverage_first, optimise
from ucj.subsidy.cost import Plan
from ucj.subsidy.reach import Pot, cost_per_worker, desa_pots, reach
from ucj.subsidy.rules import load

D = dt.date
AREAS = [
    Area("A", 10, workforce=100, active=50),  # coverage 50 %
    Area("B", 20, workforce=100, active=10),  # coverage 10 %: lowest
    Area("C", 5),  # coverage unknown: last
]


@pytest.fixture(scope="module")
def book():
    return load()


@pytest.mark.parametrize(
    ("budget", "funding", "start", "months", "workers", "left"),
    [
        (500_000_000, "APBD", D(2022, 1, 1), 12, 2_480, 32_000),  # 12 × Rp16.800 = Rp201.600 a worker
        (201_600, "APBD", D(2022, 1, 1), 12, 1, 0),
        (201_599, "APBD", D(2022, 1, 1), 12, 0, 201_599),
        (0, "CSR", D(2022, 1, 1), 12, 0, 0),
        # self-paid across PP 50/2025: 3 × 16.800 + 9 × 8.400 = 126.000 a worker
        (1_260_000, "SELF", D(2026, 1, 1), 12, 10, 0),
        (1_260_000, "APBD", D(2026, 1, 1), 12, 6, 50_400),
    ],
)
def test_reach_to_the_rupiah(book, budget, funding, start, months, workers, left):
    (r,) = reach(book, [Pot(funding, budget)], Plan("jkk_jkm", 1_000_000, start, months, ()))
    assert (r.workers, r.left_rp) == (workers, left)
    assert r.spent_rp + r.left_rp == budget


def test_cost_per_worker_follows_the_rules_of_each_month(book):
    assert cost_per_worker(book, Plan("jkk_jkm", 1_000_000, D(2022, 4, 1), 9, ()), "APBD") == 9 * 16_800
    assert cost_per_worker(book, Plan("jkk_jkm_jht", 1_000_000, D(2022, 4, 1), 9, ()), "APBD") == 9 * 36_800
    # a transport self-payer in the transport months of PP 50/2025, a farmer not yet
    january = Plan("jkk_jkm", 1_000_000, D(2026, 1, 1), 3, ())
    assert cost_per_worker(book, january, "SELF", "ojek") == 3 * 8_400
    assert cost_per_worker(book, january, "SELF", "petani") == 3 * 16_800


def test_apbdes_pays_per_desa_in_its_own_kecamatan():
    pots = desa_pots("APBDes", {"13.03.03": 9, "13.03.04": 0, "13.03.05": 5}, 100, 201_600)
    assert [(p.kecamatan, p.budget_rp) for p in pots] == [
        (frozenset({"13.03.03"}), 900 * 201_600),
        (frozenset({"13.03.05"}), 500 * 201_600),
    ]
    assert desa_pots("APBDes", {"13.03.03": 9}, 0, 201_600) == []


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("lowest_coverage", {"B": 10}),  # B has the lowest coverage and takes all 10
        ("proportional", {"A": 3, "B": 6, "C": 1}),  # 10 × (10, 20, 5)/35 by largest remainder
    ],
)
def test_one_pot_by_each_rule(rule, expected):
    a = allocate(rule, AREAS, [Pot("APBD", 1_050)], [100])
    assert {k: a.workers_in(k) for k in "ABC" if a.workers_in(k)} == expected
    assert a.left(0) == 50


def test_pokir_stays_in_its_dapil_and_the_optimiser_finds_the_most_workers():
    pots = [Pot("APBD", 1_000), Pot("POKIR", 500, frozenset({"A"}))]
    for rule in ("lowest_coverage", "proportional", "optimise"):
        a = allocate(rule, AREAS, pots, [100, 100])
        assert all(k == "A" for (p, k) in a.workers if p == 1)
        assert a.total_workers == 15, rule


def test_minimum_share_that_cannot_be_met_reports_the_most_that_can():
    """A minimum of 50 % needs 5 + 10 + 3 workers but only 15 are affordable; pokir can reach only A,
    so the APBD's 10 workers must cover 20s in B and 5s in C: s = 40 %."""
    pots = [Pot("APBD", 1_000), Pot("POKIR", 500, frozenset({"A"}))]
    a = optimise(AREAS, pots, [100, 100], min_share=Fraction(1, 2))
    assert a.max_min_share == pytest.approx(0.4)
    assert a.total_workers == 15
    met = optimise(AREAS, pots, [100, 100], min_share=Fraction(2, 5))
    assert met.max_min_share is None
    assert [met.workers_in(k) for k in "ABC"] >= [4, 8, 2]


def test_coverage_before_and_after():
    a = lowest_coverage_first(AREAS, [Pot("APBD", 1_000)], [100], months=12)
    table = a.table(AREAS).set_index("kecamatan")
    assert table.loc["B", "coverage_before"] == pytest.approx(0.10)
    assert table.loc["B", "coverage_after"] == pytest.approx(0.20)
    assert table.loc["B", "worker_months"] == 120
    assert table["coverage_after"].isna().tolist() == [False, False, True]  # C: unknown stays unknown


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError):
        allocate("random", AREAS, [Pot("APBD", 100)], [100])


@st.composite
def problems(draw):
    names = [f"k{i}" for i in range(draw(st.integers(1, 7)))]
    areas = []
    for name in names:
        workforce = draw(st.one_of(st.none(), st.integers(1, 500)))
        active = None if workforce is None else draw(st.integers(0, workforce))
        areas.append(Area(name, draw(st.integers(0, 60)), workforce, active))
    pots, costs = [], []
    for _ in range(draw(st.integers(1, 4))):
        place = draw(st.one_of(st.none(), st.sets(st.sampled_from([*names, "elsewhere"]), min_size=1)))
        pots.append(Pot(draw(st.sampled_from(["APBD", "POKIR", "CSR", "APBDes"])), draw(st.integers(0, 20_000)), place))
        costs.append(draw(st.integers(1, 900)))
    return areas, pots, costs


def _check_invariants(a: Allocation, areas: list[Area]) -> None:
    for i, pot in enumerate(a.pots):
        assert 0 <= a.spent(i) <= pot.budget_rp  # never more than the budget
        assert a.spent(i) + a.left(i) == pot.budget_rp  # the rupiah add up exactly
    for (i, kecamatan), n in a.workers.items():
        assert isinstance(n, int) and n > 0
        assert a.pots[i].allows(kecamatan)  # never outside the funding restriction
    for area in areas:
        assert a.workers_in(area.kecamatan) <= area.uncovered
    assert sum(a.rupiah_in(area.kecamatan) for area in areas) == sum(a.spent(i) for i in range(len(a.pots)))


@settings(max_examples=60, deadline=None)
@given(problems())
def test_every_rule_respects_budgets_restrictions_and_adds_up(problem):
    areas, pots, costs = problem
    results = {rule: allocate(rule, areas, pots, costs) for rule in ("lowest_coverage", "proportional", "optimise")}
    for a in results.values():
        _check_invariants(a, areas)
    # The optimiser protects at least as many workers as either rule of thumb.
    assert results["optimise"].total_workers >= max(
        results["lowest_coverage"].total_workers, results["proportional"].total_workers
    )


@settings(max_examples=40, deadline=None)
@given(problems(), st.integers(0, 100))
def test_minimum_share_is_met_or_reported(problem, percent):
    areas, pots, costs = problem
    share = Fraction(percent, 100)
    a = optimise(areas, pots, costs, min_share=share)
    _check_invariants(a, areas)
    if a.max_min_share is None:
        reachable = [x for x in areas if x.uncovered and any(p.allows(x.kecamatan) for p in pots)]
        for area in reachable:
            assert a.workers_in(area.kecamatan) >= share * area.uncovered
    else:
        # An upper bound: asking for more than it can never be met.
        above = Fraction(a.max_min_share).limit_denominator(10**6) + Fraction(1, 100)
        if above <= 1:
            assert optimise(areas, pots, costs, min_share=above).max_min_share is not None
