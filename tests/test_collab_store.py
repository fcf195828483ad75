"""Writing rounds and action items: rounds are append-only, every change lands with its audit entry or not at all."""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import pytest

from tests.data_support import rows
from ucj.collab import store
from ucj.collab.rules import ActionDraft, Rejected, RoundDraft
from ucj.collab.store import RoundExists, add_action, record_round, set_action_status
from ucj.db import Database, execute
from ucj.paths import QUERIES

TODAY = dt.date(2026, 11, 23)
PARITRANA = {"par_regulation": 3, "par_performance": 3, "par_innovation": 2, "par_leadership": 4}


@pytest.fixture
def db(own_db: Database) -> Database:
    """These tests write: a private copy of the test database."""
    return own_db


def snapshot(db: Database) -> dict[str, list[tuple]]:
    tables = ("assessment_round", "assessment", "audit_log", "action_item")
    return {table: rows(db, f"select * from {table} order by all") for table in tables}


def padang_round(**changes) -> RoundDraft:
    fields = {"kode_kab": "13.71", "framework_id": "paritrana", "round_date": TODAY, "scores": PARITRANA} | changes
    return RoundDraft(**fields)


def test_a_new_round_is_appended_with_its_scores_and_audit_entry(db):
    old = rows(db, "select * from assessment where round_id = 'padang_paritrana_r1' order by all")
    draft = padang_round(
        evidence={"par_regulation": "Ranperda masuk Propemperda 2027"}, document_ref="Notulen 12/2026", note="Rapat UCJ"
    )
    with db.writer() as con:
        round_id = record_round(con, draft, slug="padang", actor="penyunting-uji", today=TODAY)
    assert round_id == "padang_paritrana_20261123"
    (header,) = rows(
        db, "select kind, round_date, recorded_by, note, source_id from assessment_round where round_id = ?", round_id
    )
    assert header == ("entered", TODAY, "penyunting-uji", "Rapat UCJ", None)
    scores = dict(rows(db, "select indicator_id, score from assessment where round_id = ?", round_id))
    assert scores == PARITRANA
    evidence = rows(
        db,
        "select evidence, document_ref from assessment where indicator_id = 'par_regulation' and round_id = ?",
        round_id,
    )
    assert evidence == [("Ranperda masuk Propemperda 2027", "Notulen 12/2026")]
    assert rows(db, "select * from assessment where round_id = 'padang_paritrana_r1' order by all") == old
    (entry,) = rows(
        db,
        "select actor, action, target_table, detail, rows_before, rows_after from audit_log "
        "where action = 'assessment_round_add'",
    )
    assert entry == (
        "penyunting-uji",
        "assessment_round_add",
        "assessment_round",
        f"{round_id}: paritrana, 13.71, 4 skor",
        2,
        3,
    )


def test_a_second_round_on_the_same_day_gets_its_own_id(db):
    with db.writer() as con:
        first = record_round(con, padang_round(), slug="padang", actor="a", today=TODAY)
    with db.writer() as con:
        second = record_round(
            con, padang_round(scores=PARITRANA | {"par_leadership": 5}), slug="padang", actor="a", today=TODAY
        )
    assert (first, second) == ("padang_paritrana_20261123", "padang_paritrana_20261123_2")


def test_an_old_round_cannot_be_changed(db):
    """The append-only rule: rewriting the seeded Padang round with other scores is refused, nothing moves."""
    before = snapshot(db)
    rewrite = RoundDraft(
        kode_kab="13.71",
        framework_id="paritrana",
        round_date=dt.date(2025, 9, 30),
        scores={k: 5 for k in PARITRANA},
        round_id="padang_paritrana_r1",
    )
    with pytest.raises(RoundExists, match="padang_paritrana_r1"), db.writer() as con:
        record_round(con, rewrite, slug="padang", actor="penyunting-uji", today=TODAY)
    assert snapshot(db) == before


def test_the_database_refuses_a_second_write_of_a_round(db):
    with pytest.raises(duckdb.ConstraintException), db.writer() as con:
        execute(
            con,
            "collab_round_insert",
            round_id="padang_cgr_r1",
            kode_kab="13.71",
            framework_id="cgr",
            stakeholder_id=None,
            round_date=TODAY,
            note=None,
            recorded_by="x",
        )
    with pytest.raises(duckdb.ConstraintException), db.writer() as con:
        execute(
            con,
            "collab_score_insert",
            round_id="padang_cgr_r1",
            indicator_id="cgr_leadership",
            score=5,
            evidence=None,
            document_ref=None,
        )


