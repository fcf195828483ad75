"""Months as the calculator counts them: contributions are due per calendar month."""

from __future__ import annotations

import datetime as dt


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, n: int) -> dt.date:
    """The first day of the month `n` months after `month` (n may be negative)."""
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def months(start: dt.date, count: int) -> list[dt.date]:
    """`count` consecutive months from `start`, each as its first day."""
    first = first_of_month(start)
    return [add_months(first, i) for i in range(count)]


def month_key(month: dt.date) -> str:
    """'2026-04': how a month travels in a shared link."""
    return f"{month.year:04d}-{month.month:02d}"


def parse_month_key(text: str) -> dt.date:
    """The inverse of month_key; raises ValueError on anything else."""
    year, month = text.split("-")
    return dt.date(int(year), int(month), 1)
