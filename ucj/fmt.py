"""Numbers, money, percentages and dates as Indonesians write them (English as the option).

All formatting goes through Babel so that separators and month names follow the locale:
Rp 1.234.567 · 134.249 · 31,5 % · 23 November 2026.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

import pandas as pd
from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import NumberPattern, parse_pattern

Lang = Literal["id", "en"]
LOCALES: dict[str, str] = {"id": "id_ID", "en": "en_GB"}
MISSING = {"id": "tidak ada data", "en": "no data"}


@cache
def babel_locale(lang: Lang) -> Locale:
    """Babel's locale for `lang`, parsed once: every number, date and chart locale is written from it."""
    return Locale.parse(LOCALES[lang])


@cache
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def _number(value: float, pattern: str, lang: Lang) -> str:
    """Babel's format_decimal/format_percent with the locale and pattern parsed once, not on every call
    (12 µs a figure, and a page writes hundreds of them: tables, tooltips, chart labels)."""
    return _pattern(pattern).apply(value, babel_locale(lang))


def missing(value: object) -> bool:
    """None, NaN, pandas' NA and NaT all mean the source gave nothing."""
    return value is None or bool(pd.isna(value))


def number(value: float | None, lang: Lang = "id", decimals: int = 0) -> str:
    """A count or amount with thousands separators; missing values say so instead of showing 0."""
    if missing(value):
        return MISSING[lang]
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _number(value, pattern, lang)


def rupiah(value: float | None, lang: Lang = "id") -> str:
    """Whole rupiah, e.g. 'Rp 1.234.567' (contributions are whole rupiah, so no cents)."""
    if missing(value):
        return MISSING[lang]
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {number(abs(round(value)), lang)}"


def percent(ratio: float | None, lang: Lang = "id", decimals: int = 1) -> str:
    """A ratio (0.315) as a percentage, e.g. '31,5 %' in Indonesian, '31.5%' in English."""
    if missing(ratio):
        return MISSING[lang]
    digits = "." + "0" * decimals if decimals else ""
    pattern = f"#,##0{digits} %" if lang == "id" else f"#,##0{digits}%"
    return _number(ratio, pattern, lang)


def date(value: dt.date | None, lang: Lang = "id") -> str:
    """A day, e.g. '9 Februari 2023'."""
    if missing(value):
        return MISSING[lang]
    return _babel_date(value, format="d MMMM y", locale=babel_locale(lang))


def month(value: dt.date | None, lang: Lang = "id", short: bool = False) -> str:
    """A month, e.g. 'Juni 2024' (or 'Jun 2024' for chart axes)."""
    if missing(value):
        return MISSING[lang]
    return _babel_date(value, format="MMM y" if short else "MMMM y", locale=babel_locale(lang))


def period(start: dt.date | None, end: dt.date | None, lang: Lang = "id") -> str:
    """A source's reference period as precisely as it was stated: '2023', 'Juni 2024', '9 Februari 2023'."""
    if missing(start):
        return MISSING[lang]
    if missing(end) or end == start:
        return date(start, lang)
    last_of_month = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and last_of_month and (start.year, start.month) == (end.year, end.month):
        return month(start, lang)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return (
        f"{month(start, lang)} – {month(end, lang)}"
        if start.day == 1 and last_of_month
        else f"{date(start, lang)} – {date(end, lang)}"
    )
