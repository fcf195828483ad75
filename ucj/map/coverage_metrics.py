"""Coverage figures per kecamatan or desa for one month and segment, each with its kind.

Inputs are the rows of queries/map_participants.sql, map_workforce.sql and map_targets.sql. Rules:
for the same area, period, segment and status an upload wins over a published figure, which wins
over an estimate; the workforce of a month is the area's figure closest in time; a computed figure
is as weak as its weakest input (`ucj.provenance.combine`); a missing input gives no value, never 0.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import reduce
from typing import Any, Literal

import pandas as pd

from ucj import bounds
from ucj.bounds import Bound
from ucj.db import Query
from ucj.figures import SEGMENTS, date_or_none, text_or_none
from ucj.map.ranking import ranks
from ucj.provenance import Kind, combine
from ucj.region.headline import closest_in_time

Metric = Literal["coverage", "active", "registered", "uncovered", "bpu_share", "change", "progress", "workforce"]
METRICS: tuple[Metric, ...] = (
    "coverage",
    "active",
    "registered",
    "uncovered",
    "bpu_share",
    "change",
    "progress",
    "workforce",
)
# Metrics whose figure does not depend on the segment picked (the page disables the picker).
SEGMENT_FREE: frozenset[Metric] = frozenset({"bpu_share", "workforce"})
RATIO_METRICS: frozenset[Metric] = frozenset({"coverage", "bpu_share", "change", "progress"})
SHOWN_DECIMALS = 3  # of a ratio: 0,1 %
TargetScope = Literal["kecamatan", "kabupaten", "nasional"]
COLUMNS = ["kode", "value", "kind", "as_of", "source", "method", "bound"]


@dataclass(frozen=True)
class Selection:
    """What the map shows: a metric for one month and segment; `since` is the start of a change."""

    metric: Metric
    month: dt.date
    segment: str = "ALL"
    since: dt.date | None = None


@dataclass(frozen=True)
class Inputs:
    """Rows for one region at one level (kecamatan or desa), all kinds, as the queries return them."""

    participants: pd.DataFrame
    workforce: pd.DataFrame
    targets: pd.DataFrame
    kode_kab: str

    def within(self, kode: str) -> Inputs:
        """The rows of one area (and every target, which may come from above it)."""
        return replace(
            self,
            participants=self.participants[self.participants["kode"] == kode],
            workforce=self.workforce[self.workforce["kode"] == kode],
        )


def read_inputs(query: Query, kode_kab: str, level: str) -> Inputs:
    """Every kind of participant, workforce and target row for the region at `level`, as the map reads them."""
    return Inputs(
        participants=query("map_participants", kode_kab=kode_kab, level=level),
        workforce=query("map_workforce", kode_kab=kode_kab, level=level),
        targets=query("map_targets", kode_kab=kode_kab),
        kode_kab=kode_kab,
    )


@dataclass(frozen=True)
class Part:
    """One input of a computed figure: its value and provenance."""

    value: float
    kind: Kind
    as_of: dt.date | None
    source: str
    method: str | None = None
    bound: Bound = None  # "more than" / "less than": Probolinggo's participants and what is spread from them


def preferred(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per `keys`, the best kind first by the `precedence` the query took from the schema's
    `kind_precedence` (an upload over a published figure over an estimate)."""
    if rows.empty:
        return rows
    return rows.sort_values([*keys, "precedence"], kind="stable").drop_duplicates(keys)


def _part(row: Mapping[str, Any]) -> Part:
    method = row.get("method")
    return Part(
        value=float(row["persons"]),
        kind=row["kind"],
        as_of=date_or_none(row["period"]),
        source=row["source_short"],
        method=text_or_none(method),
        bound=row.get("bound") if row.get("bound") in (bounds.LOWER, bounds.UPPER) else None,
    )


def counts(participants: pd.DataFrame, month: dt.date, segment: str, status: str = "active") -> dict[str, Part]:
    """Participants per area in `month` for one segment and status, best kind first."""
    if participants.empty:
        return {}
    periods = pd.to_datetime(participants["period"])
    rows = participants[
        (periods == pd.Timestamp(month)) & (participants["segment"] == segment) & (participants["status"] == status)
    ]
    return {row["kode"]: _part(row) for row in preferred(rows, ["kode"]).to_dict("records")}


