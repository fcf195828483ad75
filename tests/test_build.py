"""The demo database build: boundaries join, estimates add up, published figures are there as printed."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from ucj.audit import record
from ucj.build import build
from ucj.db import Database
from ucj.paths import ROOT


@pytest.fixture(scope="module")
def con(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as connection:
        yield connection


def scalar(con, sql, *params):
    return con.execute(sql, list(params)).fetchone()[0]


def test_every_area_has_a_boundary_and_every_boundary_an_area(con):
    assert scalar(con, "select count(*) from kecamatan") == 11 + 8 + 5 + 31
    assert scalar(con, "select count(*) from desa") == 104 + 7
    orphans = con.execute(
        """
        select kode from boundary b where not exists (
            select 1 from kecamatan k where b.level = 'kecamatan' and k.kode_kec = b.kode
            union all select 1 from desa d where b.level = 'desa' and d.kode_desa = b.kode)
        union all select kode_kec from kecamatan k
            where not exists (select 1 from boundary b where b.level = 'kecamatan' and b.kode = k.kode_kec)
        union all select kode_desa from desa d
            where not exists (select 1 from boundary b where b.level = 'desa' and b.kode = d.kode_desa)
        """
    ).fetchall()
    assert orphans == []


def test_codes_nest(con):
    assert scalar(con, "select count(*) from kecamatan where not starts_with(kode_kec, kode_kab || '.')") == 0
    assert scalar(con, "select count(*) from desa where not starts_with(kode_desa, kode_kec || '.')") == 0


@pytest.mark.parametrize("table", ["workforce", "participants"])
def test_spread_estimates_add_up_exactly_to_their_totals(con, table):
    keys = "period, segment, status" if table == "participants" else "period"
    mismatches = con.execute(
        f"""
        with parent as (
            select kode_wilayah, {keys}, persons from {table} where level = 'kabupaten'
        ),
        children as (
            select left(kode_wilayah, 5) as kode_wilayah, {keys}, sum(persons) as persons, count(*) as n
            from {table} where level = 'kecamatan' and kind = 'estimate' group by all
        )
        select p.*, c.persons as spread from parent p join children c using (kode_wilayah, {keys})
        where p.persons <> c.persons
        """
    ).fetchall()
    assert mismatches == []
    spread_count = scalar(con, f"select count(*) from {table} where level = 'kecamatan' and kind = 'estimate'")
    assert spread_count > 0


def test_desa_estimates_add_up_to_their_kecamatan(con):
    mismatches = con.execute(
        """
        with kec as (select kode_wilayah, period, segment, status, persons from participants where level = 'kecamatan'),
        desa as (
            select left(kode_wilayah, 8) as kode_wilayah, period, segment, status, sum(persons) as persons
            from participants where level = 'desa' and kind = 'estimate' group by all
        )
        select * from kec join desa using (kode_wilayah, period, segment, status) where kec.persons <> desa.persons
        """
    ).fetchall()
    assert mismatches == []


def test_every_estimate_states_its_rule(con):
    for table in ("population", "workforce", "participants", "target"):
        assert scalar(con, f"select count(*) from {table} where kind = 'estimate' and coalesce(method, '') = ''") == 0


@pytest.mark.parametrize(
    ("figure_id", "value", "low", "high", "source_id"),
    [
        ("padang_workforce_2023_08", 426765, None, None, "trimaulina2025"),
        ("padang_participants_active_2024", 134249, None, None, "trimaulina2025"),
        ("padang_pu_2024_01_06", None, 95000, 98000, "trimaulina2025"),
        ("padang_bpu_2024_01", 3639, None, None, "trimaulina2025"),
        ("padang_bpu_2024_06", 2784, None, None, "trimaulina2025"),
        ("padang_vulnerable_planned_2024", 3670, None, None, "trimaulina2025"),
        ("padang_vulnerable_protected_2024_12", 349, None, None, "trimaulina2025"),
        ("sijunjung_2022_t1_workers", 1333, None, None, "wibowo2024"),
        ("sijunjung_2022_t1_budget", 201549600, None, None, "wibowo2024"),
        ("sijunjung_2022_t2_workers", 9416, None, None, "wibowo2024"),
        ("sijunjung_2022_t2_budget", 271588800, None, None, "wibowo2024"),
        ("sijunjung_sk2022_t2_registered", 9667, None, None, "wibowo2024"),
        ("sijunjung_2023_quota", 11616, None, None, "wibowo2024"),
        ("sijunjung_2023_02_09_registered", 13206, None, None, "wibowo2024"),
        ("sijunjung_2023_02_09_nonasn", 3790, None, None, "wibowo2024"),
        ("sijunjung_2023_02_09_rentan", 9416, None, None, "wibowo2024"),
        ("sijunjung_labour_force_2023", 122666, None, None, "wibowo2024"),
        ("probolinggo_vulnerable_protected_2023_12", 10372, None, None, "indrawati_natsir"),
        ("probolinggo_coverage_2023", 36, None, None, "indrawati_natsir"),
        ("probolinggo_participants_2023", None, 46000, None, "indrawati_natsir"),
        ("probolinggo_target_60", 60, None, None, "indrawati_natsir"),
        ("dukuhdempok_agent_sz_participants", 254, None, None, "pristanti_dkk"),
        ("dukuhdempok_agent_sz_paying", None, 30, 40, "pristanti_dkk"),
        ("dukuhdempok_agent_st_participants", 228, None, None, "pristanti_dkk"),
        ("dukuhdempok_agent_st_paying", None, 10, 15, "pristanti_dkk"),
    ],
)
def test_published_figures_are_present_with_their_citation(con, figure_id, value, low, high, source_id):
    row = con.execute(
        """
        select f.value, f.value_low, f.value_high, f.source_id, f.quote, s.short
        from published_figure f join source s using (source_id) where figure_id = ?
        """,
        [figure_id],
    ).fetchone()
    assert row is not None, figure_id
    assert row[:4] == (value, low, high, source_id)
    assert row[4], "a published figure carries the sentence that states it"
    assert row[5], "and a citation the screen can show"


def test_text_disagreements_are_kept_side_by_side(con):
    pairs = con.execute("select figure_a, figure_b from figure_discrepancy").fetchall()
    assert ("sijunjung_2022_t2_workers", "sijunjung_sk2022_t2_registered") in pairs


def test_padang_bpu_months_between_published_points_are_labelled_estimates(con):
    rows = con.execute(
        """
        select month(period), persons, kind from participants
        where kode_wilayah = '13.71' and segment = 'BPU' and level = 'kabupaten' order by period
        """
    ).fetchall()
    assert rows == [
        (1, 3639, "published"),
        (2, 3468, "estimate"),
        (3, 3297, "estimate"),
        (4, 3126, "estimate"),
        (5, 2955, "estimate"),
        (6, 2784, "published"),
    ]


def test_the_build_is_deterministic(tmp_path, demo_db):
    again = build(out=tmp_path / "again.duckdb").path
    with duckdb.connect(str(demo_db), read_only=True) as a, duckdb.connect(str(again), read_only=True) as b:
        for table in ("participants", "workforce", "population", "target", "boundary", "published_figure"):
            sql = f"select * from {table} order by all"
            assert a.execute(sql).fetchall() == b.execute(sql).fetchall(), table


def test_a_failed_build_leaves_the_previous_database_in_place(tmp_path):
    out = tmp_path / "db.duckdb"
    build(out=out)
    before = out.stat().st_mtime_ns
    bad_seed = tmp_path / "seed"
    bad_seed.mkdir()
    (bad_seed / "regions.csv").write_text("kode_kab,slug\n", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - any failure must leave the old file alone
        build(out=out, seed=bad_seed)
    assert out.stat().st_mtime_ns == before
    with duckdb.connect(str(out), read_only=True) as con:
        assert scalar(con, "select count(*) from region") == 4


def _build_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ucj.build", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_build_command_keeps_a_database_people_have_worked_in(tmp_path):
    path = tmp_path / "pemda.duckdb"
    assert _build_cli(str(path)).returncode == 0
    assert _build_cli(str(path)).returncode == 0  # untouched since built: a rebuild loses nothing
    db = Database(path)
    with db.writer() as con:
        record(con, actor="disnaker", action="import", target_table="participants", detail="juli.csv")
    db.close()

    refused = _build_cli(str(path))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert Database(path).query("local_changes")["changes"].iloc[0] == 1  # still there

    assert _build_cli(str(path), "--force").returncode == 0
    assert Database(path).query("local_changes")["changes"].iloc[0] == 0


def test_the_build_command_never_replaces_a_database_in_use(tmp_path):
    path = tmp_path / "dipakai.duckdb"
    assert _build_cli(str(path)).returncode == 0
    before = path.stat().st_mtime_ns
    holder = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
        "print('buka', flush=True); time.sleep(120)"
    )
    app = subprocess.Popen([sys.executable, "-c", holder, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline().strip() == "buka"  # as a running app holds it
        refused = _build_cli(str(path), "--force")
    finally:
        app.kill()
        app.wait()
    assert refused.returncode == 3 and "dipakai" in refused.stderr
    assert path.stat().st_mtime_ns == before
    assert _build_cli(str(path), "--force").returncode == 0  # the app stopped: now it may
