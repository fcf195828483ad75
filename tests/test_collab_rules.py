"""Rubric and scoring rules for a new round or action item, as tables of drafts → the problems found."""

from __future__ import annotations

import datetime as dt

import pytest

from ucj.collab.rules import (
    ActionDraft,
    Rejected,
    RoundDraft,
    action_problems,
    is_score,
    new_action_id,
    new_round_id,
    round_problems,
)

TODAY = dt.date(2026, 11, 23)
INDICATORS = ["par_regulation", "par_performance", "par_innovation", "par_leadership"]
FULL = {"par_regulation": 3, "par_performance": 2, "par_innovation": 4, "par_leadership": 5}


def draft(**changes) -> RoundDraft:
    fields = {"kode_kab": "13.71", "framework_id": "paritrana", "round_date": TODAY, "scores": FULL} | changes
    return RoundDraft(**fields)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, True), (5, True), (3, True), (0, False), (6, False), (-1, False), (3.0, False), (2.5, False),
     (True, False), ("3", False), (None, False)],
)  # fmt: skip
def test_a_score_is_a_whole_number_from_1_to_5(value, expected):
    assert is_score(value) is expected


@pytest.mark.parametrize(
    ("changes", "keys"),
    [
        ({}, []),
        ({"round_date": TODAY - dt.timedelta(days=400)}, []),
        ({"round_date": TODAY + dt.timedelta(days=1)}, ["kolab.err.future"]),
        ({"round_date": None}, ["kolab.err.no_date"]),
        ({"scores": FULL | {"par_regulation": 0}}, ["kolab.err.score_range"]),
        ({"scores": FULL | {"par_regulation": 6}}, ["kolab.err.score_range"]),
        ({"scores": FULL | {"par_regulation": 3.5}}, ["kolab.err.score_range"]),
        ({"scores": FULL | {"par_regulation": "5"}}, ["kolab.err.score_range"]),
        ({"scores": FULL | {"par_regulation": None}}, ["kolab.err.missing"]),
        ({"scores": {k: v for k, v in FULL.items() if k != "par_leadership"}}, ["kolab.err.missing"]),
        ({"scores": {}}, ["kolab.err.missing"]),
        ({"scores": FULL | {"cgr_leadership": 3}}, ["kolab.err.unknown"]),
        ({"stakeholder_id": "jember_desa"}, ["kolab.err.stakeholder"]),
        ({"stakeholder_id": "padang_dinsos"}, []),
        (
            {
                "round_date": TODAY + dt.timedelta(days=30),
                "scores": FULL | {"par_innovation": 9, "par_leadership": None},
            },
            ["kolab.err.future", "kolab.err.missing", "kolab.err.score_range"],
        ),
    ],
)
def test_round_rules(changes, keys):
    problems = round_problems(draft(**changes), INDICATORS, TODAY, stakeholder_ids=["padang_dinsos"])
    assert [p.key for p in problems] == keys


def test_an_unknown_framework_is_named():
    problems = round_problems(draft(framework_id="swot"), [], TODAY)
    assert [p.key for p in problems] == ["kolab.err.framework"]
    assert "swot" in problems[0].message("id")


LATE = {"round_date": dt.date(2026, 12, 1)}


@pytest.mark.parametrize(
    ("changes", "lang", "expected"),
    [
        ({"scores": FULL | {"par_innovation": 7}}, "id", "Skor par_innovation harus bilangan bulat 1–5, bukan 7."),
        (
            {"scores": FULL | {"par_innovation": 7}},
            "en",
            "The score for par_innovation must be a whole number from 1 to 5, not 7.",
        ),
        (
            {"scores": FULL | {"par_leadership": None}},
            "id",
            "Setiap indikator harus dinilai; belum ada skor untuk: par_leadership.",
        ),
        (
            LATE,
            "id",
            "Tanggal putaran 1 Desember 2026 belum terjadi (hari ini 23 November 2026); "
            "putaran hanya untuk penilaian yang sudah dilakukan.",
        ),
        (
            LATE,
            "en",
            "The round date 1 December 2026 is in the future (today is 23 November 2026); "
            "a round records an assessment already made.",
        ),
    ],
)
def test_messages_say_what_is_wrong_in_the_readers_language(changes, lang, expected):
    (problem,) = round_problems(draft(**changes), INDICATORS, TODAY)
    assert problem.message(lang) == expected


def test_rejected_carries_every_message():
    problems = round_problems(draft(round_date=None, scores={}), INDICATORS, TODAY)
    rejected = Rejected(problems)
    assert len(rejected.messages("en")) == 2
    assert "Tanggal putaran wajib diisi" in str(rejected)


@pytest.mark.parametrize(
    ("changes", "keys"),
    [
        ({}, []),
        ({"title": "   "}, ["kolab.err.title"]),
        ({"status": "closed"}, ["kolab.err.status"]),
        ({"horizon": "someday"}, ["kolab.err.horizon"]),
        ({"horizon": "long", "status": "in_progress"}, []),
        ({"indicator_id": "cgr_leadership"}, []),
        ({"indicator_id": "made_up"}, ["kolab.err.unknown"]),
        ({"owner_stakeholder_id": "padang_pemko"}, []),
        ({"owner_stakeholder_id": "sijunjung_bupati"}, ["kolab.err.stakeholder"]),
    ],
)
def test_action_rules(changes, keys):
    action = ActionDraft(**({"kode_kab": "13.71", "title": "Perbarui data pekerja informal"} | changes))
    problems = action_problems(action, indicator_ids=["cgr_leadership"], stakeholder_ids=["padang_pemko"])
    assert [p.key for p in problems] == keys


@pytest.mark.parametrize(
    ("taken", "expected"),
    [
        ([], "padang_cgr_20261123"),
        (["padang_cgr_r1"], "padang_cgr_20261123"),
        (["padang_cgr_20261123"], "padang_cgr_20261123_2"),
        (["padang_cgr_20261123", "padang_cgr_20261123_2"], "padang_cgr_20261123_3"),
    ],
)
def test_new_round_ids_never_reuse_one(taken, expected):
    assert new_round_id("padang", "cgr", TODAY, taken) == expected


@pytest.mark.parametrize(
    ("taken", "expected"),
    [
        ([], "jember_m001"),
        (["jember_a01", "jember_a05"], "jember_m001"),
        (["jember_m001", "jember_m007", "padang_m020"], "jember_m008"),
        (["jember_mx"], "jember_m001"),
    ],
)
def test_new_action_ids_follow_the_highest(taken, expected):
    assert new_action_id("jember", taken) == expected
