import datetime as dt
import math

import pytest

from ucj import fmt


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (201549600, "id", "Rp 201.549.600"),
        (16800, "id", "Rp 16.800"),
        (0, "id", "Rp 0"),
        (1234567.6, "id", "Rp 1.234.568"),
        (-8400, "id", "-Rp 8.400"),
        (1234567, "en", "Rp 1,234,567"),
        (None, "id", "tidak ada data"),
        (math.nan, "en", "no data"),
    ],
)
def test_rupiah(value, lang, expected):
    assert fmt.rupiah(value, lang) == expected


@pytest.mark.parametrize(
    ("ratio", "lang", "expected"),
    [
        (134249 / 426765, "id", "31,5 %"),
        (0.36, "id", "36,0 %"),
        (0.5215, "en", "52.2%"),
        (0, "id", "0,0 %"),
        (None, "id", "tidak ada data"),
    ],
)
def test_percent(ratio, lang, expected):
    assert fmt.percent(ratio, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (134249, "id", 0, "134.249"),
        (426765, "en", 0, "426,765"),
        (12.345, "id", 1, "12,3"),
        (None, "id", 0, "tidak ada data"),
    ],
)
def test_number(value, lang, decimals, expected):
    assert fmt.number(value, lang, decimals) == expected


def test_dates_as_indonesians_write_them():
    assert fmt.date(dt.date(2026, 11, 23)) == "23 November 2026"
    assert fmt.date(dt.date(2023, 2, 9)) == "9 Februari 2023"
    assert fmt.month(dt.date(2024, 6, 1)) == "Juni 2024"
    assert fmt.month(dt.date(2024, 8, 1), short=True) == "Agu 2024"
    assert fmt.date(dt.date(2023, 2, 9), "en") == "9 February 2023"


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "id", "2023"),
        (dt.date(2024, 6, 1), dt.date(2024, 6, 30), "id", "Juni 2024"),
        (dt.date(2023, 2, 9), dt.date(2023, 2, 9), "id", "9 Februari 2023"),
        (dt.date(2023, 2, 9), None, "id", "9 Februari 2023"),
        (dt.date(2024, 1, 1), dt.date(2024, 6, 30), "id", "Januari 2024 – Juni 2024"),
        (dt.date(2022, 3, 15), dt.date(2022, 12, 31), "id", "15 Maret 2022 – 31 Desember 2022"),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "en", "February 2024"),
        (None, None, "id", "tidak ada data"),
    ],
)
def test_period_as_precise_as_stated(start, end, lang, expected):
    assert fmt.period(start, end, lang) == expected
