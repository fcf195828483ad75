"""Contribution arithmetic against hand-computed cases: brackets, rule changes by month, funding sources
with and without PP 50/2025's discount, and the rounding rule (whole rupiah per worker per month)."""

from __future__ import annotations

import datetime as dt
import shutil
from fractions import Fraction

import pytest

from ucj.subsidy.cost import Line, Plan, contribution, cost_by, cost_table, per_worker, rules_used, whole_rupiah
from ucj.subsidy.rules import RULES_DIR, RuleNotFound, load

D = dt.date


@pytest.fixture(scope="module")
def book():
    return load()


def test_the_research_case_comes_out_exactly(book):
    """Sijunjung 2022 phase I: 1,333 workers, JKK+JKM at Rp1,000,000 for 9 months = Rp201,549,600."""
    plan = Plan("jkk_jkm", 1_000_000, D(2022, 1, 1), 9, (Line(None, "lainnya", "APBD", 1333),))
    assert cost_table(book, plan)["cost_rp"].sum() == 201_549_600


@pytest.mark.parametrize(
    ("month", "package", "income", "funding", "group", "parts"),
    [
        # basic package at the lowest bracket: Rp10.000 + Rp6.800
        (D(2022, 1, 1), "jkk_jkm", 1_000_000, "APBD", "lainnya", (10_000, 6_800, 0)),
        (D(2022, 1, 1), "jkk_jkm_jht", 1_000_000, "APBD", "lainnya", (10_000, 6_800, 20_000)),
        # PP 50/2025 halves JKK+JKM for self-payers (never JHT) ...
        (D(2026, 4, 1), "jkk_jkm", 1_000_000, "SELF", "petani", (5_000, 3_400, 0)),
        (D(2026, 4, 1), "jkk_jkm_jht", 1_000_000, "SELF", "petani", (5_000, 3_400, 20_000)),
        # ... and for CSR money (the regulation excludes only APBN/APBD payments) ...
        (D(2026, 4, 1), "jkk_jkm", 1_000_000, "CSR", "petani", (5_000, 3_400, 0)),
        # ... but not when the APBD, the APBN or pokir (APBD money) pays
        (D(2026, 4, 1), "jkk_jkm", 1_000_000, "APBD", "petani", (10_000, 6_800, 0)),
        (D(2026, 4, 1), "jkk_jkm", 1_000_000, "APBN", "ojek", (10_000, 6_800, 0)),
        (D(2026, 4, 1), "jkk_jkm", 1_000_000, "POKIR", "petani", (10_000, 6_800, 0)),
        # APBDes and DBHCHT are left open by the sources: the full cost unless the other case is asked for
        (D(2026, 4, 1), "jkk_jkm", 1_000_000, "APBDes", "petani", (10_000, 6_800, 0)),
        (D(2026, 4, 1), "jkk_jkm", 1_000_000, "DBHCHT", "ojek", (10_000, 6_800, 0)),
        # transport (ojek) self-payers from January 2026 to March 2027
        (D(2026, 1, 1), "jkk_jkm", 1_000_000, "SELF", "ojek", (5_000, 3_400, 0)),
        (D(2026, 1, 1), "jkk_jkm", 1_000_000, "SELF", "petani", (10_000, 6_800, 0)),
        (D(2027, 3, 1), "jkk_jkm", 1_000_000, "SELF", "ojek", (5_000, 3_400, 0)),
        (D(2027, 4, 1), "jkk_jkm", 1_000_000, "SELF", "ojek", (10_000, 6_800, 0)),
        (D(2026, 12, 1), "jkk_jkm", 1_000_000, "SELF", "petani", (5_000, 3_400, 0)),
        (D(2027, 1, 1), "jkk_jkm", 1_000_000, "SELF", "petani", (10_000, 6_800, 0)),
        # the highest bracket: JKK Rp207.000, JHT 2 % of Rp20.700.000
        (D(2024, 1, 1), "jkk_jkm", 20_700_000, "APBD", "lainnya", (207_000, 6_800, 0)),
        (D(2026, 6, 1), "jkk_jkm_jht", 20_700_000, "SELF", "nelayan", (103_500, 3_400, 414_000)),
        # a target group the user adds counts as non-transport
        (D(2026, 2, 1), "jkk_jkm", 1_000_000, "SELF", "penjahit", (10_000, 6_800, 0)),
    ],
)
def test_contribution_per_worker_per_month(book, month, package, income, funding, group, parts):
    c = contribution(book, month, package, income, funding, book.worker_group(group))
    assert (c.jkk, c.jkm, c.jht) == parts
    assert c.total == sum(parts)
    assert any(r.rule == "bpu.jkk_jkm.discount" for r in c.rules) is (parts[1] == 3_400)


