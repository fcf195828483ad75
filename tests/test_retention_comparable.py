"""The measured cohort beside the calculator's projection, and its drop-out as the calculator's default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.apptest_support import open_app
from tests.retention_support import WULUHAN, add_dukuhdempok, add_extract, add_list, empty_db
from tests.test_retention_cohorts import SUBSIDY_2023
from tests.test_subsidy_page import PAGE, open_tab
from ucj import fmt
from ucj.db import run_query
from ucj.retention.comparable import Comparable, beside, comparable
from ucj.retention.extract import Extract
from ucj.subsidy.cost import Line
from ucj.subsidy.inputs import dropout_evidence
from ucj.subsidy.retention import default_evidence
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import Scenario, encode

pytestmark = pytest.mark.usefixtures("personal_key")
EXTRACT = Extract(1, "ekstrak.csv", dt.date(2024, 12, 20), "paid", True, 5)


def test_measured_points_sit_on_the_projections_months() -> None:
    months = pd.date_range("2025-01-01", periods=24, freq="MS").date
    projection = pd.DataFrame({"month": months, "active": range(1000, 976, -1)})
    curve = pd.DataFrame(
        {
            "k": [1, 3, 6, 12, 24],
            "observed": [4, 4, 4, 4, 0],
            "active": [3, 2, 2, 1, 0],
            "share": [0.75, 0.5, 0.5, 0.25, None],
        }
    )
    both = beside(projection, 1000, Comparable("list_after_subsidy", curve, EXTRACT))
    measured = both[both["series"] == "measured"]
    assert measured["month"].tolist() == [months[0], months[2], months[5], months[11]]  # k = 24 not yet seen
    assert measured["active"].tolist() == [750, 500, 500, 250]
    assert (both["series"] == "projected").sum() == 24
    assert beside(projection, 1000, None)["series"].eq("projected").all()


def _query(con: duckdb.DuckDBPyConnection):
    return lambda name, **params: run_query(con, name, **params)


def test_recipients_after_their_subsidy_are_the_default_drop_out() -> None:
    con = empty_db()
    con.execute("insert into region values ('13.71', 'padang', 'Kota Padang', 'kota', '13', 'Sumatera Barat', 1, true)")
    add_extract(con, 1, SUBSIDY_2023, dt.date(2024, 12, 20))
    add_list(con, 1, "Dinas Sosial", ["s1", "s2", "s3", "s4"], 2023)
    found = comparable(_query(con), "13.71")
    assert [c.kind for c in found] == ["list_after_subsidy", "bpu_registration"]
    evidence = dropout_evidence(_query(con), load(), "13.71")
    chosen = default_evidence(evidence)
    # Of the 4 recipients, 1 is still active 12 months after the subsidy ended: 1 − (1/4)^(1/12) a month.
    assert chosen.key == "measured:list_after_subsidy" and chosen.place == "Kota Padang"
    assert (chosen.start, chosen.end, chosen.steps) == (4, 1, 12)
    assert chosen.monthly_dropout == pytest.approx(1 - 0.25 ** (1 / 12))
    assert chosen.source == "ekstrak.csv (2024-12-20)"


def test_without_an_extract_the_published_default_stays() -> None:
    con = empty_db()
    assert comparable(_query(con), "13.71") == []


@pytest.fixture
def extract_db(data_db: Path, personal_key: None) -> Path:
    with duckdb.connect(str(data_db)) as con:
        add_dukuhdempok(con)
        add_list(con, 501, "Dinas Sosial", ["hSZ000", "hSZ100", "hST001"], 2023, "35.09", WULUHAN)
    return data_db


def test_the_calculator_shows_the_measured_cohort_and_takes_its_rate(extract_db: Path, db) -> None:
    plan = Scenario(start=dt.date(2026, 1, 1), region="35.09", lines=(Line(None, "petani", "APBD", 100),))
    at = open_tab(open_app("jember", page=PAGE, s=encode(plan)), "retention")
    radio = at.radio(key="kalk_dropout_choice")
    assert radio.value == "default"
    default_label = radio.options[0].replace("\\", "")  # labels are shown as plain text (markdown escaped)
    assert "terukur: penerima SK setelah subsidi berakhir" in default_label and "contoh sintetis" in default_label
    notes = [c.value for c in at.caption if "Titik terukur" in c.value]
    assert notes and "contoh_dukuhdempok.csv" in notes[0] and "contoh sintetis" in notes[0]
    # The projection runs at the measured rate: 3 of the SK's recipients → 2 after 6 months.
    after_12 = next(m.value for m in at.metric if m.label == "Masih aktif setelah 12 bulan")
    assert after_12 == fmt.number(int(100 * (1 - (1 - (2 / 3) ** (1 / 6))) ** 12 + 0.5))
