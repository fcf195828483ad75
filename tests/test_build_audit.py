"""The data audit: each rule on small hand-made seed tables (one that keeps it, one that breaks it),
the shipped seeds pass it, and the build refuses a database that breaks it, naming the row."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ucj.build import build
from ucj.build.data_audit import RULES, AuditError, Tables, audit, read
from ucj.paths import SEED
from ucj.subsidy.rules import RULES_DIR, load

D = dt.date
FIGURE_COLUMNS = [
    "figure_id",
    "kode_wilayah",
    "indicator",
    "segment",
    "value",
    "value_low",
    "value_high",
    "unit",
    "period_start",
    "period_end",
    "period_text",
    "source_id",
    "locator",
    "quote",
    "note",
    "group_label",
]


def figure(figure_id: str, **values: object) -> dict[str, object]:
    """A published figure: Probolinggo-like participants unless told otherwise."""
    row: dict[str, object] = dict.fromkeys(FIGURE_COLUMNS)
    row |= {
        "figure_id": figure_id,
        "kode_wilayah": "35.74",
        "indicator": "participants_active",
        "segment": "ALL",
        "unit": "persons",
        "source_id": "s",
        "period_start": D(2023, 1, 1),
        "period_end": D(2023, 12, 31),
        "period_text": "(2023)",
    }
    return row | values


def measure(**values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "kode_wilayah": "35.74",
        "level": "kabupaten",
        "period": D(2023, 12, 1),
        "segment": "ALL",
        "status": "active",
        "persons": 46000,
        "kind": "published",
        "source_id": "s",
        "figure_id": "f",
        "method": None,
        "bound": None,
    }
    return row | values


def tables(figures: list[dict], table: str = "participants", rows: list[dict] = (), **more: object) -> Tables:
    return Tables(
        published_figure=pd.DataFrame(figures, columns=FIGURE_COLUMNS),
        measures={table: pd.DataFrame(list(rows))} if rows else {},
        **more,
    )


POINT = figure("f", value=46000)
LOWER = figure("f", value_low=46000, quote="mencakup 36 % atau lebih dari 46.000 pekerja")
SK = "SK No 131 tanggal 15 maret 2022 dan SK No 399 tanggal 19 oktober 2022"
PROGRAMME = {"programme_id": "p", "kode_kab": "13.03", "realised_rp": 201_549_600}

CASES = {
    "estimates_stay_estimates": (
        tables([POINT], rows=[measure()]),
        # a kecamatan share of the regional figure, relabelled as published by a build step
        tables([POINT], rows=[measure(kode_wilayah="35.74.01", level="kecamatan", persons=8382)]),
    ),
    "periods_match_their_sources": (
        tables([figure("f", value=14790, period_start=D(2022, 10, 19), period_end=D(2022, 10, 19), period_text=SK)]),
        tables([figure("f", value=14790, period_start=D(2022, 3, 15), period_end=D(2022, 12, 31), period_text=SK)]),
    ),
    "bounds_stay_bounds": (
        tables([LOWER], rows=[measure(bound="lower")]),
        tables([LOWER], rows=[measure()]),
    ),
    "derived_bounds_are_marked": (
        tables([LOWER], "workforce", [measure(kind="estimate", persons=127778, bound="lower", method="÷ 36 %")]),
        tables([LOWER], "workforce", [measure(kind="estimate", persons=127778, method="÷ 36 %")]),
    ),
    "series_keep_one_concept": (
        tables(
            [figure("a", indicator="workforce", value=426765), figure("b", indicator="labour_force", value=493647)],
            "workforce",
            [
                measure(figure_id="a", period=D(2023, 8, 1), persons=426765),
                measure(figure_id="b", period=D(2025, 1, 1), persons=493647, method="Konsep berganti: angkatan kerja"),
            ],
        ),
        tables(
            [figure("a", indicator="workforce", value=426765), figure("b", indicator="labour_force", value=493647)],
            "workforce",
            [
                measure(figure_id="a", period=D(2023, 8, 1), persons=426765),
                measure(figure_id="b", period=D(2025, 1, 1), persons=493647),
            ],
        ),
    ),
    "one_statement_one_figure": (
        tables(
            [figure("body", indicator="coverage_rate", value=36, unit="percent")],
            figure_discrepancy=pd.DataFrame(columns=["figure_a", "figure_b"]),
        ),
        tables(
            [
                figure("body", indicator="coverage_rate", value=36, unit="percent"),
                figure("abstract", indicator="coverage_rate", value=36, unit="percent", group_label="Abstrak"),
            ],
            figure_discrepancy=pd.DataFrame([{"figure_a": "body", "figure_b": "abstract"}]),
        ),
    ),
    "realised_only_where_stated": (
        tables(
            [figure("r", kode_wilayah="13.03", indicator="subsidy_realised_rp", value=201_549_600, unit="rupiah")],
            subsidy_programme=pd.DataFrame([PROGRAMME]),
        ),
        tables(
            [figure("b", kode_wilayah="13.03", indicator="subsidy_budget_rp", value=201_549_600, unit="rupiah")],
            subsidy_programme=pd.DataFrame([PROGRAMME]),
        ),
    ),
}


@pytest.fixture(scope="module")
def ambiguous_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped rules plus a row that makes a lookup ambiguous: one row names the worker group, the
    other the funding source, both equally specific and both in force in 2030."""
    folder = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(RULES_DIR, folder)
    with (folder / "bpu_contributions.csv").open("a", encoding="utf-8") as fh:
        fh.write("bpu.jkm.amount,other,*,7000,rupiah_per_month,2030-01-01,,PP x,y,false,test\n")
        fh.write("bpu.jkm.amount,*,CSR,7100,rupiah_per_month,2030-01-01,,PP x,y,false,test\n")
    return folder