def workforce_near(workforce: pd.DataFrame, month: dt.date) -> dict[str, Part]:
    """Each area's workforce figure closest in time to `month` (best kind per period first)."""
    best = preferred(workforce, ["kode", "period"])
    if best.empty:
        return {}
    periods_per_area = best.groupby("kode")["period"].transform("size")
    # An area with one figure needs no search; the others go through headline's rule.
    out = {row["kode"]: _part(row) for row in best[periods_per_area == 1].to_dict("records")}
    for kode, rows in best[periods_per_area > 1].groupby("kode", sort=False):
        out[str(kode)] = _part(closest_in_time(rows, month))
    return out


def target_for(targets: pd.DataFrame, kode: str, kode_kab: str, year: int) -> tuple[Part, TargetScope] | None:
    """The coverage-rate target that applies to an area: its own, else the region's, else the nation's.

    Among one scope's targets the year closest to `year` wins (the earlier on a tie); a target
    without a year (Probolinggo's "at least 60 %") applies when no dated one does. The nation's
    target without a year is Kemendagri's, the one regions are measured against: it wins over the
    dated RPJMN/RKP planning targets, as on the home page.
    """
    scopes: tuple[tuple[str, TargetScope], ...] = ((kode, "kecamatan"), (kode_kab, "kabupaten"), ("ID", "nasional"))
    for owner, scope in scopes:
        rows = targets[targets["kode"] == owner]
        if rows.empty or (scope == "kecamatan" and owner == kode_kab):
            continue
        rows = preferred(rows.assign(_year=rows["year"].fillna(-1)), ["_year"])
        dated = rows[rows["year"].notna()]
        if scope == "nasional" and len(dated) < len(rows):
            row = rows[rows["year"].isna()].iloc[0]
        elif not dated.empty:
            distance = (dated["year"].astype(int) - year).abs()
            row = dated.assign(_d=distance).sort_values(["_d", "year"]).iloc[0]
        else:
            row = rows.iloc[0]
        as_of = dt.date(int(row["year"]), 1, 1) if pd.notna(row["year"]) else None
        method = row.get("method")
        part = Part(float(row["ratio"]), row["kind"], as_of, row["source_short"], None if pd.isna(method) else method)
        return part, scope
    return None


def _combined(
    value: float | None,
    parts: Iterable[Part],
    method: str | None = None,
    bound_of: Callable[..., Bound] = bounds.combine,
) -> dict[str, object]:
    """A figure made from `parts`; `bound_of` says how their bounds carry over (a quotient flips the
    denominator's). Where two bounds pull opposite ways the figure is kept, unbounded, and says so."""
    parts = list(parts)
    if value is None or math.isnan(value):
        return {"value": math.nan, "kind": None, "as_of": None, "source": None, "method": None, "bound": None}
    kind = reduce(combine, (p.kind for p in parts))
    methods = [p.method for p in parts if p.method]
    try:
        bound = bound_of(*(p.bound for p in parts)) if parts else None
    except bounds.Indeterminate:
        bound, methods = None, [*methods, "dihitung dari dua batas: arah batasnya tidak dapat ditentukan"]
    return {
        "value": float(value),
        "kind": kind,
        "as_of": parts[0].as_of,
        "source": "; ".join(dict.fromkeys(p.source for p in parts)),
        "method": "; ".join(dict.fromkeys([method, *methods] if method else methods)) or None,
        "bound": bound,
    }


def _ratio(numerator: Part | None, denominator: Part | None) -> float | None:
    if numerator is None or denominator is None or not denominator.value:
        return None
    return numerator.value / denominator.value


def area_values(areas: Iterable[str], inputs: Inputs, selection: Selection) -> pd.DataFrame:
    """One row per area: kode, value (NaN when missing), kind, as_of, source, method.

    Values are kept at the precision shown (0,1 % for shares, whole persons), so ranks and classes
    do not split differences that spread-out estimates cannot support.
    """
    figure = _figure(inputs, selection)
    table = pd.DataFrame([{"kode": kode, **figure(kode)} for kode in areas], columns=COLUMNS)
    decimals = SHOWN_DECIMALS if selection.metric in RATIO_METRICS else 0
    return table.assign(value=table["value"].astype(float).round(decimals))


