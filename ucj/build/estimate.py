"""Estimates the build makes where the sources give only a regional figure.

Each function returns new rows marked kind='estimate' with the rule in `method`, so the screen can
say how a figure was made. Nothing here invents a total: every estimate is a published (or itself
stated) total spread over parts, or a straight line between two published points.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

from ucj.apportion import largest_remainder
from ucj.fmt import number


@dataclass(frozen=True)
class Weights:
    """How one region's totals are spread over its parts, and the rule in words."""

    shares: dict[str, float]
    rule_id: str
    rule_en: str


def kecamatan_weights(kecamatan: pd.DataFrame, population: pd.DataFrame, sources: dict[str, str]) -> dict[str, Weights]:
    """Per region: population weights where every kecamatan has a figure, else desa/kelurahan counts.

    `population` holds kecamatan-level rows (kode_wilayah, year, persons, source_id); the latest
    year complete for the whole region is used.
    """
    result: dict[str, Weights] = {}
    for kode_kab, kec in kecamatan.groupby("kode_kab"):
        codes = set(kec["kode_kec"])
        pop = population[population["kode_wilayah"].isin(codes)]
        complete = [y for y, rows in pop.groupby("year") if set(rows["kode_wilayah"]) == codes]
        if complete:
            year = max(complete)
            rows = pop[pop["year"] == year]
            source = sources.get(rows["source_id"].iloc[0], rows["source_id"].iloc[0])
            result[kode_kab] = Weights(
                dict(zip(rows["kode_wilayah"], rows["persons"].astype(float))),
                f"bobot penduduk kecamatan {year} ({source})",
                f"weighted by kecamatan population {year} ({source})",
            )
        else:
            result[kode_kab] = Weights(
                dict(zip(kec["kode_kec"], kec["jumlah_desa_kel"].astype(float))),
                "bobot jumlah desa/kelurahan (Kepmendagri 2025), karena penduduk per kecamatan tidak tersedia",
                "weighted by number of desa/kelurahan (Kepmendagri 2025): no kecamatan population found",
            )
    return result


def equal_desa_weights(desa: pd.DataFrame) -> dict[str, Weights]:
    """Per kecamatan: equal shares over its desa/kelurahan (no desa population is published)."""
    return {
        kode_kec: Weights(
            {k: 1.0 for k in rows["kode_desa"]},
            "dibagi rata antar desa/kelurahan (tidak ada data penduduk desa)",
            "split equally over desa/kelurahan (no desa population found)",
        )
        for kode_kec, rows in desa.groupby("kode_kec")
    }


def spread(parents: pd.DataFrame, weights: dict[str, Weights], child_level: str) -> pd.DataFrame:
    """Spread each parent row's `persons` over the parent's parts; parts add up exactly to the parent."""
    out: list[dict] = []
    for row in parents.to_dict("records"):
        w = weights.get(row["kode_wilayah"])
        if w is None:
            continue
        for kode, persons in largest_remainder(int(row["persons"]), w.shares).items():
            child = dict(row, kode_wilayah=kode, level=child_level, persons=persons, kind="estimate")
            child["method"] = f"Perkiraan: angka {row['kode_wilayah']} dibagi menurut {w.rule_id}"
            out.append(child)
    return pd.DataFrame(out, columns=parents.columns)


def _bounded(row: dict) -> bool:
    return isinstance(row.get("bound"), str)


def _months_between(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def interpolate_months(series: pd.DataFrame, max_gap: int = 12) -> pd.DataFrame:
    """Straight-line monthly estimates between consecutive published points of one series.

    `series` holds rows of one (kode_wilayah, segment, status) with `period` (first of month) and
    `persons`; months already present are never overwritten. Gaps longer than `max_gap` months, and
    gaps next to a bound ("more than 46.000"), are left empty: a line there would claim more than the
    sources say.
    """
    rows = series.sort_values("period").to_dict("records")
    out: list[dict] = []
    for left, right in pairwise(rows):
        gap = _months_between(left["period"], right["period"])
        if gap <= 1 or gap > max_gap or _bounded(left) or _bounded(right):
            continue
        for step in range(1, gap):
            month_index = left["period"].month - 1 + step
            period = dt.date(left["period"].year + month_index // 12, month_index % 12 + 1, 1)
            persons = round(left["persons"] + (right["persons"] - left["persons"]) * step / gap)
            out.append(
                dict(
                    left,
                    period=period,
                    persons=persons,
                    kind="estimate",
                    figure_id=f"{left['figure_id']}|{right['figure_id']}",
                    method=f"Perkiraan: garis lurus antara {number(left['persons'])} dan {number(right['persons'])}",
                )
            )
    return pd.DataFrame(out, columns=series.columns)
