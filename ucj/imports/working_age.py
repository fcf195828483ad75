"""The workforce a DKB age table implies: working-age population (15+) × the kab/kota TPAK.

BPS publishes the labour-force participation rate (TPAK) only per kab/kota, Disdukcapil counts
people per desa and age group: their product gives every desa and kecamatan a workforce that
follows where people of working age live, instead of the build's equal spread. A kecamatan the
file does not list itself is the sum of its desa only when every desa of it is in the file: a
partial sum would understate it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from ucj import fmt
from ucj.imports.age_groups import WORKING_AGE
from ucj.imports.areas import Region
from ucj.imports.rows import Record

# DKB semester 1 stands at 30 June, semester 2 at 31 December; periods are the month's first day.
REFERENCE_MONTH = {1: 6, 2: 12}


@dataclass(frozen=True)
class Tpak:
    """The kab/kota labour-force participation rate, in percent, and where it was published."""

    percent: float
    source: str


class AreaSemester(NamedTuple):
    """One area's DKB table for one semester."""

    kode: str
    level: str
    name: str
    year: int
    semester: int

    @property
    def period(self) -> dt.date:
        return reference_period(self.year, self.semester)


def reference_period(year: int, semester: int) -> dt.date:
    return dt.date(year, REFERENCE_MONTH[semester], 1)


def labour_force(working_age: int, tpak_percent: float) -> int:
    """round(working_age × TPAK / 100), half up, in decimals so that 67,27 % is exactly 67,27 %."""
    exact = Decimal(working_age) * Decimal(str(tpak_percent)) / 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def method(year: int, semester: int, tpak: Tpak) -> str:
    """The rule in words, stored with every row it made (the screen shows it under 'Perkiraan')."""
    rate = fmt.percent(tpak.percent / 100, decimals=2)
    return (
        f"Perkiraan: penduduk usia kerja ({WORKING_AGE}+) DKB semester {semester} {year} × TPAK {rate} ({tpak.source})"
    )


def _working_age(records: list[Record]) -> dict[AreaSemester, int]:
    """Working-age persons per area and semester, for every area the file lists."""
    totals: dict[AreaSemester, int] = defaultdict(int)
    for r in records:
        key = AreaSemester(r["kode_wilayah"], r["level"], r["area_name"], r["year"], r["semester"])
        totals[key] += r["persons"] if r["age_low"] >= WORKING_AGE else 0
    return totals


def _desa_by_kecamatan(region: Region) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for kode in region.desa:
        found[kode.rsplit(".", 1)[0]].add(kode)
    return found


def kecamatan_totals(
    records: list[Record], region: Region
) -> tuple[dict[AreaSemester, int], dict[AreaSemester, tuple[int, int]]]:
    """Working age of the kecamatan the file gives only as desa: complete ones summed, partial ones
    as (desa in the file, desa in the kecamatan)."""
    own = _working_age(records)
    listed = {(a.kode, a.year, a.semester) for a in own if a.level == "kecamatan"}
    desa: dict[tuple, dict[str, int]] = defaultdict(dict)
    for area, persons in own.items():
        if area.level == "desa":
            desa[(area.kode.rsplit(".", 1)[0], area.year, area.semester)][area.kode] = persons
    all_desa = _desa_by_kecamatan(region)
    summed, partial = {}, {}
    for (kode_kec, year, semester), parts in desa.items():
        if (kode_kec, year, semester) in listed:
            continue
        key = AreaSemester(kode_kec, "kecamatan", region.kecamatan[kode_kec], year, semester)
        if set(parts) >= all_desa[kode_kec]:
            summed[key] = sum(parts.values())
        else:
            partial[key] = (len(parts), len(all_desa[kode_kec]))
    return summed, partial


def workforce_rows(records: list[Record], region: Region, tpak: Tpak) -> list[Record]:
    """One workforce row per desa and kecamatan and semester: working age × TPAK, with its rule."""
    summed, _ = kecamatan_totals(records, region)
    rows = []
    for area, working in (_working_age(records) | summed).items():
        rows.append(
            {
                "row": None,
                "measure": "workforce",
                "kode_wilayah": area.kode,
                "level": area.level,
                "area_name": area.name,
                "year": area.year,
                "semester": area.semester,
                "period": area.period,
                "age_group": f"{WORKING_AGE}+",
                "working_age": working,
                "persons": labour_force(working, tpak.percent),
                "method": method(area.year, area.semester, tpak),
            }
        )
    return sorted(rows, key=lambda r: (r["period"], r["kode_wilayah"]))
