"""The rules files load, keep their contract, and answer "which value applies on date D for F and G"."""

from __future__ import annotations

import datetime as dt
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from ucj.subsidy.rules import RULES_DIR, AmbiguousRule, Period, RuleBook, RuleError, RuleNotFound, load

D = dt.date


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load()


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A copy of data/rules to break on purpose."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder)
    return folder


def _append(folder: Path, name: str, line: str) -> None:
    with (folder / f"{name}.csv").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


@pytest.mark.parametrize(
    ("rule", "on", "funding", "group", "expected"),
    [
        ("bpu.jkk.rate", D(2015, 7, 1), "APBD", "other", Fraction(1, 100)),
        ("bpu.jkm.amount", D(2022, 1, 1), "APBD", "other", Fraction(6800)),
        ("bpu.jht.rate", D(2026, 5, 1), "SELF", "other", Fraction(2, 100)),
        # PP 50/2025, non-transport self-payers: April–December 2026, edges included
        ("bpu.jkk_jkm.discount", D(2026, 4, 1), "SELF", "other", Fraction(1, 2)),
        ("bpu.jkk_jkm.discount", D(2026, 12, 31), "SELF", "other", Fraction(1, 2)),
        # transport self-payers: January 2026 – March 2027
        ("bpu.jkk_jkm.discount", D(2026, 1, 1), "SELF", "transport", Fraction(1, 2)),
        ("bpu.jkk_jkm.discount", D(2027, 3, 31), "SELF", "transport", Fraction(1, 2)),
        ("pu.jkk.rate", D(2024, 1, 1), "*", "risk_3", Fraction(89, 10000)),
        ("pu.jkp.rate", D(2025, 2, 6), "*", "*", Fraction(46, 10000)),
        ("pu.jkp.rate", D(2025, 2, 7), "*", "*", Fraction(36, 10000)),
        ("benefit.jkm.total", D(2019, 12, 1), "*", "*", Fraction(24_000_000)),
        ("benefit.jkm.total", D(2019, 12, 2), "*", "*", Fraction(42_000_000)),
    ],
)
def test_value_in_force(book, rule, on, funding, group, expected):
    assert book.require(rule, on, funding, group).value == expected


@pytest.mark.parametrize(
    ("on", "funding", "group"),
    [
        (D(2026, 3, 31), "SELF", "other"),  # a day before the non-transport period
        (D(2027, 1, 1), "SELF", "other"),  # a day after it
        (D(2025, 12, 31), "SELF", "transport"),
        (D(2027, 4, 1), "SELF", "transport"),
        (D(2026, 6, 1), "APBD", "other"),  # PP 50/2025 excludes what is paid through the APBD
        (D(2026, 6, 1), "APBN", "transport"),  # … or the APBN
        (D(2026, 6, 1), "POKIR", "other"),  # pokir is APBD money (Wibowo 2024)
    ],
)
def test_no_discount_outside_its_months_or_for_public_money(book, on, funding, group):
    assert book.discount(on, funding, group) is None
    assert book.discount(on, funding, group, open_applies=True) is None


@pytest.mark.parametrize(("funding", "group"), [("SELF", "other"), ("CSR", "other"), ("CSR", "transport")])
def test_discount_reaches_every_payer_the_regulation_does_not_exclude(book, funding, group):
    """By PP 50/2025's words only APBN/APBD payments are excluded, so CSR money gets the discount too."""
    assert book.discount(D(2026, 6, 1), funding, group).value == Fraction(1, 2)


@pytest.mark.parametrize("funding", ["APBDes", "DBHCHT"])
def test_discount_left_open_where_the_sources_do_not_settle_it(book, funding):
    """APBDes and DBHCHT: neither named by the exclusion nor shown to be outside it: priced both ways."""
    on = D(2026, 6, 1)
    assert book.discount(on, funding, "other") is None
    assert book.discount(on, funding, "other", open_applies=True).value == Fraction(1, 2)
    assert funding in book.open_discount_sources()


def test_discount_rows_quote_the_regulation(book):
    for row in (r for r in book.rules if r.rule == "bpu.jkk_jkm.discount"):
        assert "'Besaran penyesuaian Iuran JKK dan JKM bagi Peserta Bukan Penerima Upah ditetapkan sebesar 50%" in (
            row.citation.note
        )


def test_a_funding_source_without_a_discount_scope_is_refused(rules_copy):
    path = rules_copy / "funding_sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",applies,", ",maybe,", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="pp50_discount"):
        load(rules_copy)


