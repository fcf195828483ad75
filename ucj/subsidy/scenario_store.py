"""Scenarios saved for colleagues: one row per region and name, each save and removal audited.

Call these inside `Database.writer()` so the row and its audit entry land together. What is stored
is the encoded scenario a shared link carries, checked by decoding it before it is written.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from ucj import audit
from ucj.auth import guard
from ucj.db import execute, run_query
from ucj.subsidy.rules import RuleBook
from ucj.subsidy.scenario import ScenarioError, decode


def saved(con: duckdb.DuckDBPyConnection, kode_kab: str) -> dict[str, str]:
    """Name → encoded scenario of the region, newest first."""
    rows = run_query(con, "subsidy_saved_scenarios", kode_kab=kode_kab)
    return dict(zip(rows["name"], rows["encoded"]))


def save(con: duckdb.DuckDBPyConnection, encoded: str, book: RuleBook, *, actor: str, now: dt.datetime) -> str:
    """Store the scenario under its own name (replacing one of that name) and return the name."""
    scenario = decode(encoded, book)  # an unreadable scenario raises ScenarioError before anything is written
    name = (scenario.name or "").strip()
    if not name:
        raise ScenarioError("err.scenario_unnamed")
    if not scenario.region:
        raise ScenarioError("err.scenario_no_region")
    guard.require(con, actor, scenario.region)
    before = saved(con, scenario.region)
    execute(
        con,
        "scenario_save",
        kode_kab=scenario.region,
        scenario_name=name,
        encoded=encoded,
        saved_by=actor,
        saved_at=now,
    )
    audit.record(
        con,
        actor=actor,
        action="scenario_replace" if name in before else "scenario_save",
        target_table="saved_scenario",
        detail=f"{scenario.region}: {name}",
        rows_before=len(before),
        rows_after=len(before) + (name not in before),
    )
    return name


def delete(con: duckdb.DuckDBPyConnection, kode_kab: str, name: str, *, actor: str) -> None:
    """Remove a saved scenario; a name that is not there is a ScenarioError."""
    guard.require(con, actor, kode_kab)
    before = saved(con, kode_kab)
    if name not in before:
        raise ScenarioError("err.scenario_not_saved", name=name)
    execute(con, "scenario_delete", kode_kab=kode_kab, scenario_name=name)
    audit.record(
        con,
        actor=actor,
        action="scenario_delete",
        target_table="saved_scenario",
        detail=f"{kode_kab}: {name}",
        rows_before=len(before),
        rows_after=len(before) - 1,
    )
