"""The collaboration seeds as data contracts: complete rubrics, a cited first round per region, quotes that
really are in the texts, and no personal names or contacts."""

from __future__ import annotations

import csv
import re

import duckdb
import pytest

from ucj.paths import ROOT, SEED

# The research texts sit beside the repository (see README); the quote check needs them.
TEXTS = ROOT.parent / "shared" / "seeds"
REGION_TEXT = {"13.71": "trimaulina2025", "13.03": "wibowo2024", "35.74": "indrawati_natsir", "35.09": "pristanti_dkk"}
# The frameworks each text itself uses, plus the Paritrana-style check that compares all four.
FIRST_ROUNDS = {
    "13.71": {"cgr", "paritrana"},
    "13.03": {"ansell_gash", "paritrana"},
    "35.74": {"ansell_gash", "factors", "paritrana"},
    "35.09": {"jones", "paritrana"},
}
COLLAB_SEEDS = (
    "framework", "framework_indicator", "rubric_level", "indicator_recommendation", "stakeholder",
    "stakeholder_need", "assessment_round", "assessment", "action_item",
)  # fmt: skip
# People the texts name (informants, officials, claimants): none may reach a seed. Authors are cited
# through source ids, which is not personal data.
PEOPLE = (
    "Khamsiardi", "Rahman", "Vinda", "Marchelly", "Mustika", "Nasehan", "Bangkit", "Sayekti", "Wiwit", "Sinaga",
    "Afifah", "Adita", "Benny", "Iraddatillah", "Agus Hamid", "Erfan", "Hadi Suwito", "Surateman", "Abdul Sampir",
)  # fmt: skip
CONTACT_LIKE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+62|\b0)8\d[\d\s-]{6,}")


@pytest.fixture(scope="module")
def con(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as connection:
        yield connection


def seed_rows(name: str) -> list[dict[str, str]]:
    with (SEED / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_indicator_has_a_rubric_of_exactly_five_levels(con):
    bad = con.execute(
        """
        select i.indicator_id, list(r.level order by r.level) as levels
        from framework_indicator as i left join rubric_level as r using (indicator_id)
        group by all having list(r.level order by r.level) <> [1, 2, 3, 4, 5]
        """
    ).fetchall()
    assert bad == []


def test_indicators_are_numbered_one_to_n_within_their_framework(con):
    bad = con.execute(
        "select framework_id from framework_indicator group by all "
        "having list(position order by position) <> range(1, count(*) + 1)"
    ).fetchall()
    assert bad == []


def test_every_indicator_carries_a_research_recommendation(con):
    assert (
        con.execute(
            "select indicator_id from framework_indicator anti join indicator_recommendation using (indicator_id)"
        ).fetchall()
        == []
    )


@pytest.mark.parametrize(("kode_kab", "frameworks"), FIRST_ROUNDS.items())
def test_each_region_has_a_first_round_derived_from_its_own_text(con, kode_kab, frameworks):
    found = con.execute(
        "select framework_id, kind, source_id from assessment_round where kode_kab = ? and kind = 'derived'", [kode_kab]
    ).fetchall()
    assert {f for f, _, _ in found} == frameworks
    assert {s for _, _, s in found} == {REGION_TEXT[kode_kab]}


def test_every_round_scores_every_indicator_of_its_framework(con):
    gaps = con.execute(
        """
        select r.round_id, i.indicator_id
        from assessment_round as r join framework_indicator as i using (framework_id)
        anti join assessment as a on a.round_id = r.round_id and a.indicator_id = i.indicator_id
        """
    ).fetchall()
    assert gaps == []
    strays = con.execute(
        "select a.round_id from assessment as a join assessment_round as r using (round_id) "
        "join framework_indicator as i using (indicator_id) where i.framework_id <> r.framework_id"
    ).fetchall()
    assert strays == []


def test_derived_scores_cite_where_in_the_text(con):
    assert con.execute(
        "select count(*) from assessment join assessment_round using (round_id) "
        "where kind = 'derived' and (coalesce(document_ref, '') = '' or coalesce(evidence, '') = '')"
    ).fetchone() == (0,)


@pytest.mark.parametrize("kode_kab", REGION_TEXT)
def test_stakeholders_cite_their_regions_text_and_needs_stay_in_the_region(con, kode_kab):
    sources = con.execute("select distinct source_id from stakeholder where kode_kab = ?", [kode_kab]).fetchall()
    assert sources == [(REGION_TEXT[kode_kab],)]
    assert con.execute(
        """
        select count(*) from stakeholder_need as n
        join stakeholder as a on a.stakeholder_id = n.needer_id
        join stakeholder as b on b.stakeholder_id = n.provider_id
        where n.kode_kab = ? and (a.kode_kab <> n.kode_kab or b.kode_kab <> n.kode_kab)
        """,
        [kode_kab],
    ).fetchone() == (0,)


def test_padang_staged_recommendations_are_action_items(con):
    staged = con.execute(
        "select horizon, count(*) from action_item where kode_kab = '13.71' and origin = 'research' "
        "and horizon is not null group by all order by all"
    ).fetchall()
    assert staged == [("long", 2), ("medium", 2), ("short", 2)]
    assert con.execute(
        "select count(distinct kode_kab) from action_item where origin = 'research' and status = 'open'"
    ).fetchone() == (4,)


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


@pytest.mark.skipif(not TEXTS.is_dir(), reason=f"the research texts are not at {TEXTS}")
@pytest.mark.parametrize(
    "name", ["stakeholder", "stakeholder_need", "assessment", "indicator_recommendation", "action_item"]
)
def test_every_quote_is_verbatim_in_its_text(name):
    files = {r["source_id"]: r["seed_file"] for r in seed_rows("source") if r["seed_file"]}
    texts = {sid: _normalised((TEXTS / f).read_text(encoding="utf-8")) for sid, f in files.items()}
    round_source = {r["round_id"]: r["source_id"] for r in seed_rows("assessment_round")}
    missing = [
        (row.get("source_id") or round_source[row["round_id"]], row["quote"][:60])
        for row in seed_rows(name)
        if row["quote"]
        and _normalised(row["quote"]) not in texts[row.get("source_id") or round_source[row["round_id"]]]
    ]
    assert missing == []


@pytest.mark.parametrize("name", COLLAB_SEEDS)
def test_no_personal_names_or_contacts_in_the_seeds(name):
    text = (SEED / f"{name}.csv").read_text(encoding="utf-8")
    assert [person for person in PEOPLE if person in text] == []
    assert CONTACT_LIKE.findall(text) == []


def test_the_contact_column_ships_empty():
    assert [r["stakeholder_id"] for r in seed_rows("stakeholder") if r["contact"]] == []