@pytest.mark.parametrize(
    ("on", "cap"),
    [
        (D(2023, 3, 1), 9_559_600),
        (D(2024, 2, 29), 9_559_600),
        (D(2024, 3, 1), 10_042_300),
        (D(2025, 2, 28), 10_042_300),
        (D(2025, 3, 1), 10_547_400),
        (D(2026, 6, 1), 10_547_400),
    ],
)
def test_jp_wage_cap_is_indexed_by_year(book, on, cap):
    assert book.require("pu.jp.wage_cap", on).value == cap


def test_jp_wage_cap_rows_have_start_and_end_dates(book):
    caps = sorted((r for r in book.rules if r.rule == "pu.jp.wage_cap"), key=lambda r: r.period.start)
    assert [r.period.end for r in caps[:-1]] == [D(2024, 2, 29), D(2025, 2, 28)]
    assert all(r.period.start == D(2023, 3, 1) or r.period.start.month == 3 for r in caps)


@pytest.mark.parametrize(
    ("risk", "after"),
    [("risk_1", "0.001"), ("risk_2", "0.004"), ("risk_3", "0.0075"), ("risk_4", "0.0113"), ("risk_5", "0.016")],
)
def test_pu_jkk_rates_check_against_pp_49_2023(book, risk, after):
    """PP 49/2023 Pasal 16A: 0,14 % of every class's JKK goes to JKP for JKP participants."""
    on = D(2024, 1, 1)
    full = book.require("pu.jkk.rate", on, group=risk)
    kept = book.require("pu.jkk.rate_after_jkp", on, group=risk)
    assert kept.value == Fraction(after)
    assert full.value - kept.value == Fraction(14, 10000)
    assert "PP 49/2023" in full.citation.regulation


def test_pu_jkm_rate_checks_against_pp_49_2023(book):
    on = D(2024, 1, 1)
    assert book.require("pu.jkm.rate", on).value - book.require("pu.jkm.rate_after_jkp", on).value == Fraction(1, 1000)


def test_a_recomposition_that_differs_by_risk_class_is_refused(rules_copy):
    path = rules_copy / "pu_contributions.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("rate_after_jkp,risk_5,*,0.0160", "rate_after_jkp,risk_5,*,0.0150"),
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="JKP"):
        load(rules_copy)


def test_missing_rule_is_an_error_not_a_guess(book):
    with pytest.raises(RuleNotFound):
        book.require("bpu.jkm.amount", D(2015, 6, 30))
    with pytest.raises(RuleNotFound):
        book.require("benefit.jkk_death.funeral", D(2019, 1, 1))


@pytest.mark.parametrize(("income", "jkk"), [(1_000_000, 10_000), (20_700_000, 207_000)])
def test_cited_brackets(book, income, jkk):
    assert book.bracket(income, D(2024, 1, 1)).jkk_rp == jkk


@pytest.mark.parametrize("income", [999_999, 1_000_001, 5_000_000, 20_699_999, 20_700_001])
def test_income_no_cited_bracket_covers_is_refused(book, income):
    """The table's middle brackets are not in our sources: no income is put in a bracket by guesswork."""
    with pytest.raises(RuleNotFound):
        book.bracket(income, D(2024, 1, 1))


def test_every_row_cites_a_regulation_and_secondary_figures_say_so(book):
    for row in (*book.rules, *book.brackets):
        assert row.citation.regulation and row.citation.source
    assert "sumber sekunder" in book.require("bpu.jkm.amount", D(2024, 1, 1)).citation.text("id")


