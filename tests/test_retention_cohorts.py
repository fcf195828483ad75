"""Cohort retention against cohorts computed by hand: the SQL on a tiny database, the pooling and the
drop-out a curve implies."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from tests.retention_support import Person, add_extract, add_list, empty_db, month
from ucj.db import run_query
from ucj.retention.cohorts import Measured, check_choice, measured, pooled

pytestmark = pytest.mark.usefixtures("personal_key")

D = dt.date


def p(h: str, registered: str, paid: str | None, **kw) -> Person:
    return Person(h, D.fromisoformat(registered), month(paid) if paid else None, **kw)


# Registrations in two months, one extract standing at 15 December 2024 (months after it are unseen).
DIFFERENT_MONTHS = {
    "extracts": [
        (
            D(2024, 12, 15),
            [
                p("a1", "2024-01-10", "2024-12"),
                p("a2", "2024-01-31", "2024-04"),
                p("a3", "2024-01-02", "2024-01"),
                p("b1", "2024-03-05", "2024-09"),
                p("b2", "2024-03-20", None),  # never paid
            ],
        )
    ],
    "cohort_by": "month",
    "anchor": "registration",
    "expected": {
        ("2024-01", "*"): {1: (2, 3), 3: (2, 3), 6: (1, 3), 12: None, 24: None},
        ("2024-03", "*"): {1: (1, 2), 3: (1, 2), 6: (1, 2), 12: None, 24: None},
    },
}
# r1 lapsed after March (the June extract says so) and paid again by December: April stays a lapse.
LAPSE_AND_RETURN = {
    "extracts": [
        (D(2024, 6, 30), [p("r1", "2024-01-15", "2024-03"), p("r2", "2024-01-03", "2024-06")]),
        (D(2024, 12, 31), [p("r1", "2024-01-15", "2024-12"), p("r2", "2024-01-03", "2024-06")]),
    ],
    "cohort_by": "month",
    "anchor": "registration",
    "expected": {("2024-01", "*"): {1: (2, 2), 3: (1, 2), 6: (1, 2), 12: None, 24: None}},
}
SUBSIDY_2023 = [
    p("s1", "2023-02-01", "2024-02"),
    p("s2", "2023-05-10", "2023-12"),  # stopped when the subsidy ended
    p("s3", "2023-01-20", "2024-12"),
    p("s4", "2023-07-01", "2024-06"),
    p("x9", "2023-03-01", "2024-12"),  # not on the list
]
# A 2023 SK: its subsidy ends in December 2023, after the members registered in different months.
AFTER_SUBSIDY = {
    "extracts": [(D(2024, 12, 20), SUBSIDY_2023)],
    "lists": [(1, "Dinas Sosial", ["s1", "s2", "s3", "s4"], 2023)],
    "cohort_by": "list",
    "anchor": "subsidy_end",
    "expected": {("SK 1 · Dinas Sosial", "*"): {1: (3, 4), 3: (2, 4), 6: (2, 4), 12: (1, 4), 24: None}},
}
LIST_FROM_REGISTRATION = AFTER_SUBSIDY | {
    "anchor": "registration",
    "expected": {("SK 1 · Dinas Sosial", "*"): {1: (4, 4), 3: (4, 4), 6: (4, 4), 12: (2, 4), 24: None}},
}
BY_FUNDING = {
    "extracts": [
        (
            D(2024, 12, 1),
            [
                p("f1", "2024-01-01", "2024-07", funding="APBD"),
                p("f2", "2024-01-09", "2024-02", funding="APBD"),
                p("f3", "2024-01-09", "2024-12", funding="MANDIRI"),
            ],
        )
    ],
    "cohort_by": "month",
    "split": "funding",
    "anchor": "registration",
    "expected": {
        ("2024-01", "APBD"): {1: (2, 2), 3: (1, 2), 6: (1, 2), 12: None, 24: None},
        ("2024-01", "MANDIRI"): {1: (1, 1), 3: (1, 1), 6: (1, 1), 12: None, 24: None},
    },
}
BY_AGENT = {
    "extracts": [
        (
            D(2024, 8, 31),
            [
                p("g1", "2023-08-01", "2024-08", agent="SZ"),
                p("g2", "2023-08-01", "2023-09", agent="SZ"),
                p("g3", "2024-01-01", "2024-02", agent="ST"),
                p("g4", "2024-01-01", "2024-08"),  # no agent: in no book
            ],
        )
    ],
    "cohort_by": "agent",
    "anchor": "registration",
    "expected": {
        ("SZ", "*"): {1: (2, 2), 3: (1, 2), 6: (1, 2), 12: (1, 2), 24: None},
        ("ST", "*"): {1: (1, 1), 3: (0, 1), 6: (0, 1), 12: None, 24: None},
    },
}


@pytest.mark.parametrize(
    "case",
    [DIFFERENT_MONTHS, LAPSE_AND_RETURN, AFTER_SUBSIDY, LIST_FROM_REGISTRATION, BY_FUNDING, BY_AGENT],
    ids=["different_months", "lapse_and_return", "after_subsidy", "list_from_registration", "by_funding", "agent"],
)
def test_shares_match_hand_computed_cohorts(case: dict) -> None:
    con = empty_db()
    for i, (day, people) in enumerate(case["extracts"], start=1):
        add_extract(con, i, people, day)
    for list_id, opd, hashes, year in case.get("lists", []):
        add_list(con, list_id, opd, hashes, year)
    curves = run_query(
        con,
        "retention_cohort_curves",
        kode_kab="13.71",
        cohort_by=case["cohort_by"],
        split=case.get("split", "none"),
        anchor=case["anchor"],
    )
    got = {(r.cohort, r.part, r.k): (r.active, r.observed, r.share) for r in curves.itertuples()}
    assert {(c, part) for c, part, _ in got} == set(case["expected"])
    for (cohort, part), by_k in case["expected"].items():
        for k, want in by_k.items():
            active, observed, share = got[(cohort, part, k)]
            if want is None:
                assert observed == 0 and math.isnan(share), (cohort, part, k)
            else:
                assert (active, observed) == want, (cohort, part, k)
                assert share == pytest.approx(want[0] / want[1])


def test_another_region_and_a_later_unrelated_extract_change_nothing() -> None:
    con = empty_db()
    add_extract(con, 1, DIFFERENT_MONTHS["extracts"][0][1], D(2024, 12, 15))
    add_extract(con, 2, [p("zz", "2024-01-01", "2024-01")], D(2025, 6, 1), kode_kab="13.03")
    curves = run_query(
        con, "retention_cohort_curves", kode_kab="13.71", cohort_by="month", split="none", anchor="registration"
    )
    assert curves.query("cohort == '2024-01' and k == 1")[["active", "observed"]].values.tolist() == [[2, 3]]


CURVES = pd.DataFrame(
    {
        "cohort": ["a", "a", "a", "b", "b", "b"],
        "part": ["BPU", "BPU", "BPU", "PU", "BPU", "BPU"],
        "k": [1, 3, 12, 1, 1, 3],
        "observed": [100, 100, 40, 10, 50, 0],
        "active": [90, 60, 10, 10, 45, 0],
    }
)


def test_pooling_sums_cohorts_at_equal_offsets() -> None:
    bpu = pooled(CURVES, "BPU").set_index("k")
    assert bpu.loc[1, "observed"] == 150 and bpu.loc[1, "active"] == 135
    assert bpu.loc[3, "observed"] == 100 and bpu.loc[3, "share"] == pytest.approx(0.6)
    assert bpu.loc[12, "share"] == pytest.approx(0.25)


@pytest.mark.parametrize(
    ("observed", "active", "k", "rate"),
    [(100, 25, 12, 1 - 0.25 ** (1 / 12)), (3639, 2784, 5, 1 - (2784 / 3639) ** (1 / 5)), (10, 10, 3, 0.0)],
)
def test_monthly_dropout_of_a_measured_cohort(observed: int, active: int, k: int, rate: float) -> None:
    assert Measured(observed, active, k).monthly_dropout == pytest.approx(rate)


@pytest.mark.parametrize(
    ("min_observed", "want"), [(1, Measured(40, 10, 12)), (50, Measured(100, 60, 3)), (1000, None)]
)
def test_measured_takes_the_longest_offset_enough_members_reached(min_observed: int, want: Measured | None) -> None:
    assert measured(pooled(CURVES, "BPU"), min_observed) == want


@pytest.mark.parametrize(
    ("cohort_by", "split", "anchor"),
    [
        ("month", "none", "subsidy_end"),
        ("agent", "segment", "subsidy_end"),
        ("kecamatan", "none", "registration"),
        ("month", "segment; drop table participant", "registration"),
    ],
)
def test_only_allow_listed_choices(cohort_by: str, split: str, anchor: str) -> None:
    with pytest.raises(ValueError):
        check_choice(cohort_by, split, anchor)
