"""Writing collaboration data: new rounds, new action items, status changes, each with its audit entry.

Call these inside `Database.writer()`: the change and its audit entry land together or not at all.
There is deliberately no function that changes or removes a round: rounds are append-only.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from ucj import audit
from ucj.auth import guard
from ucj.collab.rules import (
    ActionDraft,
    Problem,
    Rejected,
    RoundDraft,
    action_problems,
    new_action_id,
    new_round_id,
    round_problems,
)
from ucj.db import execute, run_query


class RoundExists(Rejected):
    """The round is already recorded; rounds are never overwritten."""

    def __init__(self, round_id: str) -> None:
        super().__init__([Problem("kolab.err.round_exists", {"round": round_id})])


def _blank_to_none(value: str | None) -> str | None:
    """Empty or blank text is stored as no text."""
    if value is None or not value.strip():
        return None
    return value.strip()


def record_round(con: duckdb.DuckDBPyConnection, draft: RoundDraft, *, slug: str, actor: str, today: dt.date) -> str:
    """Append a new round and its scores; refuse an invalid draft or one that names an existing round."""
    guard.require(con, actor, draft.kode_kab)
    taken = set(run_query(con, "collab_round_ids")["round_id"])
    if draft.round_id is not None and draft.round_id in taken:
        raise RoundExists(draft.round_id)
    indicators = run_query(con, "collab_indicators")
    indicator_ids = indicators.loc[indicators["framework_id"] == draft.framework_id, "indicator_id"].tolist()
    stakeholders = run_query(con, "collab_stakeholders", kode_kab=draft.kode_kab)["stakeholder_id"]
    problems = round_problems(draft, indicator_ids, today, stakeholders)
    if problems:
        raise Rejected(problems)
    round_id = draft.round_id or new_round_id(slug, draft.framework_id, draft.round_date, taken)
    rounds_before = len(run_query(con, "collab_rounds", kode_kab=draft.kode_kab))
    execute(
        con,
        "collab_round_insert",
        round_id=round_id,
        kode_kab=draft.kode_kab,
        framework_id=draft.framework_id,
        stakeholder_id=draft.stakeholder_id,
        round_date=draft.round_date,
        note=_blank_to_none(draft.note),
        recorded_by=actor,
    )
    for indicator_id in indicator_ids:
        execute(
            con,
            "collab_score_insert",
            round_id=round_id,
            indicator_id=indicator_id,
            score=draft.scores[indicator_id],
            evidence=_blank_to_none(draft.evidence.get(indicator_id)),
            document_ref=_blank_to_none(draft.document_ref),
        )
    audit.record(
        con,
        actor=actor,
        action="assessment_round_add",
        target_table="assessment_round",
        detail=f"{round_id}: {draft.framework_id}, {draft.kode_kab}, {len(indicator_ids)} skor",
        rows_before=rounds_before,
        rows_after=rounds_before + 1,
    )
    return round_id


def add_action(con: duckdb.DuckDBPyConnection, draft: ActionDraft, *, slug: str, actor: str) -> str:
    """Add an action item decided in a meeting; refuse an invalid draft."""
    guard.require(con, actor, draft.kode_kab)
    indicator_ids = run_query(con, "collab_indicators")["indicator_id"]
    stakeholders = run_query(con, "collab_stakeholders", kode_kab=draft.kode_kab)["stakeholder_id"]
    problems = action_problems(draft, indicator_ids, stakeholders)
    if problems:
        raise Rejected(problems)
    existing = run_query(con, "collab_actions", kode_kab=draft.kode_kab)["action_id"]
    action_id = new_action_id(slug, existing)
    execute(
        con,
        "collab_action_insert",
        action_id=action_id,
        kode_kab=draft.kode_kab,
        title=draft.title.strip(),
        horizon=draft.horizon,
        owner=_blank_to_none(draft.owner),
        owner_stakeholder_id=draft.owner_stakeholder_id,
        due_date=draft.due_date,
        status=draft.status,
        indicator_id=draft.indicator_id,
        meeting_ref=_blank_to_none(draft.meeting_ref),
        created_by=actor,
    )
    audit.record(
        con,
        actor=actor,
        action="action_item_add",
        target_table="action_item",
        detail=f"{action_id}: {draft.title.strip()}",
        rows_before=len(existing),
        rows_after=len(existing) + 1,
    )
    return action_id


def set_action_status(con: duckdb.DuckDBPyConnection, kode_kab: str, action_id: str, status: str, *, actor: str) -> str:
    """Move an action item to `status` and return the status it had; the audit entry keeps both."""
    guard.require(con, actor, kode_kab)
    actions = run_query(con, "collab_actions", kode_kab=kode_kab).set_index("action_id")
    if action_id not in actions.index:
        raise Rejected([Problem("kolab.err.no_action", {"action": action_id})])
    problems = action_problems(ActionDraft(kode_kab=kode_kab, title=actions.at[action_id, "title"], status=status))
    if problems:
        raise Rejected(problems)
    before = str(actions.at[action_id, "status"])
    execute(con, "collab_action_status_update", status=status, action_id=action_id, kode_kab=kode_kab)
    audit.record(
        con,
        actor=actor,
        action="action_item_status",
        target_table="action_item",
        detail=f"{action_id}: {before} → {status}",
        rows_before=1,
        rows_after=1,
    )
    return before
