"""The action tracker: what is overdue (against a date the caller gives, so tests can fix it) and in what order."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ucj.collab.rules import OPEN_STATUSES, STATUSES
from ucj.fmt import missing


def is_overdue(due_date: object, status: str, today: dt.date) -> bool:
    """An open item whose due date has passed; an item without a due date is never overdue."""
    if missing(due_date):
        return False
    return status in OPEN_STATUSES and pd.Timestamp(due_date).date() < today


def tracker(actions: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Overdue items first, then open items by due date (undated last), then done and dropped."""
    out = actions.assign(overdue=[is_overdue(d, s, today) for d, s in zip(actions["due_date"], actions["status"])])
    out["_closed"] = ~out["status"].isin(OPEN_STATUSES)
    out["_status"] = out["status"].map({s: i for i, s in enumerate(STATUSES)})
    out["_due"] = pd.to_datetime(out["due_date"])
    ordered = out.sort_values(
        ["overdue", "_closed", "_due", "_status", "action_id"],
        ascending=[False, True, True, True, True],
        na_position="last",
        kind="stable",
    )
    return ordered.drop(columns=["_closed", "_status", "_due"]).reset_index(drop=True)
