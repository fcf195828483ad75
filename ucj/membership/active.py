"""Who is an active participant in a month, by the rule an extract states.

The database decides it with the `participant_active` macro (queries/schema/10_membership.sql),
which every query reads through the `participant_month` view; this module is the same rule in
Python for checks and tests, and the rule's name in words for the screen.
"""

from __future__ import annotations

import calendar
import datetime as dt

RULES = ("paid", "paid_3m")  # 'paid': paid for the month; 'paid_3m': paid for it or one of the two before
DEFAULT_RULE = "paid"
GRACE_MONTHS = {"paid": 0, "paid_3m": 2}


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after (or before) `month`'s."""
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def is_active(
    registered_on: dt.date, last_paid_month: dt.date | None, month: dt.date, rule: str = DEFAULT_RULE
) -> bool:
    """Registered by the month's last day and paid for the month (or within the rule's grace)."""
    if rule not in GRACE_MONTHS:
        raise ValueError(f"unknown active rule: {rule!r}")
    month = month_start(month)
    if registered_on > month_end(month) or last_paid_month is None:
        return False
    return last_paid_month >= add_months(month, -GRACE_MONTHS[rule])