def _single(parts: dict[str, Part]) -> Callable[[str], dict[str, object]]:
    def figure(kode: str) -> dict[str, object]:
        part = parts.get(kode)
        return _combined(part.value if part else None, [part] if part else [], bound_of=lambda b: b)

    return figure


def _figure(inputs: Inputs, s: Selection) -> Callable[[str], dict[str, object]]:
    """The rule for one metric, with its lookups made once for all areas."""
    p = inputs.participants
    if s.metric == "registered":
        return _single(counts(p, s.month, s.segment, "registered"))
    if s.metric == "bpu_share":
        return _quotient(counts(p, s.month, "BPU"), counts(p, s.month, "ALL"), "peserta BPU ÷ semua peserta")
    active = counts(p, s.month, s.segment)
    if s.metric == "active":
        return _single(active)
    if s.metric == "change":
        start = counts(p, s.since, s.segment) if s.since else {}
        return _quotient(active, start, "peserta aktif ÷ peserta aktif di awal periode − 1", offset=-1.0)
    workforce = workforce_near(inputs.workforce, s.month)
    if s.metric == "workforce":
        return _single(workforce)
    if s.metric == "coverage":
        return _quotient(active, workforce, "peserta aktif ÷ tenaga kerja terdekat waktunya")
    if s.metric == "uncovered":

        def uncovered(kode: str) -> dict[str, object]:
            a, w = active.get(kode), workforce.get(kode)
            value = max(w.value - a.value, 0.0) if a and w else None
            return _combined(value, [w, a] if a and w else [], "tenaga kerja − peserta aktif", bounds.difference)

        return uncovered

    # Most areas have no target of their own: the region's (or nation's) is looked up once.
    region_target = target_for(inputs.targets, inputs.kode_kab, inputs.kode_kab, s.month.year)
    own_targets = set(inputs.targets["kode"])

    def progress(kode: str) -> dict[str, object]:
        a, w = active.get(kode), workforce.get(kode)
        target = (
            target_for(inputs.targets, kode, inputs.kode_kab, s.month.year) if kode in own_targets else region_target
        )
        coverage = _ratio(a, w)
        if coverage is None or target is None or not target[0].value:
            return _combined(None, [])
        return _combined(
            coverage / target[0].value,
            [a, w, target[0]],
            f"cakupan ÷ target {target[1]}",
            lambda a, w, t: bounds.quotient(bounds.quotient(a, w), t),
        )

    return progress


def _quotient(
    numerators: dict[str, Part], denominators: dict[str, Part], method: str, offset: float = 0.0
) -> Callable[[str], dict[str, object]]:
    def figure(kode: str) -> dict[str, object]:
        n, d = numerators.get(kode), denominators.get(kode)
        ratio = _ratio(n, d)
        parts = [n, d] if ratio is not None else []
        return _combined(None if ratio is None else ratio + offset, parts, method, bounds.quotient)

    return figure


def months(participants: pd.DataFrame, workforce: pd.DataFrame) -> list[dt.date]:
    """Every month some figure stands at, oldest first."""
    periods = pd.concat([participants["period"], workforce["period"]]).dropna().unique()
    return sorted({date_or_none(p) for p in periods})  # a few dozen distinct months, however many rows


def months_of(*inputs: Inputs) -> list[dt.date]:
    """Every month some figure of any of `inputs` stands at, oldest first (the month picker's options)."""
    return sorted({m for i in inputs for m in months(i.participants, i.workforce)})


def default_month(participants: pd.DataFrame, workforce: pd.DataFrame, segment: str = "ALL") -> dt.date | None:
    """The latest month with active participants of `segment`; else the latest month of any figure."""
    rows = participants[(participants["segment"] == segment) & (participants["status"] == "active")]
    candidates = months(rows, rows.iloc[0:0]) or months(participants, workforce)
    return candidates[-1] if candidates else None


def first_with_data(areas: list[str], inputs: Inputs, month: dt.date) -> tuple[Metric, str]:
    """The first metric (and segment) in the picker's order that has a figure for some area in `month`.

    Sijunjung's sources give only registered BPU participants, Jember's only the workforce: a first
    view of grey "no data" everywhere would hide what there is.
    """
    p = inputs.participants
    in_month = pd.to_datetime(p["period"]) == pd.Timestamp(month)
    since = months(p, inputs.workforce)[0] if not p.empty or not inputs.workforce.empty else month
    for metric in METRICS:
        for segment in ("ALL",) if metric in SEGMENT_FREE else ("ALL", *SEGMENTS):
            # Skip at once what has no participant rows at all, before computing anything.
            status = "registered" if metric == "registered" else "active"
            needed = "BPU" if metric == "bpu_share" else segment
            if metric != "workforce" and not (in_month & (p["segment"] == needed) & (p["status"] == status)).any():
                continue
            if area_values(areas, inputs, Selection(metric, month, segment, since))["value"].notna().any():
                return metric, segment
    return "coverage", "ALL"


