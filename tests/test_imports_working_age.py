"""The DKB workforce rule: working age (15+) × TPAK per desa and kecamatan, hand-computed."""

from __future__ import annotations

import datetime as dt

import pytest

from ucj.imports.areas import Region
from ucj.imports.working_age import Tpak, labour_force, method, reference_period, workforce_rows

REGION = Region(
    "13.71",
    "Kota Padang",
    {"13.71.01": "Bungus Teluk Kabung", "13.71.02": "Lubuk Kilangan"},
    {"13.71.01.1001": "Bungus Barat", "13.71.01.1002": "Bungus Timur", "13.71.02.1001": "Bandar Buat"},
)
TPAK = Tpak(67.27, "BPS Kota Padang, Statistik Ketenagakerjaan 2025")


@pytest.mark.parametrize(
    ("working_age", "tpak", "expected"),
    [
        (733_827, 67.27, 493_645),  # 493.645,42…: BPS's own 493.647 is computed from unrounded TPAK
        (1_000, 67.27, 673),  # 672,7
        (200, 67.25, 135),  # 134,5 rounds half up (not to the even 134)
        (1_180, 67.27, 794),  # 793,786
        (0, 67.27, 0),
        (500, 100, 500),
        (3, 0.01, 0),
    ],
)
def test_labour_force(working_age, tpak, expected):
    assert labour_force(working_age, tpak) == expected


@pytest.mark.parametrize(("semester", "month"), [(1, 6), (2, 12)])
def test_reference_period(semester, month):
    assert reference_period(2024, semester) == dt.date(2024, month, 1)


def test_method_states_the_rule():
    assert method(2024, 1, TPAK) == (
        "Perkiraan: penduduk usia kerja (15+) DKB semester 1 2024 × TPAK 67,27 % "
        "(BPS Kota Padang, Statistik Ketenagakerjaan 2025)"
    )


def _rows(kode: str, level: str, groups: dict[tuple[int, int | None], int], semester: int = 1) -> list[dict]:
    name = {**REGION.kecamatan, **REGION.desa}[kode]
    return [
        {"kode_wilayah": kode, "level": level, "area_name": name, "year": 2024, "semester": semester}
        | {"age_low": low, "age_high": high, "persons": persons}
        for (low, high), persons in groups.items()
    ]


def test_desa_and_their_complete_kecamatan():
    records = _rows("13.71.01.1001", "desa", {(0, 14): 400, (15, 64): 900, (65, None): 100})
    records += _rows("13.71.01.1002", "desa", {(0, 14): 300, (15, 19): 202, (20, None): 300})
    rows = workforce_rows(records, REGION, TPAK)
    found = {r["kode_wilayah"]: (r["level"], r["working_age"], r["persons"]) for r in rows}
    assert found == {
        "13.71.01.1001": ("desa", 1000, 673),  # 1.000 × 67,27 % = 672,7
        "13.71.01.1002": ("desa", 502, 338),  # 337,69
        "13.71.01": ("kecamatan", 1502, 1010),  # 1.010,40: the kecamatan's own product, not 673 + 338
    }


def test_a_partial_kecamatan_gets_no_row_and_a_listed_one_keeps_its_own():
    records = _rows("13.71.01.1001", "desa", {(15, None): 1000})
    records += _rows("13.71.02", "kecamatan", {(0, 14): 50, (15, None): 2000})
    records += _rows("13.71.02.1001", "desa", {(15, None): 1900})
    found = {r["kode_wilayah"]: r["persons"] for r in workforce_rows(records, REGION, TPAK)}
    assert found == {"13.71.01.1001": 673, "13.71.02": 1345, "13.71.02.1001": 1278}  # 1.345,4 and 1.278,13


def test_each_semester_is_its_own_row():
    records = _rows("13.71.02.1001", "desa", {(15, None): 1000}, semester=1)
    records += _rows("13.71.02.1001", "desa", {(15, None): 1100}, semester=2)
    rows = [r for r in workforce_rows(records, REGION, TPAK) if r["level"] == "desa"]
    assert [(r["period"], r["persons"]) for r in rows] == [(dt.date(2024, 6, 1), 673), (dt.date(2024, 12, 1), 740)]
