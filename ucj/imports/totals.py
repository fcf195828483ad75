"""Totals and their parts: a total row must agree with the rows it sums, and a missing total whose
parts are all present is added, so the region's own figure shows on every page.

Two ways figures add up: kecamatan to the kabupaten/kota, and segments (PU, BPU, Jakon, PMI) to
'all segments'. With every part present the total must equal their sum; with some missing it
must not be smaller than what is there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from ucj.figures import SEGMENTS
from ucj.imports.areas import Region
from ucj.imports.problems import Problem
from ucj.imports.rows import Record


@dataclass(frozen=True)
class Axis:
    group_by: tuple[str, ...]  # fields equal within one total and its parts
    part_field: str  # the field that tells the parts apart
    is_total: Callable[[Record], bool]
    parts: Callable[[Region], frozenset[str]]
    total_fields: Callable[[Region], Record]  # what a derived total row says about itself
    method: str  # how a derived total was made, stored with it
    where: Callable[[Record], bool] = lambda record: True  # rows for which totals are sums at all


def by_kecamatan(*group_by: str, where: Callable[[Record], bool] = lambda record: True) -> Axis:
    return Axis(
        group_by=group_by,
        part_field="kode_wilayah",
        is_total=lambda r: r["level"] == "kabupaten",
        parts=lambda region: frozenset(region.kecamatan),
        total_fields=lambda region: {"kode_wilayah": region.kode_kab, "level": "kabupaten", "area_name": region.nama},
        method="Jumlah semua kecamatan dalam file unggahan",
        where=where,
    )


BY_SEGMENT = Axis(
    group_by=("kode_wilayah", "level", "area_name", "period", "status"),
    part_field="segment",
    is_total=lambda r: r["segment"] == "ALL",
    parts=lambda region: frozenset(SEGMENTS),
    total_fields=lambda region: {"segment": "ALL"},
    method="Jumlah PU, BPU, Jasa Konstruksi dan PMI dalam file unggahan",
)


def _groups(records: list[Record], axis: Axis, region: Region) -> dict[Hashable, tuple[list[Record], list[Record]]]:
    parts_wanted = axis.parts(region)
    groups: dict[Hashable, tuple[list[Record], list[Record]]] = defaultdict(lambda: ([], []))
    for record in filter(axis.where, records):
        key = tuple(record.get(f) for f in axis.group_by)
        if axis.is_total(record):
            groups[key][0].append(record)
        elif record[axis.part_field] in parts_wanted:
            groups[key][1].append(record)
    return groups


def total_problems(
    records: list[Record], axis: Axis, region: Region, file_name: str, value: str, column: str
) -> list[Problem]:
    """A total that contradicts its parts, on the row and in the `column` of the total."""
    wanted = axis.parts(region)
    problems = []
    for totals, parts in _groups(records, axis, region).values():
        if not parts:
            continue
        summed = sum(p[value] for p in parts)
        complete = {p[axis.part_field] for p in parts} >= wanted
        for total in totals:
            if complete and total[value] != summed:
                code = "total_not_sum"
            elif not complete and total[value] < summed:
                code = "total_below_parts"
            else:
                continue
            params = {"total": total[value], "sum": summed, "parts": len(parts)}
            problems.append(Problem(code, file_name, total["row"], column, params))
    return problems


def derived_totals(records: list[Record], axis: Axis, region: Region, value: str) -> list[Record]:
    """Total rows for groups that have every part but no total (marked with row None and a method)."""
    wanted = axis.parts(region)
    derived = []
    for totals, parts in _groups(records, axis, region).values():
        if totals or not parts or {p[axis.part_field] for p in parts} < wanted:
            continue
        first = parts[0]
        derived.append(
            first
            | axis.total_fields(region)
            | {value: sum(p[value] for p in parts), "row": None, "method": axis.method}
        )
    return derived
