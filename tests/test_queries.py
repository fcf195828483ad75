"""Every query in queries/ runs against the test database with bound parameters and keeps its contract."""

from __future__ import annotations

import datetime as dt
import tomllib

import duckdb
import pytest

from ucj.db import query_names, query_params, run_query
from ucj.paths import QUERIES

CONTRACTS = tomllib.loads((QUERIES / "contracts.toml").read_text(encoding="utf-8"))
# A value for every parameter name a query may use; a new name needs a line here.
EXAMPLE_PARAMS: dict[str, object] = {
    "kode_kab": "13.71",
    "kode_kec": "13.71.01",
    "kode_desa": "35.09.11.2004",
    "kode_wilayah": "13.71",
    "level": "kecamatan",
    "segment": "ALL",
    "status": "active",
    "period": dt.date(2024, 6, 1),
    "month": dt.date(2024, 6, 1),
    "period_from": dt.date(2024, 1, 1),
    "period_to": dt.date(2024, 6, 1),
    "year": 2024,
    "today": dt.date(2026, 11, 23),
    "cohort_by": "month",
    "split": "segment",
    "anchor": "registration",
    "scope_by": "desa",
    "scope_key": "35.09.11.2004",
    "file_sha256": "0" * 64,
    "import_id": 1,
    "table_name": "participants",
}


@pytest.fixture(scope="module")
def con(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as connection:
        yield connection


@pytest.mark.parametrize("name", query_names())
def test_query_runs_with_bound_parameters(con, name):
    params = query_params(name)
    unknown = params - EXAMPLE_PARAMS.keys()
    assert not unknown, f"add an example value for {unknown} to EXAMPLE_PARAMS"
    run_query(con, name, **{p: EXAMPLE_PARAMS[p] for p in params})


def _check(frame, contract, what):
    key = contract.get("key", [])
    if key:
        duplicated = frame[frame.duplicated(subset=key, keep=False)]
        assert duplicated.empty, f"{what}: key {key} not unique:\n{duplicated.head()}"
    for column in contract.get("not_null", []):
        assert frame[column].notna().all(), f"{what}: {column} has empty values"
    for column in contract.get("units", {}):
        assert column in frame.columns, f"{what}: unit given for unknown column {column}"


@pytest.mark.parametrize("table", sorted(CONTRACTS["tables"]))
def test_table_contract(con, table):
    _check(con.execute(f'select * from "{table}"').df(), CONTRACTS["tables"][table], table)


@pytest.mark.parametrize("name", sorted(CONTRACTS["queries"]))
@pytest.mark.parametrize("kode_kab", ["13.71", "13.03", "35.74", "35.09"])
def test_query_contract_for_every_region(con, name, kode_kab):
    params = query_params(name)
    values = {p: EXAMPLE_PARAMS[p] for p in params} | ({"kode_kab": kode_kab} if "kode_kab" in params else {})
    _check(run_query(con, name, **values), CONTRACTS["queries"][name], name)


def test_every_contract_names_an_existing_query():
    assert set(CONTRACTS["queries"]) - set(query_names()) == set()


def test_every_query_has_a_contract():
    assert set(query_names()) - set(CONTRACTS["queries"]) == set()


def test_one_precedence_rule_for_every_kind(con):
    """An upload wins over a published figure, which wins over an estimate: stated once, in the schema."""
    rule = con.execute("select kind from kind_precedence order by precedence").fetchall()
    kinds = con.execute("select distinct kind from participants union select distinct kind from workforce").fetchall()
    assert [k for (k,) in rule] == ["upload", "published", "estimate"]
    assert {k for (k,) in kinds} <= {k for (k,) in rule}
