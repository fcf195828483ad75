"""Coverage figures per area: which figure wins, workforce closest in time, targets, and each metric."""

from __future__ import annotations

import datetime as dt
import math
from functools import cache

import duckdb
import pandas as pd
import pytest

from ucj import fmt, schema
from ucj.map.choropleth import value_text
from ucj.map.coverage_metrics import (
    METRICS,
    Inputs,
    Selection,
    area_values,
    as_mappings,
    bounds_of,
    coverage_by_year,
    default_month,
    first_with_data,
    latest_counts,
    months,
    preferred,
    ranking,
    target_for,
    target_rates_by_year,
    workforce_near,
)

JAN, FEB, JUN = dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 6, 1)
A, B, C = "99.01.01", "99.01.02", "99.01.03"


@cache
def _precedence() -> dict[str, int]:
    """The schema's `kind_precedence`, as the map queries return it beside each row's kind."""
    con = duckdb.connect()
    for text in schema.statements():
        con.execute(text)
    return dict(con.execute("select kind, precedence from kind_precedence").fetchall())


def _as_queried(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(precedence=frame["kind"].map(_precedence()), method=None)


def participants(*rows: tuple) -> pd.DataFrame:
    """(kode, period, segment, status, persons, kind)"""
    frame = pd.DataFrame(rows, columns=["kode", "period", "segment", "status", "persons", "kind"])
    return _as_queried(frame).assign(source_short=frame["kind"].map(lambda k: f"sumber {k}"))


def workforce(*rows: tuple) -> pd.DataFrame:
    """(kode, period, persons, kind)"""
    frame = pd.DataFrame(rows, columns=["kode", "period", "persons", "kind"])
    return _as_queried(frame).assign(source_short=frame["kind"].map(lambda k: f"tk {k}"))


def targets(*rows: tuple) -> pd.DataFrame:
    """(kode, year, ratio, kind)"""
    frame = pd.DataFrame(rows, columns=["kode", "year", "ratio", "kind"])
    return _as_queried(frame).assign(level="x", source_short=frame["kode"].map(lambda k: f"target {k}"))


NO_TARGETS = targets()


@pytest.mark.parametrize(
    ("kinds", "winner"),
    [
        (["estimate", "published", "upload"], "upload"),
        (["estimate", "published"], "published"),
        (["published", "estimate"], "published"),
        (["estimate"], "estimate"),
        (["upload", "estimate"], "upload"),
    ],
)
def test_upload_wins_over_published_over_estimate(kinds, winner):
    rows = participants(*[(A, JAN, "ALL", "active", 100 + i, k) for i, k in enumerate(kinds)])

    best = preferred(rows, ["kode", "period", "segment", "status"])

    assert best["kind"].tolist() == [winner]


def test_precedence_is_per_area_period_segment_and_status():
    rows = participants(
        (A, JAN, "ALL", "active", 1, "estimate"),
        (A, FEB, "ALL", "active", 2, "upload"),
        (A, JAN, "BPU", "active", 3, "published"),
        (A, JAN, "ALL", "registered", 4, "estimate"),
    )

    assert len(preferred(rows, ["kode", "period", "segment", "status"])) == 4


@pytest.mark.parametrize(
    ("rows", "month", "expected"),
    [
        ([(A, dt.date(2023, 8, 1), 400, "estimate"), (A, dt.date(2025, 1, 1), 500, "estimate")], JAN, 400),
        ([(A, dt.date(2023, 8, 1), 400, "estimate"), (A, dt.date(2025, 1, 1), 500, "estimate")], JUN, 500),
        # the same period: the upload wins; a nearer estimate still beats a farther upload
        ([(A, JAN, 400, "estimate"), (A, JAN, 450, "upload")], JAN, 450),
        ([(A, JAN, 400, "estimate"), (A, dt.date(2025, 1, 1), 450, "upload")], FEB, 400),
        ([(A, dt.date(2022, 1, 1), 300, "published")], JUN, 300),
    ],
)
def test_workforce_is_the_figure_closest_in_time(rows, month, expected):
    assert workforce_near(workforce(*rows), month)[A].value == expected


@pytest.mark.parametrize(
    ("rows", "year", "expected"),
    [
        (
            [(A, 2024, 0.4, "upload"), ("99.01", 2024, 0.6, "published"), ("ID", 2025, 0.5215, "published")],
            2024,
            (0.4, "kecamatan"),
        ),
        ([("99.01", None, 0.6, "published"), ("ID", 2025, 0.5215, "published")], 2024, (0.6, "kabupaten")),
        (
            [("ID", 2025, 0.5215, "published"), ("ID", 2029, 0.4392, "published"), ("ID", 2045, 0.995, "published")],
            2024,
            (0.5215, "nasional"),
        ),
        ([("ID", 2025, 0.5215, "published"), ("ID", 2029, 0.4392, "published")], 2027, (0.5215, "nasional")),
        ([("ID", 2025, 0.5215, "published"), ("ID", 2029, 0.4392, "published")], 2028, (0.4392, "nasional")),
        ([("99.01", 2024, 0.5, "estimate"), ("99.01", 2024, 0.55, "upload")], 2024, (0.55, "kabupaten")),
        # Kemendagri's undated 52,15 % is the one regions are measured against, not RPJMN's 32,15 % for 2025
        ([("ID", None, 0.5215, "published"), ("ID", 2025, 0.3215, "published")], 2024, (0.5215, "nasional")),
        ([], 2024, None),
    ],
)
def test_target_for_an_area_own_then_region_then_nation(rows, year, expected):
    found = target_for(targets(*rows), A, "99.01", year)

    assert (None if found is None else (found[0].value, found[1])) == expected


def _inputs(p: pd.DataFrame, w: pd.DataFrame | None = None, t: pd.DataFrame = NO_TARGETS) -> Inputs:
    return Inputs(p, workforce() if w is None else w, t, "99.01")


P = participants(
    (A, JAN, "ALL", "active", 300, "estimate"),
    (A, JAN, "BPU", "active", 30, "published"),
    (A, JUN, "ALL", "active", 360, "upload"),
    (A, JAN, "BPU", "registered", 50, "published"),
    (B, JAN, "ALL", "active", 100, "published"),
)
W = workforce((A, JAN, 1000, "published"), (B, dt.date(2023, 8, 1), 400, "estimate"))
T = targets(("99.01", None, 0.6, "published"))


@pytest.mark.parametrize(
    ("selection", "a", "b"),
    [
        (Selection("coverage", JAN), (0.3, "estimate"), (0.25, "estimate")),
        (Selection("coverage", JUN), (0.36, "upload"), (None, None)),
        (Selection("active", JAN), (300, "estimate"), (100, "published")),
        (Selection("active", JAN, "BPU"), (30, "published"), (None, None)),
        (Selection("registered", JAN, "BPU"), (50, "published"), (None, None)),
        (Selection("uncovered", JAN), (700, "estimate"), (300, "estimate")),
        (Selection("bpu_share", JAN), (0.1, "estimate"), (None, None)),
        (Selection("change", JUN, since=JAN), (0.2, "estimate"), (None, None)),
        (Selection("change", JUN), (None, None), (None, None)),
        (Selection("progress", JAN), (0.5, "estimate"), (0.417, "estimate")),
        (Selection("workforce", JAN), (1000, "published"), (400, "estimate")),
    ],
)
def test_each_metric_with_the_weakest_kind_of_its_inputs(selection, a, b):
    values = area_values([A, B, C], _inputs(P, W, T), selection).set_index("kode")

    for kode, (value, kind) in ((A, a), (B, b), (C, (None, None))):
        got = values.loc[kode]
        assert (None if math.isnan(got["value"]) else pytest.approx(got["value"])) == value, kode
        assert (None if pd.isna(got["kind"]) else got["kind"]) == kind, kode


def test_a_missing_figure_is_missing_never_zero():
    values = area_values([C], _inputs(P, W, T), Selection("active", JAN))

    assert math.isnan(values.loc[0, "value"])
    assert as_mappings(values) == ({C: None}, {})


def test_uploaded_rows_win_on_the_map():
    rows = participants((A, JAN, "ALL", "active", 300, "estimate"), (A, JAN, "ALL", "active", 280, "upload"))

    values = area_values([A], _inputs(rows), Selection("active", JAN))

    assert values.loc[0, ["value", "kind", "source"]].tolist() == [280, "upload", "sumber upload"]


def test_shares_are_kept_at_the_precision_shown_so_ranks_do_not_split_hairs():
    rows = participants((A, JAN, "ALL", "active", 31464, "estimate"), (B, JAN, "ALL", "active", 31455, "estimate"))
    w = workforce((A, JAN, 100000, "estimate"), (B, JAN, 100000, "estimate"))

    values = area_values([A, B], _inputs(rows, w), Selection("coverage", JAN))

    assert values["value"].tolist() == [0.315, 0.315]
    assert ranking(values, {A: "A", B: "B"})["rank"].tolist() == [1, 1]


def test_ranking_puts_missing_last_unranked():
    values = area_values([A, B, C], _inputs(P, W, T), Selection("active", JAN))

    table = ranking(values, {A: "Alpha", B: "Beta"})

    assert table["nama"].tolist() == ["Alpha", "Beta", C]
    assert table["rank"].tolist()[:2] == [1, 2]
    assert pd.isna(table["rank"].iloc[2])


def test_months_and_the_default_month():
    assert months(P, W) == [dt.date(2023, 8, 1), JAN, JUN]
    assert default_month(P, W) == JUN
    assert default_month(P, W, "BPU") == JAN
    assert default_month(participants(), W) == JAN


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (P, ("coverage", "ALL")),
        (participants((A, JAN, "BPU", "registered", 50, "published")), ("registered", "BPU")),
        (participants(), ("workforce", "ALL")),
    ],
)
def test_first_view_is_the_first_metric_with_data(rows, expected):
    assert first_with_data([A, B], _inputs(rows, W, T), JAN) == expected


