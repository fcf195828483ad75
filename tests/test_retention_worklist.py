"""Worklists: who is 1, 2, 3+ months behind, longest lapsed first, who paid again; masked on screen,
in clear only in an editor's export, which the audit log records; and the agents' books over time."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import duckdb
import pandas as pd
import pytest

from tests.retention_support import Person, add_extract, empty_db, month
from ucj.db import Database, run_query
from ucj.membership.crypto import decrypt
from ucj.retention.worklist import band, band_counts, mask_kpj, record_export, table

pytestmark = pytest.mark.usefixtures("personal_key")

DESA = "13.71.01.1001"


def person(h: str, paid: str | None, desa: str = DESA, agent: str | None = "SZ") -> Person:
    return Person(
        h,
        dt.date(2022, 1, 1),
        month(paid) if paid else None,
        kode_desa=desa,
        agent=agent,
        name=f"Nama Lengkap {h.upper()}",
        kpj=f"1100000{h[-1]}0{h[-1]}",
    )


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = empty_db()
    earlier = [person("w1", "2024-03"), person("w2", "2024-03"), person("w3", "2024-01"), person("w4", "2024-01")]
    add_extract(
        con, 1, [*earlier, person("w5", None), person("w6", "2024-01", desa="13.71.01.1002")], dt.date(2024, 3, 31)
    )
    later = [
        person("w1", "2024-05"),  # 1 behind in June
        person("w2", "2024-04"),  # 2 behind
        person("w3", "2024-01"),  # 5 behind: 3+
        person("w4", "2024-06"),  # was 2 behind in March, paid up now: paid again
        person("w5", None),  # never paid: first on the list
        person("w6", "2024-03", desa="13.71.01.1002", agent="ST"),  # another desa and agent
        replace(person("w7", "2023-01"), status="meninggal"),  # died: nobody visits
    ]
    add_extract(con, 2, later, dt.date(2024, 6, 15))
    return con


@pytest.mark.parametrize(
    ("scope_by", "scope_key", "order"),
    [("desa", DESA, ["w5", "w3", "w2", "w1", "w4"]), ("agent", "ST", ["w6"]), ("agent", "XX", [])],
)
def test_longest_lapsed_first_and_paid_again(con, scope_by: str, scope_key: str, order: list[str]) -> None:
    rows = run_query(con, "retention_worklist", kode_kab="13.71", scope_by=scope_by, scope_key=scope_key)
    assert rows["nik_hash"].tolist() == order
    if scope_by == "desa":
        assert rows.set_index("nik_hash")["months_behind"].to_dict() == {"w5": 999, "w3": 5, "w2": 2, "w1": 1, "w4": 0}
        assert rows[rows["paid_again"]]["nik_hash"].tolist() == ["w4"]
        assert band_counts(rows) == {"1": 1, "2": 1, "3+": 2, "paid_again": 1}


@pytest.mark.parametrize(("months", "want"), [(0, ""), (1, "1"), (2, "2"), (3, "3+"), (40, "3+")])
def test_bands(months: int, want: str) -> None:
    assert band(months) == want


def test_screen_is_masked_and_only_the_export_is_in_clear(con) -> None:
    rows = run_query(con, "retention_worklist", kode_kab="13.71", scope_by="desa", scope_key=DESA)
    screen = table(rows, decrypt, "id", clear=False)
    export = table(rows, decrypt, "id", clear=True)
    on_screen = screen.to_csv()
    for h in ("w1", "w5"):
        assert f"Nama Lengkap {h.upper()}" not in on_screen
        assert f"Nama Lengkap {h.upper()}" in export.to_csv()
    assert "11000001" not in on_screen and "11000001" in export.to_csv()
    assert mask_kpj("11000001001") == "*********01"
    assert screen.iloc[0].tolist()[1] == "N*** L*** W***"  # names as initials, fixed width


def test_export_is_recorded_with_who_and_how_many(demo_db, tmp_path) -> None:
    path = tmp_path / "copy.duckdb"
    path.write_bytes(demo_db.read_bytes())
    db = Database(path)
    with db.writer() as con:
        record_export(con, "editor1", "agent", "SZ", 254)
    log = db.query("audit_log_entries")
    db.close()
    entry = log[log["action"] == "worklist_export"].iloc[0]
    assert entry["actor"] == "editor1" and "254 orang" in entry["detail"] and "agent=SZ" in entry["detail"]
    assert pd.notna(entry["changed_at"])


def test_agent_books_month_by_month() -> None:
    con = empty_db()
    first = [
        Person("a", dt.date(2023, 1, 10), month("2024-01"), agent="SZ"),
        Person("b", dt.date(2024, 2, 1), month("2024-03"), agent="SZ"),
        Person("c", dt.date(2023, 6, 1), month("2023-08"), agent="SZ"),
    ]
    add_extract(con, 1, first, dt.date(2024, 3, 31))
    second = [
        Person("a", dt.date(2023, 1, 10), month("2024-06"), agent="SZ"),  # back since April
        Person("b", dt.date(2024, 2, 1), month("2024-06"), agent="SZ"),
        Person("c", dt.date(2023, 6, 1), month("2023-08"), agent="SZ"),
    ]
    add_extract(con, 2, second, dt.date(2024, 6, 30))
    books = run_query(con, "retention_agent_books", kode_kab="13.71").set_index("month")
    assert len(books) == 24 and books.index.min() == pd.Timestamp(2022, 7, 1)
    columns = ["registered", "paying", "lapsed", "recovered"]
    expected = {
        dt.date(2023, 6, 1): [2, 2, 0, 0],
        dt.date(2023, 9, 1): [2, 1, 1, 0],
        dt.date(2024, 3, 1): [3, 1, 2, 0],
        dt.date(2024, 4, 1): [3, 2, 1, 1],
        dt.date(2024, 6, 1): [3, 2, 1, 0],
    }
    for day, want in expected.items():
        assert books.loc[pd.Timestamp(day), columns].tolist() == want, day
