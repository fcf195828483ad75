"""Retention after the subsidy and the value of protection, against hand-computed cases."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from ucj.subsidy.protection import ClaimRates, expected_claims
from ucj.subsidy.retention import (
    Evidence,
    default_evidence,
    evidence,
    is_incentive_month,
    retention,
    retention_for_cohorts,
)
from ucj.subsidy.rules import load

D = dt.date


@pytest.fixture(scope="module")
def book():
    return load()


# Reference values computed apart from the code, with bc -l: 1 - e(l(end / start) / steps).
@pytest.mark.parametrize(
    ("start", "end", "steps", "monthly"),
    [
        (3_639, 2_784, 5, 0.0521548),  # Padang BPU, January → June 2024
        (254, 40, 33, 0.0544739),  # Dukuhdempok agent SZ, upper bound of 30–40, 33 months assumed
        (254, 30, 33, 0.0626808),
        (228, 15, 33, 0.0791549),
        (228, 10, 33, 0.0904000),
        (100, 100, 12, 0.0),
        (100, 0, 3, 1.0),
    ],
)
def test_monthly_dropout_from_a_decline(start, end, steps, monthly):
    assert Evidence("x", "x", start, end, steps, "s").monthly_dropout == pytest.approx(monthly, abs=1e-7)


def test_a_rise_is_not_a_dropout():
    with pytest.raises(ValueError):
        _ = Evidence("x", "x", 100, 120, 3, "s").monthly_dropout


def test_evidence_from_published_series_and_agents_books():
    series = pd.DataFrame(
        {
            "kode_wilayah": ["13.71", "13.71", "35.74"],
            "nama": ["Kota Padang", "Kota Padang", "Kota Probolinggo"],
            "period": pd.to_datetime(["2024-06-01", "2024-01-01", "2023-12-01"]),
            "persons": [2_784, 3_639, 10_372],
            "source_short": ["Trimaulina"] * 2 + ["Indrawati"],
        }
    )
    agents = pd.DataFrame(
        {
            "label": ["SZ", "ST"],
            "nama": ["Dukuhdempok"] * 2,
            "participants": [254, 228],
            "paying_low": [30, 10],
            "paying_high": [40, 15],
            "source_short": ["Pristanti"] * 2,
        }
    )
    found = evidence(series, agents, agent_months=33)
    assert [e.key for e in found] == ["series:13.71", "agent:ST:low", "agent:ST:high", "agent:SZ:low", "agent:SZ:high"]
    padang = found[0]
    assert (padang.start, padang.end, padang.steps, padang.assumed_steps) == (3_639, 2_784, 5, False)
    assert all(e.assumed_steps and e.steps == 33 for e in found[1:])
    # The default is the observation whose time span is published, not assumed.
    assert default_evidence(found) is padang
    assert default_evidence(found[1:]) is None


@pytest.mark.parametrize(
    ("t", "incentives", "free"),
    [
        (1, ("first_free",), True),
        (2, ("first_free",), False),
        (12, ("yearly_free",), True),
        (24, ("yearly_free",), True),
        (13, ("yearly_free",), False),
        (1, (), False),
    ],
)
def test_incentive_months(t, incentives, free):
    assert is_incentive_month(t, incentives) is free


def test_retention_by_hand_without_rule_changes(book):
    table = retention(book, 1_000, D(2027, 6, 1), 0.1, "jkk_jkm", 1_000_000, "petani", horizon=3)
    assert table["active"].tolist() == [900, 810, 729]
    assert table["self_paid_rp"].tolist() == [900 * 16_800, 810 * 16_800, 729 * 16_800]
    assert table["incentive_rp"].sum() == 0


def test_first_free_month_is_paid_at_the_apbd_rate_and_nobody_lapses(book):
    table = retention(book, 1_000, D(2027, 6, 1), 0.1, "jkk_jkm", 1_000_000, "petani", ("first_free",), horizon=3)
    assert table["active"].tolist() == [1_000, 900, 810]
    assert table["incentive_rp"].tolist() == [1_000 * 16_800, 0, 0]
    assert table["self_paid_rp"].tolist() == [0, 900 * 16_800, 810 * 16_800]


def test_self_payers_get_pp50_in_its_months(book):
    """Self-paid months March–May 2026 for farmers: full in March, halved from April."""
    table = retention(book, 100, D(2026, 3, 1), 0.0, "jkk_jkm", 1_000_000, "petani", horizon=3)
    assert table["per_worker_rp"].tolist() == [16_800, 8_400, 8_400]
    both = retention_for_cohorts(book, {"petani": 100, "ojek": 50}, D(2026, 3, 1), 0.0, "jkk_jkm", 1_000_000)
    assert both["self_paid_rp"].iloc[0] == 100 * 16_800 + 50 * 8_400  # ojek halved since January 2026


def test_retention_over_24_months_never_rises(book):
    table = retention(
        book, 1_333, D(2023, 1, 1), 0.0522, "jkk_jkm", 1_000_000, "lainnya", ("first_free", "yearly_free")
    )
    assert len(table) == 24
    assert table["active"].is_monotonic_decreasing
    assert table["active"].iloc[0] == 1_333  # first month free: nobody lapses


def test_expected_claims_by_hand(book):
    """1.200 workers for one month at 1,2 %, 0,12 % and 12 % a year: 1,2 deaths × Rp42 juta, 0,12 deaths at work
    × (48 × Rp1 juta + Rp12 juta + Rp10 juta), 12 injuries × Rp2 juta."""
    rates = ClaimRates(0.012, 0.0012, 0.12, 2_000_000)
    p = expected_claims(book, {D(2022, 1, 1): 1_200}, 1_000_000, rates)
    assert p.jkm_claims == pytest.approx(1.2)
    assert p.jkm_rp == 50_400_000
    assert p.jkk_death_rp == 8_400_000
    assert p.injury_rp == 24_000_000
    assert p.total_rp == 82_800_000


def test_months_before_the_benefit_rules_are_left_out_not_guessed(book):
    p = expected_claims(book, {D(2019, 6, 1): 100, D(2020, 1, 1): 100}, 1_000_000, ClaimRates.defaults(book))
    assert (p.worker_months, p.uncounted_worker_months) == (100, 100)


def test_claim_rates_are_bounded():
    with pytest.raises(ValueError):
        ClaimRates(1.5, 0, 0, 0)
