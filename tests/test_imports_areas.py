"""Kecamatan by Kemendagri code or by name, the region's own total, and near-miss suggestions."""

from __future__ import annotations

import pytest

from ucj.imports.areas import Area, Region
from ucj.imports.values import CellError

PADANG = Region(
    "13.71",
    "Kota Padang",
    {"13.71.01": "Padang Selatan", "13.71.11": "Koto Tangah", "13.71.08": "Pauh", "13.71.05": "Bungus Teluk Kabung"},
    {"13.71.01.1001": "Pasa Gadang"},
)


@pytest.mark.parametrize(
    ("cell", "kode", "level"),
    [
        ("13.71.11", "13.71.11", "kecamatan"),
        ("137111", "13.71.11", "kecamatan"),
        (137111, "13.71.11", "kecamatan"),
        (137111.0, "13.71.11", "kecamatan"),
        ("13 71 11", "13.71.11", "kecamatan"),
        ("Koto Tangah", "13.71.11", "kecamatan"),
        ("koto  tangah", "13.71.11", "kecamatan"),
        ("KOTO TANGAH", "13.71.11", "kecamatan"),
        ("Kecamatan Koto Tangah", "13.71.11", "kecamatan"),
        ("Kec. Pauh", "13.71.08", "kecamatan"),
        ("13.71", "13.71", "kabupaten"),
        ("1371", "13.71", "kabupaten"),
        ("Kota Padang", "13.71", "kabupaten"),
        ("Padang", "13.71", "kabupaten"),
        ("TOTAL", "13.71", "kabupaten"),
        ("Jumlah", "13.71", "kabupaten"),
        ("13.71.01.1001", "13.71.01.1001", "desa"),
        ("13.71.01.1001 Pasa Gadang", "13.71.01.1001", "desa"),  # a code with its name
        ("13.71.11 kecamatan koto tangah", "13.71.11", "kecamatan"),
    ],
)
def test_match(cell, kode, level):
    area = PADANG.match(cell)
    assert (area.kode, area.level) == (kode, level)
    assert isinstance(area, Area)


@pytest.mark.parametrize(
    ("cell", "code", "suggestion"),
    [
        ("Kototangah", "unknown_area_suggest", "Koto Tangah"),  # the brief's own example
        ("Koto Tanggah", "unknown_area_suggest", "Koto Tangah"),
        ("Padang Selatn", "unknown_area_suggest", "Padang Selatan"),
        ("Bungus", "unknown_area", None),
        ("Wuluhan", "unknown_area", None),
        ("13.03.04", "unknown_area_code", None),  # a Sijunjung code in a Padang file
        ("13.71.99", "unknown_area_code", None),
        ('=HYPERLINK("x")', "unknown_area", None),
        ("13.71.01.1001 Koto Tangah", "area_name_mismatch", None),  # the code names another area
        ("13.71.99 Koto Tangah", "unknown_area_code", None),
    ],
)
def test_unknown_areas_are_refused_with_a_suggestion_when_close(cell, code, suggestion):
    with pytest.raises(CellError) as exc:
        PADANG.match(cell)
    assert exc.value.code == code
    assert exc.value.params.get("suggestion") == suggestion


def test_empty_area_is_missing():
    with pytest.raises(CellError, match="missing_value"):
        PADANG.match(" ")
