"""Double registration on small lists whose overlaps are known, and the rupiah under the rule book."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.retention_support import Person, add_extract, add_list, empty_db, month
from ucj.db import run_query
from ucj.retention.double import by_payer, cover_cost, summary, with_cost
from ucj.subsidy.calendar import months
from ucj.subsidy.cost import contribution
from ucj.subsidy.rules import load

pytestmark = pytest.mark.usefixtures("personal_key")

BOOK = load()


def people() -> list[Person]:
    return [
        Person(
            "pu1", dt.date(2020, 1, 1), month("2024-06"), segment="PU", funding="PEMBERI_KERJA", kode_kec="13.71.02"
        ),
        Person("ds1", dt.date(2023, 3, 1), month("2024-06"), funding="APBDES"),
        Person("ap1", dt.date(2023, 3, 1), month("2024-06"), funding="APBD"),  # the list's own source: no double
        Person("old", dt.date(2020, 1, 1), month("2023-05"), funding="MANDIRI"),  # lapsed before the cover began
        Person("new", dt.date(2024, 3, 1), month("2024-06"), funding="MANDIRI"),  # registered after it began
    ]


@pytest.fixture
def con():
    con = empty_db()
    add_extract(con, 1, people(), dt.date(2024, 6, 30))
    # Dinsos 2024: pu1 (employer pays), ds1 (desa pays), ap1, old, new, d1, d2
    add_list(con, 1, "Dinas Sosial", ["pu1", "ds1", "ap1", "old", "new", "d1", "d2"])
    # Disnaker 2024, imported later: d1 and d2 again (d2 twice: a list holds each person once), and e1
    add_list(con, 2, "Disnaker", ["d1", "d2", "e1"], kode_kec="13.71.03")
    # Another Dinsos list: the same OPD twice is not a double across OPDs (Dinsos list 1 is not counted)
    add_list(con, 3, " dinas sosial", ["d1"])
    return con


def test_known_overlaps_are_found(con) -> None:
    rows = run_query(con, "retention_double_registration", kode_kab="13.71")
    costed = with_cost(rows, BOOK, "APBD", 2024).set_index(["list_id", "nik_hash"])
    doubles = set(costed.index[costed["double"]])
    # list 1: two already paid for by someone else; d1/d2 are on a later list, so list 1 paid first.
    # list 2: d1 and d2 were on Dinsos' list 1 before. list 3: d1 was on Disnaker's list 2 before.
    assert doubles == {(1, "pu1"), (1, "ds1"), (2, "d1"), (2, "d2"), (3, "d1")}
    assert dict(costed.loc[(1, "pu1"), ["payer"]]) == {"payer": "PEMBERI_KERJA"}
    assert costed.loc[(1, "d1"), "other_lists"] == 1 and not costed.loc[(1, "d1"), "double"]


def test_counts_and_rupiah_per_list_and_kecamatan(con) -> None:
    costed = with_cost(run_query(con, "retention_double_registration", kode_kab="13.71"), BOOK, "APBD", 2024)
    year_cost = sum(
        contribution(BOOK, m, "jkk_jkm", 1_000_000, "APBD", "other").total for m in months(dt.date(2024, 1, 1), 12)
    )
    assert year_cost == 12 * 16_800  # APBD pays the full JKK+JKM: PP 50/2025's discount is for self-payers
    per_list = summary(costed, ["list_id", "opd"]).set_index("list_id")
    assert per_list.loc[1, ["recipients", "already_active", "other_opd", "double"]].tolist() == [7, 2, 2, 2]
    assert per_list.loc[2, ["recipients", "double", "wasted_rp"]].tolist() == [3, 2, 2 * year_cost]
    assert per_list["wasted_rp"].sum() == 5 * year_cost
    per_kec = summary(costed, ["kode_kec"]).set_index("kode_kec")
    assert per_kec.loc["13.71.03", "double"] == 2 and per_kec.loc["13.71.01", "double"] == 3
    payers = by_payer(costed).set_index("payer")["persons"].to_dict()
    assert payers == {"APBDES": 1, "PEMBERI_KERJA": 1}


@pytest.mark.parametrize(
    ("year", "funding", "group", "want"),
    [
        (2024, "APBD", "petani", 12 * 16_800),
        # 2026: self-payers get PP 50/2025's half price from April; a subsidy source never does.
        (2026, "APBD", "ojek", 12 * 16_800),
        (2026, "SELF", "petani", 3 * 16_800 + 9 * 8_400),
    ],
)
def test_cover_cost_follows_the_rules_in_force(year: int, funding: str, group: str, want: int) -> None:
    assert cover_cost(BOOK, year, funding, group) == want


def test_a_list_with_no_extract_has_no_payer_but_still_its_cross_list_doubles() -> None:
    con = empty_db()
    add_list(con, 1, "Dinas Sosial", ["a", "b"])
    add_list(con, 2, "Disnaker", ["b"])
    rows = run_query(con, "retention_double_registration", kode_kab="13.71")
    costed = with_cost(rows, BOOK, "APBD", 2024)
    assert rows["payer"].isna().all()
    assert costed[costed["double"]][["list_id", "nik_hash"]].values.tolist() == [[2, "b"]]