def segment_trend(participants: pd.DataFrame, kode: str, status: str = "active") -> pd.DataFrame:
    """An area's participants per month and segment (best kind each), for a trend chart."""
    rows = participants[(participants["kode"] == kode) & (participants["status"] == status)]
    best = preferred(rows, ["period", "segment"])
    return best[["period", "segment", "persons", "kind", "source_short"]].reset_index(drop=True)


def ranking(values: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The areas by value, highest first (rank 1), areas without a figure last and unranked."""
    order = ranks(dict(zip(values["kode"], values["value"])))
    table = values.assign(
        rank=values["kode"].map(order).astype("Int64"), nama=values["kode"].map(names).fillna(values["kode"])
    )
    return table.sort_values(["rank", "nama"], na_position="last")[["rank", "kode", "nama", *COLUMNS[1:]]]


def coverage_by_year(
    participants: pd.DataFrame, workforce: pd.DataFrame, published_rates: pd.DataFrame, kode: str
) -> pd.DataFrame:
    """A region's coverage per year: a published rate wins, else the year's last active count ÷ workforce."""
    rows = []
    published_years = set()
    for _, rate in published_rates.iterrows():
        year = pd.Timestamp(rate["period_start"]).year
        published_years.add(year)
        rows.append({"year": year, "value": rate["value"] / 100, "kind": "published", "source": rate["source_short"]})
    active = preferred(
        participants[(participants["segment"] == "ALL") & (participants["status"] == "active")], ["period"]
    )
    for year, in_year in active.groupby(pd.to_datetime(active["period"]).dt.year):
        if year in published_years:
            continue
        last = in_year.sort_values("period").iloc[-1]
        part = _part(last)
        wf = workforce_near(workforce, part.as_of).get(kode)
        value = _ratio(part, wf)
        if value is not None:
            rows.append({"year": int(year), **_combined(value, [part, wf], bound_of=bounds.quotient)})
    return pd.DataFrame(rows, columns=["year", "value", "kind", "source"]).sort_values("year", ignore_index=True)


def target_rates_by_year(targets: pd.DataFrame, kode_kab: str) -> pd.DataFrame:
    """The region's and the nation's coverage-rate targets, one row per scope and year."""
    rows = targets[targets["kode"].isin([kode_kab, "ID"])]
    best = preferred(rows.assign(_year=rows["year"].fillna(-1)), ["kode", "_year"])
    return pd.DataFrame(
        {
            "year": best["year"],
            "value": best["ratio"],
            "scope": best["kode"].map(lambda k: "nasional" if k == "ID" else "kabupaten"),
            "kind": best["kind"],
            "source": best["source_short"],
        }
    ).reset_index(drop=True)


def latest_counts(participants: pd.DataFrame) -> pd.DataFrame:
    """Each area's most recent participant figures (every segment and status at that month, best kind)."""
    if participants.empty:
        return participants
    latest = participants.groupby("kode")["period"].transform("max")
    rows = participants[participants["period"] == latest]
    return preferred(rows, ["kode", "segment", "status"]).reset_index(drop=True)


def bounds_of(values: pd.DataFrame) -> dict[str, Bound]:
    """The areas whose figure is a bound ("> 8.382"), as the map builder takes them."""
    return {k: b for k, b in zip(values["kode"], values["bound"]) if b in (bounds.LOWER, bounds.UPPER)}


def as_mappings(values: pd.DataFrame) -> tuple[dict[str, float | None], dict[str, Kind]]:
    """The value and kind of each area, as the map builder takes them (None for a missing value)."""
    figures = {k: (None if pd.isna(v) else float(v)) for k, v in zip(values["kode"], values["value"])}
    kinds = {k: kind for k, kind in zip(values["kode"], values["kind"]) if isinstance(kind, str)}
    return figures, kinds
