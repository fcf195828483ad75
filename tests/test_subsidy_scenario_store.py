"""Saved scenarios: stored under their name, replaced by the same name, removed, each audited."""

from __future__ import annotations

import datetime as dt

import pytest

from ucj.subsidy import scenario_store
from ucj.subsidy.cost import Line
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import Scenario, ScenarioError, encode

NOW = dt.datetime(2026, 11, 30, 9, 0)
CASE = Scenario(start=dt.date(2022, 1, 1), region="13.03", months=9, lines=(Line(None, "lainnya", "APBD", 1333),))


def _audit(con) -> list[tuple[str, int, int]]:
    rows = con.execute(
        "select action, rows_before, rows_after from audit_log where target_table = 'saved_scenario' order by audit_id"
    ).fetchall()
    return [tuple(r) for r in rows]


def test_save_replace_and_delete_are_audited(db):
    book = load()
    with db.writer() as con:
        assert scenario_store.save(con, encode(CASE.named(" Tahap I ")), book, actor="ani", now=NOW) == "Tahap I"
        scenario_store.save(con, encode(CASE.named("Tahap I")), book, actor="budi", now=NOW)  # same name
        scenario_store.save(con, encode(CASE.named("Tahap II")), book, actor="ani", now=NOW)
        assert list(scenario_store.saved(con, "13.03")) == ["Tahap I", "Tahap II"]
        assert scenario_store.saved(con, "13.71") == {}
        scenario_store.delete(con, "13.03", "Tahap I", actor="ani")
        assert list(scenario_store.saved(con, "13.03")) == ["Tahap II"]
        assert _audit(con) == [
            ("scenario_save", 0, 1),
            ("scenario_replace", 1, 1),
            ("scenario_save", 1, 2),
            ("scenario_delete", 2, 1),
        ]


@pytest.mark.parametrize(
    "encoded",
    [
        "bukan-skenario",  # damaged link text
        encode(CASE.named("")),  # no name
        encode(Scenario(start=dt.date(2022, 1, 1), months=9, lines=CASE.lines, name="Tanpa wilayah")),
    ],
)
def test_what_cannot_be_saved_is_refused_and_nothing_is_written(db, encoded):
    with pytest.raises(ScenarioError), db.writer() as con:
        scenario_store.save(con, encoded, load(), actor="ani", now=NOW)
    assert db.query("subsidy_saved_scenarios", kode_kab="13.03").empty


def test_deleting_a_name_that_is_not_there_says_so(db):
    with pytest.raises(ScenarioError, match="Tahap IX"), db.writer() as con:
        scenario_store.delete(con, "13.03", "Tahap IX", actor="ani")