CASES["rule_lookups_are_answered"] = (tables([POINT], rules=load()), None)  # the failing case needs a folder


def test_every_rule_has_its_cases():
    assert set(CASES) == set(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_passes_a_table_that_keeps_it(rule):
    assert RULES[rule](CASES[rule][0]) == []


@pytest.mark.parametrize("rule", sorted(set(RULES) - {"rule_lookups_are_answered"}))
def test_rule_names_the_row_that_breaks_it(rule):
    findings = RULES[rule](CASES[rule][1])
    assert findings, rule
    assert all(f.rule == rule and f.row and f.message for f in findings)


def test_an_ambiguous_rule_lookup_is_a_finding(ambiguous_rules):
    findings = RULES["rule_lookups_are_answered"](tables([POINT], rules=load(ambiguous_rules)))
    assert findings and all(f.row.startswith("bpu.jkm.amount 2030-01-01 CSR other") for f in findings)
    assert "AmbiguousRule" in findings[0].message


def test_the_shipped_seeds_and_rules_pass(demo_db):
    import duckdb

    with duckdb.connect(str(demo_db), read_only=True) as con:
        assert audit(read(con, load())) == []


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seed"
    shutil.copytree(SEED, folder)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / f"{name}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "named"),
    [
        # today's defect: the total of both SK enters the series at March 2022
        (
            "measures_from_figures",
            "participants,13.03,kabupaten,2022-10-01",
            "participants,13.03,kabupaten,2022-03-01",
            "participants 13.03 kabupaten 2022-03-01",
        ),
        # a build step relabelling Padang's PU midpoint as published
        (
            "measures_from_figures",
            "padang_pu_2024_01_06,midpoint,estimate",
            "padang_pu_2024_01_06,midpoint,published",
            "participants 13.71 kabupaten 2024-01-01 PU active published",
        ),
    ],
)
def test_build_refuses_a_database_that_breaks_the_audit(seed_copy, tmp_path, name, old, new, named):
    _edit(seed_copy, name, old, new)
    out = tmp_path / "refused.duckdb"
    with pytest.raises(AuditError) as refused:
        build(out=out, seed=seed_copy)
    assert named in str(refused.value)
    assert not out.exists() and not out.with_name(out.name + ".building").exists()