@pytest.mark.parametrize(
    ("start", "group", "monthly"),
    [
        # across the start of the non-transport discount (April 2026)
        (D(2026, 2, 1), "petani", [16_800, 16_800, 8_400, 8_400]),
        # across its end (December 2026)
        (D(2026, 11, 1), "petani", [8_400, 8_400, 16_800, 16_800]),
        # transport: discount from January 2026, and ending after March 2027
        (D(2025, 11, 1), "ojek", [16_800, 16_800, 8_400, 8_400]),
        (D(2027, 2, 1), "ojek", [8_400, 8_400, 16_800, 16_800]),
    ],
)
def test_month_boundaries_across_a_rule_change(book, start, group, monthly):
    plan = Plan("jkk_jkm", 1_000_000, start, 4, (Line(None, group, "SELF", 10),))
    table = cost_table(book, plan)
    assert table["per_worker_rp"].tolist() == monthly
    assert table["cost_rp"].sum() == 10 * sum(monthly)


@pytest.mark.parametrize(
    ("amount", "rupiah"),
    [
        (Fraction(0), 0),
        (Fraction(1, 2), 1),
        (Fraction(3, 2), 2),
        (Fraction(5, 2), 3),
        (Fraction(680049, 200), 3400),
        (Fraction(6801, 2), 3401),
    ],
)
def test_whole_rupiah_rounds_half_up(amount, rupiah):
    assert whole_rupiah(amount) == rupiah


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError):
        whole_rupiah(Fraction(-1, 2))


def test_rounding_happens_once_after_the_discount(tmp_path):
    """An odd nominal halved is rounded up per worker per month; totals are sums of those rupiah."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder)
    with (folder / "bpu_jkk_brackets.csv").open("a", encoding="utf-8") as fh:
        fh.write("1000100,10001,,,2015-07-01,,PP 44/2015 Lampiran II,test,false,test bracket\n")
    odd = load(folder)
    c = contribution(odd, D(2026, 6, 1), "jkk_jkm", 1_000_100, "SELF", "other")
    assert (c.jkk, c.jkm) == (5_001, 3_400)  # 10.001 × 0,5 = 5.000,5 → 5.001
    plan = Plan("jkk_jkm", 1_000_100, D(2026, 6, 1), 3, (Line(None, "petani", "SELF", 7),))
    assert cost_table(odd, plan)["cost_rp"].sum() == 7 * 3 * 8_401


@pytest.mark.parametrize(("funding", "full", "discounted"), [("APBDes", 16_800, 8_400), ("DBHCHT", 16_800, 8_400)])
def test_open_funding_is_priced_both_ways(book, funding, full, discounted):
    plan = Plan("jkk_jkm", 1_000_000, D(2026, 6, 1), 1, (Line(None, "petani", funding, 1),))
    assert cost_table(book, plan)["cost_rp"].sum() == full
    assert cost_table(book, plan, open_discount=True)["cost_rp"].sum() == discounted


def test_breakdowns_add_up_to_the_total(book):
    lines = (
        Line("13.71.01", "petani", "APBD", 120),
        Line("13.71.02", "ojek", "POKIR", 35),
        Line(None, "guru_ngaji", "CSR", 9),
        Line("13.71.01", "ojek", "APBD", 4),
    )
    plan = Plan("jkk_jkm_jht", 1_000_000, D(2026, 3, 1), 6, lines)
    table = cost_table(book, plan)
    total = table["cost_rp"].sum()
    # the CSR line gets PP 50/2025's discount on JKK+JKM from April (5 of its 6 months), never on JHT
    assert total == (120 + 35 + 4) * 6 * 36_800 + 9 * (36_800 + 5 * 28_400)
    for column in ("kecamatan", "target_group", "funding", "month"):
        assert cost_by(table, column)["cost_rp"].sum() == total
    by_kec = cost_by(table, "kecamatan").set_index("kecamatan")["cost_rp"]
    assert by_kec["13.71.01"] == 124 * 6 * 36_800


def test_rules_used_name_the_discount_only_where_it_applied(book):
    plan = Plan("jkk_jkm", 1_000_000, D(2026, 3, 1), 2, (Line(None, "petani", "SELF", 1),))
    names = {getattr(r, "rule", "bracket") for r in rules_used(book, plan)}
    assert names == {"bracket", "bpu.jkk.rate", "bpu.jkm.amount", "bpu.jkk_jkm.discount"}
    public = Plan("jkk_jkm", 1_000_000, D(2026, 3, 1), 2, (Line(None, "petani", "APBD", 1),))
    assert "bpu.jkk_jkm.discount" not in {getattr(r, "rule", "") for r in rules_used(book, public)}


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda: Plan("jkk_jkm", 1_000_000, D(2026, 1, 1), 0, ()), ValueError),
        (lambda: Plan("jkk_jkm", 1_000_000, D(2026, 1, 1), 3, (Line(None, "petani", "APBD", -1),)), ValueError),
    ],
)
def test_invalid_plans_are_refused(make, error):
    with pytest.raises(error):
        make()


def test_unknown_package_and_uncited_income_are_refused(book):
    with pytest.raises(ValueError):
        contribution(book, D(2026, 1, 1), "jkk_only", 1_000_000, "APBD", "other")
    plan = Plan("jkk_jkm", 3_000_000, D(2026, 1, 1), 1, (Line(None, "petani", "APBD", 1),))
    with pytest.raises(RuleNotFound):
        per_worker(book, plan, "APBD", "petani")
