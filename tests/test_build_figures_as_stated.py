"""Every figure the issue found misdated, mis-bounded or mislabelled, as the sources state it in the
built database, and FIGURES.md describing the seed files that exist."""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import pandas as pd
import pytest

from ucj.paths import DATA, SEED

D = dt.date


@pytest.fixture(scope="module")
def con(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as connection:
        yield connection


def test_the_sk_total_counts_from_the_october_sk(con):
    """14.790 is the total of the SK of 15 March and of 19 October 2022: true from October, so the
    registered series starts there, not in March."""
    rows = con.execute(
        "select period, persons from participants where kode_wilayah = '13.03' and status = 'registered' order by 1"
    ).fetchall()
    assert rows == [(D(2022, 10, 1), 14790), (D(2023, 2, 1), 13206)]
    start = con.execute("select period_start from published_figure where figure_id = 'sijunjung_sk2022_total'")
    assert start.fetchone()[0] == D(2022, 10, 19)


def test_phase_one_keeps_its_stated_months_and_the_derived_months_are_a_discrepancy(con):
    months = con.execute("select months, realised_rp from subsidy_programme where programme_id = 'sijunjung_2022_t1'")
    assert months.fetchone() == (12, None)  # "masa tanggungan selama 12 bulan"; a budget is not a realisation
    pair = con.execute(
        """
        select a.value, b.value, b.note
        from figure_discrepancy d
        join published_figure a on a.figure_id = d.figure_a
        join published_figure b on b.figure_id = d.figure_b
        where a.figure_id = 'sijunjung_2022_cover_months'
        """
    ).fetchone()
    assert pair[:2] == (12, 9) and pair[2].startswith("DERIVED = 201,549,600 / (1,333 x 16,800)")


def test_more_than_46000_is_stored_as_a_bound_and_so_is_what_is_derived_from_it(con):
    rows = con.execute(
        """
        select 'participants' as tbl, level, kind, bound from participants where kode_wilayah like '35.74%'
        union all
        select 'workforce' as tbl, level, kind, bound from workforce where kode_wilayah like '35.74%'
        """
    ).df()
    assert set(rows["bound"]) == {"lower"}
    top = rows[rows["level"] == "kabupaten"]
    assert dict(zip(top["tbl"], top["kind"])) == {"participants": "published", "workforce": "estimate"}


def test_national_figures_cite_kemendagri_and_keep_its_target_apart_from_the_rpjmn(con):
    cited = con.execute("select figure_id, source_id from published_figure where kode_wilayah = 'ID'").df()
    assert "domain_brief" not in set(cited["source_id"])
    assert set(cited[cited["figure_id"].str.startswith("id_ucj")]["source_id"]) == {"kemendagri_ucj_2025_05"}
    targets = con.execute(
        "select year, value, figure_id from target where kode_wilayah = 'ID' order by year nulls first"
    ).fetchall()
    assert targets == [
        (None, 52.15, "id_ucj_target_kemendagri"),
        (2025, 32.15, "id_ucj_target_rpjmn_2025"),
        (2026, 34.99, "id_ucj_target_rkp_2026"),
        (2029, 43.92, "id_ucj_target_rpjmn_2029"),
        (2045, 99.5, "id_ucj_target_rpjpn_2045"),
    ]
    assert not con.execute("select count(*) from published_figure where source_id = 'domain_brief'").fetchone()[0]


def test_pp44_is_cited_as_last_amended_by_pp49_2023(con):
    short, title = con.execute("select short, title from source where source_id = 'pp44_2015'").fetchone()
    assert "PP 49/2023" in short and "Nomor 49 Tahun 2023" in title


FIGURES = (SEED / "FIGURES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(set(re.findall(r"`([a-z_]+)\.csv`", FIGURES))))
def test_figures_md_names_only_files_that_exist(name):
    """A seed file, or one of the reference files the seeds were taken from (data/reference, as shared/data)."""
    assert (SEED / f"{name}.csv").exists() or (DATA / "reference" / f"{name}.csv").exists(), name


@pytest.mark.parametrize(("name", "rows"), re.findall(r"\| `([a-z_]+)\.csv` \| (\d+) \|", FIGURES))
def test_figures_md_row_counts_are_the_files(name, rows):
    assert len(pd.read_csv(SEED / f"{name}.csv", dtype=str)) == int(rows)
