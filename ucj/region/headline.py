"""A region's headline figures, each with its provenance, from the rows the queries return.

Plain functions over DataFrames so the rules (which figure wins, when a rate is an estimate, how
the gap to target is computed) are tested without a database or Streamlit.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from ucj import bounds, fmt
from ucj.db import Query
from ucj.figures import SEGMENTS, Figure, Unit, date_or_none, published_decimals, row_bound, row_provenance
from ucj.provenance import Provenance


def _none(key: str, unit: Unit = "persons") -> Figure:
    return Figure(key, None, unit, None)


@dataclass(frozen=True)
class Headline:
    workforce: Figure
    active: Figure
    segments: tuple[Figure, ...]
    coverage: Figure
    subsidised: Figure
    target: Figure
    gap_points: Figure
    gap_persons: Figure


def closest_in_time(rows: pd.DataFrame, when: dt.date | None) -> pd.Series | None:
    """The row whose `period` is nearest to `when` (the latest row when `when` is unknown)."""
    if rows.empty:
        return None
    periods = pd.to_datetime(rows["period"])
    if when is None:
        return rows.loc[periods.idxmax()]
    distance = (periods - pd.Timestamp(when)).abs()
    return rows.loc[distance.idxmin()]


def coverage_figures(
    workforce_rows: pd.DataFrame, segments: pd.DataFrame, published_rates: pd.DataFrame
) -> tuple[Figure, Figure, Figure]:
    """Workforce, active participants (all segments) and coverage rate.

    A coverage rate the sources publish for the region wins. Otherwise the rate is active
    participants over the workforce figure closest in time to them, labelled an estimate: the two
    figures rarely stand at the same date (Padang: workforce August 2023, participants 2024).
    """
    total = segments[(segments["segment"] == "ALL") & (segments["status"] == "active")]
    active_row = None if total.empty else total.iloc[0]
    active_date = None if active_row is None else date_or_none(active_row["period"])
    workforce = closest_in_time(workforce_rows, active_date)
    wf = (
        Figure("workforce", workforce["persons"], "persons", row_provenance(workforce), bound=row_bound(workforce))
        if workforce is not None
        else _none("workforce")
    )
    ac = (
        Figure("active", active_row["persons"], "persons", row_provenance(active_row), bound=row_bound(active_row))
        if active_row is not None
        else _none("active")
    )
    if not published_rates.empty:
        latest = published_rates.sort_values("period_start").iloc[-1]
        decimals = published_decimals(latest["value"])
        return wf, ac, Figure("coverage", latest["value"] / 100, "ratio", row_provenance(latest), decimals)
    if workforce is None or active_row is None or not workforce["persons"]:
        return wf, ac, _none("coverage", "ratio")
    try:
        bound = bounds.quotient(ac.bound, wf.bound)
    except bounds.Indeterminate:  # e.g. more than X participants over more than Y workers
        return wf, ac, _none("coverage", "ratio")
    method = (
        f"{ac.text()} peserta aktif ({ac.provenance.citation()}) ÷ "
        f"{wf.text()} tenaga kerja ({wf.provenance.citation()})"
    )
    rate = Figure(
        "coverage",
        active_row["persons"] / workforce["persons"],
        "ratio",
        row_provenance(active_row, "estimate", method),
        bound=bound,
    )
    return wf, ac, rate


def segment_figures(segments: pd.DataFrame) -> tuple[Figure, ...]:
    """PU, BPU, Jasa Konstruksi and PMI; a registered-only count says so, a missing one is 'no data'."""
    rows = {row["segment"]: row for _, row in segments.iterrows()}

    def one(segment: str) -> Figure:
        if segment not in rows:  # the sources are silent: "no data", never 0
            return _none(f"segment.{segment}")
        row = rows[segment]
        qualifier = "status.registered" if row["status"] == "registered" else None
        return Figure(
            f"segment.{segment}",
            row["persons"],
            "persons",
            row_provenance(row),
            qualifier=qualifier,
            bound=row_bound(row),
        )

    return tuple(one(s) for s in SEGMENTS)


def subsidised_figure(programmes: pd.DataFrame) -> Figure:
    """Vulnerable workers whose contributions are paid: every programme row at the latest date."""
    paid = programmes[programmes["status"].isin(["protected", "registered"])].dropna(subset=["as_of"])
    if paid.empty:
        return _none("subsidised")
    latest_date = paid["as_of"].max()
    latest = paid[paid["as_of"] == latest_date]
    first = latest.iloc[0]
    kind = "published" if (latest["kind"] == "published").all() else "estimate"
    method = None if kind == "published" else "jumlah beberapa program, sebagian perkiraan"
    return Figure(
        "subsidised",
        float(latest["headcount"].sum()),
        "persons",
        row_provenance(first.rename({"as_of": "period"}), kind, method),
    )


def target_figure(targets: pd.DataFrame, data_year: int | None = None) -> Figure:
    """The region's own coverage-rate target, else the national one the data is heading for.

    Among several targets of one level, the first whose year is not before the data's year is
    chosen (Padang's 2024 coverage is compared with the 2025 national target, not the 2045 one);
    a target without a year counts as current.
    """
    rates = targets[(targets["metric"] == "coverage_rate") & (targets["segment"] == "ALL")]
    if rates.empty:
        return _none("target", "ratio")
    level = rates[rates["is_regional"]] if rates["is_regional"].any() else rates
    year = pd.to_numeric(level["year"], errors="coerce")
    ahead = year.isna() | (year >= (data_year or 0))
    best = level.loc[year[ahead].fillna(0).idxmin()] if ahead.any() else level.loc[year.idxmax()]
    key = "target" if best["is_regional"] else "target_national"
    return Figure(key, best["value"] / 100, "ratio", row_provenance(best), published_decimals(best["value"]))


def gap_figures(coverage: Figure, target: Figure, workforce: Figure) -> tuple[Figure, Figure]:
    """Distance to target in percentage points and in workers still to protect (estimates).

    A bounded input bounds the gap: coverage of "more than" a share leaves "less than" a gap, and a
    workforce of "more than 127.778" leaves "more than" so many workers to protect.
    """
    if coverage.value is None or target.value is None:
        return _none("gap_points", "points"), _none("gap_persons")
    points = max(target.value - coverage.value, 0.0)
    points_bound = bounds.difference(target.bound, coverage.bound)
    method = f"target {fmt.percent(target.value)} − cakupan {coverage.text()}"
    base = coverage.provenance
    sources = dict.fromkeys((base.source, target.provenance.source))
    prov = Provenance("estimate", "; ".join(sources), base.as_of, base.as_of_end, method)
    gap_points = Figure("gap_points", points, "points", prov, bound=points_bound)
    if workforce.value is None:
        return gap_points, _none("gap_persons")
    try:
        persons_bound = bounds.product(points_bound, workforce.bound)
    except bounds.Indeterminate:
        return gap_points, _none("gap_persons")
    persons = math.ceil(points * workforce.value)
    prov_persons = Provenance(
        "estimate", prov.source, base.as_of, base.as_of_end, f"({method}) × {workforce.text()} tenaga kerja"
    )
    return gap_points, Figure("gap_persons", persons, "persons", prov_persons, bound=persons_bound)


def headline(
    workforce_rows: pd.DataFrame,
    published_rates: pd.DataFrame,
    segments: pd.DataFrame,
    programmes: pd.DataFrame,
    targets: pd.DataFrame,
) -> Headline:
    """Everything the home page shows for one region."""
    workforce, active, coverage = coverage_figures(workforce_rows, segments, published_rates)
    as_of = coverage.provenance.as_of if coverage.provenance else None
    target = target_figure(targets, as_of.year if as_of else None)
    gap_points, gap_persons = gap_figures(coverage, target, workforce)
    return Headline(
        workforce=workforce,
        active=active,
        segments=segment_figures(segments),
        coverage=coverage,
        subsidised=subsidised_figure(programmes),
        target=target,
        gap_points=gap_points,
        gap_persons=gap_persons,
    )


def region_headline(query: Query, kode_kab: str) -> Headline:
    """`headline` fed by the five queries it needs, for one region."""
    params = {"kode_kab": kode_kab}
    return headline(
        workforce_rows=query("region_workforce", **params),
        published_rates=query("published_coverage_rates", **params),
        segments=query("participants_by_segment", **params),
        programmes=query("subsidy_programmes", **params),
        targets=query("region_targets", **params),
    )