_CHANGES_A_ROUND = re.compile(
    r"\b(update|delete\s+from|truncate(\s+table)?|drop\s+table|alter\s+table|insert\s+or\s+replace\s+into)\s+"
    r"(assessment|assessment_round)\b|on\s+conflict\b[^;]*\bdo\s+update",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", sorted((QUERIES / "write").glob("*.sql")), ids=lambda p: p.stem)
def test_no_write_statement_changes_or_removes_a_round(path):
    sql = re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))
    assert not _CHANGES_A_ROUND.search(sql)


def test_the_pattern_catches_what_it_must():
    for sql in (
        "update assessment set score = 5",
        "DELETE FROM assessment_round where round_id = 'x'",
        "truncate assessment",
        "insert or replace into assessment values (1)",
        "insert into assessment values (1) on conflict do update set score = 5",
    ):
        assert _CHANGES_A_ROUND.search(sql), sql
    assert not _CHANGES_A_ROUND.search("insert into assessment (round_id) values ($round_id)")


@pytest.mark.parametrize(
    ("draft", "key"),
    [
        (padang_round(round_date=TODAY + dt.timedelta(days=1)), "kolab.err.future"),
        (padang_round(scores=PARITRANA | {"par_innovation": 6}), "kolab.err.score_range"),
        (padang_round(scores={k: v for k, v in PARITRANA.items() if k != "par_leadership"}), "kolab.err.missing"),
        (padang_round(stakeholder_id="jember_desa"), "kolab.err.stakeholder"),
        (padang_round(framework_id="swot"), "kolab.err.framework"),
    ],
)
def test_an_invalid_round_writes_nothing(db, draft, key):
    before = snapshot(db)
    with pytest.raises(Rejected) as refused, db.writer() as con:
        record_round(con, draft, slug="padang", actor="a", today=TODAY)
    assert key in [p.key for p in refused.value.problems]
    assert snapshot(db) == before


def test_a_round_and_its_audit_entry_land_together_or_not_at_all(db, monkeypatch):
    before = snapshot(db)

    def audit_fails(*args, **kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(store.audit, "record", audit_fails)
    with pytest.raises(RuntimeError), db.writer() as con:
        record_round(con, padang_round(), slug="padang", actor="a", today=TODAY)
    assert snapshot(db) == before


def test_a_stakeholder_round_is_recorded_with_its_scope(db):
    with db.writer() as con:
        round_id = record_round(
            con, padang_round(stakeholder_id="padang_dinsos"), slug="padang", actor="a", today=TODAY
        )
    assert rows(db, "select stakeholder_id from assessment_round where round_id = ?", round_id) == [("padang_dinsos",)]


def test_an_action_is_added_and_its_status_changed_with_audit_entries(db):
    draft = ActionDraft(
        kode_kab="35.09",
        title="=Susun jadwal sosialisasi bersama kader",
        owner="Perisai Desa Dukuhdempok (dari kader Posyandu dan PKK)",
        owner_stakeholder_id="jember_perisai",
        due_date=dt.date(2026, 12, 15),
        horizon="short",
        indicator_id="jones_interpretation",
        meeting_ref="Notulen rapat desa 3/2026",
    )
    with db.writer() as con:
        action_id = add_action(con, draft, slug="jember", actor="penyunting-uji")
    assert action_id == "jember_m001"
    (item,) = rows(
        db, "select title, status, origin, due_date, created_by from action_item where action_id = ?", action_id
    )
    assert item == (
        "=Susun jadwal sosialisasi bersama kader",
        "open",
        "meeting",
        dt.date(2026, 12, 15),
        "penyunting-uji",
    )
    with db.writer() as con:
        before = set_action_status(con, "35.09", action_id, "in_progress", actor="penyunting-uji")
    assert before == "open"
    assert rows(db, "select status from action_item where action_id = ?", action_id) == [("in_progress",)]
    details = rows(db, "select action, detail from audit_log where target_table = 'action_item' order by audit_id")
    assert details == [
        ("action_item_add", f"{action_id}: =Susun jadwal sosialisasi bersama kader"),
        ("action_item_status", f"{action_id}: open → in_progress"),
    ]


@pytest.mark.parametrize(
    ("kode_kab", "action_id", "status", "key"),
    [
        ("13.71", "padang_a01", "finished", "kolab.err.status"),
        ("13.71", "jember_a01", "done", "kolab.err.no_action"),  # another region's item
        ("13.71", "padang_a99", "done", "kolab.err.no_action"),
    ],
)
def test_a_status_change_is_refused_when_it_makes_no_sense(db, kode_kab, action_id, status, key):
    before = snapshot(db)
    with pytest.raises(Rejected) as refused, db.writer() as con:
        set_action_status(con, kode_kab, action_id, status, actor="a")
    assert [p.key for p in refused.value.problems] == [key]
    assert snapshot(db) == before
