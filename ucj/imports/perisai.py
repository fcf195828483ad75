"""Perisai agents' monthly reports: participants an agent looks after, and how many of them paid."""

from __future__ import annotations

import re

from ucj.imports import values
from ucj.imports.columns import Column, squash
from ucj.imports.common_columns import AREA, MONTH, YEAR, with_period
from ucj.imports.kind import Context, ImportKind, insert_rows
from ucj.imports.problems import Problem
from ucj.imports.rows import Record

AGENT = Column("agent", ("kode agen", "agen", "inisial agen", "agen perisai", "agent", "agent code"), values.text, "SZ")
WADAH = Column("wadah", ("wadah", "organisasi", "organisation", "organization"), values.optional_text, "", False)
PARTICIPANTS = Column(
    "participants", ("jumlah peserta", "peserta", "peserta binaan", "participants"), values.count, "254"
)
PAYING = Column(
    "paying",
    ("peserta membayar", "membayar", "rutin membayar", "peserta rutin membayar", "paying", "paying participants"),
    values.count,
    "35",
)
_FULL_NAME = re.compile(r"^[^\W\d_]{3,}(\s+[^\W\d_]{3,})+$")


def paying_within_participants(records: list[Record], ctx: Context) -> list[Problem]:
    """Nobody pays who is not a participant; a full name where a code belongs is flagged (privacy)."""
    problems = []
    for r in records:
        if r["paying"] > r["participants"]:
            params = {"paying": r["paying"], "participants": r["participants"]}
            problems.append(Problem("paying_over_participants", ctx.file_name, r["row"], ctx.column(PAYING), params))
        if _FULL_NAME.match(r["agent"]):
            problems.append(Problem("agent_full_name", ctx.file_name, r["row"], ctx.column(AGENT), severity="warning"))
    return problems


def with_agent_key(record: Record) -> Record:
    return with_period(record) | {"agent_key": squash(record["agent"]).upper()}


KIND = ImportKind(
    key="perisai",
    table="perisai_agent",
    columns=(AGENT, WADAH, AREA, YEAR, MONTH, PARTICIPANTS, PAYING),
    identity=("kode_wilayah", "agent_key", "period"),
    checks=(paying_within_participants,),
    value="participants",
    shape=with_agent_key,
    write=insert_rows(
        "import_perisai", ("kode_wilayah", "agent_key", "agent", "wadah", "period", "participants", "paying")
    ),
)