def test_latest_counts_per_area():
    latest = latest_counts(P)

    assert sorted(zip(latest["kode"], latest["segment"], latest["persons"])) == [(A, "ALL", 360), (B, "ALL", 100)]


def test_coverage_by_year_prefers_a_published_rate():
    rates = pd.DataFrame({"period_start": [dt.date(2023, 1, 1)], "value": [36.0], "source_short": ["terbitan"]})
    kab = participants(
        ("99.01", JAN, "ALL", "active", 300, "published"),
        ("99.01", dt.date(2023, 12, 1), "ALL", "active", 250, "published"),
    )
    w = workforce(("99.01", JAN, 1000, "published"))

    table = coverage_by_year(kab, w, rates, "99.01")

    assert table[["year", "kind"]].values.tolist() == [[2023, "published"], [2024, "published"]]
    assert table["value"].tolist() == [pytest.approx(0.36), pytest.approx(0.3)]


def test_target_rates_by_year_region_and_nation():
    t = targets(("99.01", None, 0.6, "published"), ("ID", 2025, 0.5215, "published"), (A, 2025, 0.7, "upload"))

    table = target_rates_by_year(t, "99.01")

    assert sorted(table["scope"]) == ["kabupaten", "nasional"]


def test_every_metric_runs_on_empty_inputs():
    for metric in METRICS:
        values = area_values([A], _inputs(participants()), Selection(metric, JAN, since=JAN))
        assert values["value"].isna().all(), metric


def test_a_bound_on_the_map_stays_a_bound():
    """Probolinggo's kecamatan shares of "more than 46.000" participants are "more than" too, and the
    tooltip says so; a rate over a workforce that is a lower bound is at most that rate."""
    dec = dt.date(2023, 12, 1)
    p = participants((A, dec, "ALL", "active", 8382, "estimate")).assign(bound="lower")
    w = workforce((A, dec, 23284, "estimate")).assign(bound="lower")
    inputs = _inputs(p, w)
    active = area_values([A], inputs, Selection("active", dec))
    assert bounds_of(active) == {A: "lower"}
    assert value_text(8382, "estimate", fmt.number, "id", "lower") == "≈ > 8.382"
    coverage = area_values([A], _inputs(p.assign(bound=None), w), Selection("coverage", dec))
    assert coverage["bound"].iloc[0] == "upper"
    both = area_values([A], inputs, Selection("coverage", dec)).iloc[0]
    assert both["bound"] is None and "tidak dapat ditentukan" in both["method"]
