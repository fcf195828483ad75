"""Exponential back-off after repeated failed logins, per user name and per browser session.

The first few failures are free (typos happen); then each failure doubles the wait, up to a cap.
A success clears the count; failures older than a day are forgotten.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

FREE_FAILURES = 3
BASE_SECONDS = 2.0
CAP_SECONDS = 15 * 60.0
MEMORY = dt.timedelta(days=1)


def wait_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive failed attempts."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(CAP_SECONDS, BASE_SECONDS * 2 ** (failures - FREE_FAILURES))


def seconds_left(now: dt.datetime, *counters: tuple[int, dt.datetime | None]) -> float:
    """How long until another attempt is allowed, given (failures, last failure) per counter."""
    left = 0.0
    for failures, last in counters:
        if last is not None:
            left = max(left, wait_after(failures) - (now - last).total_seconds())
    return max(left, 0.0)


def failures_since_success(attempts: pd.DataFrame, column: str, value: str) -> tuple[int, dt.datetime | None]:
    """Failed attempts (and the last one's time) for one user name or session since its last success.

    `attempts` has username, session_key, attempted_at and outcome ('ok', 'failed', 'throttled');
    throttled attempts were never checked, so they neither count nor reset.
    """
    mine = attempts[attempts[column] == value].sort_values("attempted_at")
    successes = mine[mine["outcome"] == "ok"]
    if not successes.empty:
        mine = mine[mine["attempted_at"] > successes["attempted_at"].max()]
    failed = mine[mine["outcome"] == "failed"]
    if failed.empty:
        return 0, None
    return len(failed), pd.Timestamp(failed["attempted_at"].max()).to_pydatetime()