def _brackets_with_ranges(folder: Path, ranges: list[tuple[int, int, int]]) -> None:
    header = (folder / "bpu_jkk_brackets.csv").read_text(encoding="utf-8").splitlines()[0]
    lines = [
        f"{declared},{declared // 100},{lo},{hi},2015-07-01,,PP 44/2015 Lampiran II,test,false,test"
        for declared, lo, hi in ranges
    ]
    (folder / "bpu_jkk_brackets.csv").write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("income", "declared"),
    [
        (1_000_000, 1_000_000),
        (1_499_999, 1_000_000),
        (1_500_000, 1_500_000),  # lower edge belongs to the upper bracket
        (1_999_999, 1_500_000),
        (2_000_000, 2_000_000),
    ],
)
def test_bracket_edges_when_ranges_are_known(rules_copy, income, declared):
    """Once the regulation's ranges are in the file, an income falls in exactly one bracket."""
    _brackets_with_ranges(
        rules_copy,
        [(1_000_000, 1_000_000, 1_499_999), (1_500_000, 1_500_000, 1_999_999), (2_000_000, 2_000_000, 2_499_999)],
    )
    assert load(rules_copy).bracket(income, D(2024, 1, 1)).declared_income_rp == declared


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        (
            "bpu_contributions",
            "bpu.jkm.amount,*,*,7000,rupiah_per_month,2020-01-01,,PP x,y,false,overlap",
            "in force twice",
        ),
        ("bpu_contributions", "bpu.jkm.amount,*,*,7000,rupiah_per_fortnight,2030-01-01,,PP x,y,false,", "unit"),
        (
            "bpu_contributions",
            "bpu.jkm.amount,*,ARISAN,7000,rupiah_per_month,2030-01-01,,PP x,y,false,",
            "funding source",
        ),
        ("bpu_contributions", "bpu.jkm.amount,*,*,7000,rupiah_per_month,2030-02-30,,PP x,y,false,", "invalid date"),
        (
            "bpu_contributions",
            "bpu.jkm.amount,*,*,7000,rupiah_per_month,2030-01-01,2029-01-01,PP x,y,false,",
            "before",
        ),
        ("bpu_contributions", "bpu.jkm.amount,*,*,7000,rupiah_per_month,2030-01-01,,,y,false,", "regulation"),
        ("bpu_contributions", "bpu.jkm.amount,*,*,tujuh,rupiah_per_month,2030-01-01,,PP x,y,false,", "invalid number"),
        ("bpu_jkk_brackets", "2000000,25000,,,2015-07-01,,PP 44/2015,y,false,", "bpu.jkk.rate"),
        ("bpu_jkk_brackets", "1000000,10000,,,2020-01-01,,PP 44/2015,y,false,", "overlap"),
        ("funding_sources", "ARISAN,Arisan,Rotating savings,village,true,applies,x", "restriction"),
        ("target_groups", "sopir,Sopir,Drivers,sea,", "worker_group"),
        ("assumptions", "death_rate_annual,0.01,ratio_per_year,", "basis"),
    ],
)
def test_broken_files_are_refused(rules_copy, name, line, message):
    _append(rules_copy, name, line)
    with pytest.raises(RuleError, match=message):
        load(rules_copy)


def test_consecutive_periods_are_not_an_overlap(rules_copy):
    _append(rules_copy, "benefits", "benefit.jkm.total,*,*,50000000,rupiah,2031-01-01,,PP z,test,false,")
    # The open-ended row must end first: close it the day before.
    text = (rules_copy / "benefits.csv").read_text(encoding="utf-8")
    text = text.replace("42000000,rupiah,2019-12-02,,", "42000000,rupiah,2019-12-02,2030-12-31,")
    (rules_copy / "benefits.csv").write_text(text, encoding="utf-8")
    book = load(rules_copy)
    assert book.require("benefit.jkm.total", D(2030, 12, 31)).value == 42_000_000
    assert book.require("benefit.jkm.total", D(2031, 1, 1)).value == 50_000_000


def test_equally_specific_rows_are_ambiguous(rules_copy):
    # One row specific in group, the other in funding source: both fit (SELF, transport) equally.
    _append(
        rules_copy,
        "bpu_contributions",
        "bpu.jkk_jkm.discount,transport,*,0.25,ratio_off,2028-02-01,2028-02-29,PP x,y,false,",
    )
    _append(
        rules_copy, "bpu_contributions", "bpu.jkk_jkm.discount,*,SELF,0.3,ratio_off,2028-02-01,2028-02-29,PP x,y,false,"
    )
    book = load(rules_copy)
    with pytest.raises(AmbiguousRule):
        book.find("bpu.jkk_jkm.discount", D(2028, 2, 1), "SELF", "transport")
    assert book.require("bpu.jkk_jkm.discount", D(2028, 2, 1), "APBD", "transport").value == Fraction(1, 4)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Period(D(2026, 1, 1), D(2026, 3, 31)), Period(D(2026, 4, 1), None), False),
        (Period(D(2026, 1, 1), D(2026, 4, 1)), Period(D(2026, 4, 1), None), True),
        (Period(D(2026, 1, 1), None), Period(D(2030, 1, 1), D(2030, 2, 1)), True),
        (Period(D(2027, 1, 1), D(2027, 2, 1)), Period(D(2026, 1, 1), D(2026, 12, 31)), False),
    ],
)
def test_period_overlap(a, b, overlap):
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap
