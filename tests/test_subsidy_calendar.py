"""The months a plan may start in (ucj.subsidy.calendar): what the calculator's first-month picker offers."""

from __future__ import annotations

import datetime as dt

from ucj.subsidy.calendar import START_HORIZON, add_months, start_months


def test_from_the_first_month_the_rules_cover_to_five_years_past_today():
    offered = start_months(dt.date(2023, 1, 1), dt.date(2026, 1, 1), today=dt.date(2026, 12, 3))

    assert offered[0] == dt.date(2023, 1, 1) and offered[-1] == add_months(dt.date(2026, 12, 1), START_HORIZON)
    assert all(m.day == 1 for m in offered) and len(offered) == len(set(offered)) == 48 + START_HORIZON
    assert offered == sorted(offered)


def test_a_shared_links_month_outside_that_span_is_still_offered():
    before = start_months(dt.date(2023, 1, 1), dt.date(2022, 6, 1), today=dt.date(2026, 12, 3))
    after = start_months(dt.date(2023, 1, 1), dt.date(2040, 2, 1), today=dt.date(2026, 12, 3))

    assert before[0] == dt.date(2022, 6, 1)  # the calculator then says no rule covers it, as it did
    assert after[-1] == dt.date(2040, 2, 1) and dt.date(2031, 12, 1) in after
