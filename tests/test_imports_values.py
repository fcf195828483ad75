"""Cell parsers: counts, years, months, segments, statuses and amounts, including the edges."""

from __future__ import annotations

import datetime as dt

import pytest

from ucj.imports import values
from ucj.imports.values import CellError


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1250", 1250),
        (" 1.250 ", 1250),  # Indonesian grouping
        ("1,250", 1250),  # English grouping
        ("1.234.567", 1234567),
        ("0", 0),
        (12, 12),
        (12.0, 12),  # Excel stores whole numbers as floats
        ("1 250", 1250),
        ("+7", 7),
    ],
)
def test_count(cell, expected):
    assert values.count(cell) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("", "missing_value"),
        (None, "missing_value"),
        ("-3", "negative"),
        (-1, "negative"),
        ("12,5", "not_whole"),
        (2.5, "not_whole"),
        ("99999999999999999999999", "too_large"),  # found by the fuzz suite: beyond 64-bit integers
        (300_000_001, "too_large"),
        ("abc", "not_number"),
        ("1.2.3", "not_number"),
        ("12a", "not_number"),
        (True, "not_number"),
        (float("nan"), "not_number"),
        (float("inf"), "not_number"),
        (dt.date(2024, 1, 1), "not_number"),
        ("'; drop table participants; --", "not_number"),
    ],
)
def test_count_refuses(cell, code):
    with pytest.raises(CellError) as exc:
        values.count(cell)
    assert exc.value.code == code


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (1, 1),
        ("12", 12),
        ("06", 6),
        ("Juni", 6),
        ("JUNI", 6),
        ("jun", 6),
        ("Agt", 8),
        ("August", 8),
        ("Desember", 12),
        (dt.datetime(2024, 3, 1), 3),
        (6.0, 6),
    ],
)
def test_month(cell, expected):
    assert values.month(cell) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("13", "month_range"),
        (0, "month_range"),
        ("-1", "month_range"),
        ("6,5", "month_range"),
        ("Juno", "bad_month"),
        ("", "missing_value"),
    ],
)
def test_month_refuses(cell, code):
    with pytest.raises(CellError) as exc:
        values.month(cell)
    assert exc.value.code == code


@pytest.mark.parametrize(
    ("cell", "ok"),
    [
        ("2024", True),
        (2024, True),
        (1990, True),
        (2100, True),
        (1989, False),
        ("2101", False),
        ("24", False),
        ("2024,5", False),
    ],
)
def test_year(cell, ok):
    if ok:
        assert values.year(cell) == int(cell)
    else:
        with pytest.raises(CellError, match="bad_year"):
            values.year(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("BPU", "BPU"),
        ("bpu", "BPU"),
        ("Bukan Penerima Upah", "BPU"),
        ("pbpu", "BPU"),
        ("PPU", "PU"),
        ("Penerima Upah", "PU"),
        ("Jasa Konstruksi", "JAKON"),
        ("pekerja migran", "PMI"),
        ("Semua", "ALL"),
        ("all", "ALL"),
    ],
)
def test_segment(cell, expected):
    assert values.segment(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("aktif", "active"),
        ("AKTIF", "active"),
        ("Active", "active"),
        ("terdaftar", "registered"),
        ("Registered", "registered"),
    ],
)
def test_status(cell, expected):
    assert values.status(cell) == expected


@pytest.mark.parametrize(
    ("parser", "cell", "code"), [(values.segment, "XX", "bad_segment"), (values.status, "lapsed", "bad_status")]
)
def test_choice_refuses_with_options(parser, cell, code):
    with pytest.raises(CellError) as exc:
        parser(cell)
    assert exc.value.code == code
    assert exc.value.params["value"] == cell


@pytest.mark.parametrize(
    ("cell", "expected"), [("60", 60.0), ("60%", 60.0), ("60,5 %", 60.5), (43.92, 43.92), ("0", 0.0)]
)
def test_amount(cell, expected):
    assert values.amount(cell) == expected


def test_amount_refuses_negative():
    with pytest.raises(CellError, match="negative"):
        values.amount("-5")


@pytest.mark.parametrize(("cell", "expected"), [("  Koto   Tangah ", "Koto Tangah"), (12, "12")])
def test_text(cell, expected):
    assert values.text(cell) == expected


def test_text_limits():
    with pytest.raises(CellError, match="too_long"):
        values.text("x" * 201)
    assert values.optional_text("  ") is None
