"""Setting up a Pemda's workspace: any kab/kota from the national list, by command or on the Data page,
with the demo read-only and untouched."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.apptest_support import map_data, open_app, sortable_tables
from tests.data_support import add_user, checksums, rows, signed_in
from ucj.db import Database, ReadOnly
from ucj.errors import Explained
from ucj.paths import ROOT
from ucj.workspace import national
from ucj.workspace.config import configured_workspace, target
from ucj.workspace.regions import add_kabkota

DEMO_REGIONS = ("13.71", "13.03", "35.74", "35.09")


@pytest.fixture
def workspace(own_db: Database) -> Database:
    return own_db


def listed(kode_kab: str, level: str):
    """The national list's areas of a kab/kota at `level`, read in full with pandas (not as the setup reads it)."""
    codes = national.codes()
    return codes[(codes["level"] == level) & (codes["kode_kab"] == kode_kab)].sort_values("kode")


def demo_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of the four research regions in the area and measure tables."""
    like = " or ".join(f"kode_wilayah like '{k}%'" for k in DEMO_REGIONS)
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            table: con.execute(f"select * from {table} where {like} order by all").fetchall()
            for table in ("population", "workforce", "participants", "target")
        } | {"region": con.execute("select * from region where is_demo order by all").fetchall()}


@pytest.mark.parametrize(
    ("kode", "lacking"),
    [("35.15", 0), ("13.12", 71), ("11.01", None)],  # Jatim; Pasaman Barat lacks 71 desa; Aceh has no desa file
)
def test_a_kabkota_gets_every_area_of_the_national_list(workspace, kode, lacking):
    listed_kec, listed_desa = listed(kode, "kecamatan"), listed(kode, "desa")
    issues = national.boundary_issues()
    missing = issues[(issues["issue"] == "missing_in_boundaries") & issues["kode"].str.startswith(kode + ".")]
    assert lacking is None or len(missing) == lacking  # what boundary_issues.csv reports for it
    desa_polygons = 0 if lacking is None else len(listed_desa) - lacking
    with workspace.writer() as con:
        added = add_kabkota(con, kode, "admin1")

    official = national.kabkota_row(kode)
    region = rows(workspace, "select nama, jenis, provinsi, luas_km2, is_demo from region where kode_kab = ?", kode)
    assert region == [(official["nama"], official["jenis"], official["provinsi"], official["luas_km2"], False)]
    kecamatan = rows(workspace, "select kode_kec, nama from kecamatan where kode_kab = ? order by 1", kode)
    assert kecamatan == list(zip(listed_kec["kode"], listed_kec["nama"]))
    desa = rows(workspace, "select kode_desa, nama from desa where kode_kec like ? order by 1", kode + ".%")
    assert desa == list(zip(listed_desa["kode"], listed_desa["nama"]))
    polygons = dict(rows(workspace, "select level, count(*) from boundary where kode like ? group by 1", kode + ".%"))
    assert polygons == {"kecamatan": len(listed_kec)} | ({"desa": desa_polygons} if desa_polygons else {})
    assert (added.kecamatan, added.desa, added.polygons) == (len(listed_kec), len(listed_desa), sum(polygons.values()))
    population = rows(workspace, "select year, persons, kind, source_id from population where kode_wilayah = ?", kode)
    assert population == [(2024, int(official["penduduk_total"]), "published", "dukcapil_2024")]
    (audit,) = rows(workspace, "select actor, action, detail from audit_log where action = 'add_region'")
    assert audit[:2] == ("admin1", "add_region") and official["nama"] in audit[2]


def test_every_stored_polygon_is_a_valid_geojson_geometry(workspace):
    with workspace.writer() as con:
        add_kabkota(con, "35.16", "admin1")
    shapes = rows(workspace, "select geojson from boundary where kode like '35.16.%'")
    assert shapes and all(json.loads(g)["type"] in ("Polygon", "MultiPolygon") for (g,) in shapes)


@pytest.mark.parametrize(("kode", "key"), [("35.09", "workspace.kab_present"), ("99.99", "workspace.unknown_kab")])
def test_a_kabkota_already_there_or_unknown_is_refused_and_nothing_changes(workspace, kode, key):
    before = checksums(workspace.path)
    with pytest.raises(Explained) as refused, workspace.writer() as con:
        add_kabkota(con, kode, "admin1")
    assert refused.value.key == key and kode in str(refused.value)
    workspace.close()
    assert checksums(workspace.path) == before


def test_the_demo_is_read_only(app_db):
    demo = Database(app_db, writable=False)
    with pytest.raises(ReadOnly, match="demo penelitian"), demo.writer():
        pass
    demo.close()


def test_configuration_names_the_workspace_else_the_demo(tmp_path, monkeypatch):
    config = tmp_path / "workspace.toml"
    monkeypatch.delenv("UCJ_WORKSPACE")
    assert target(config).is_demo
    config.write_text('[workspace]\npath = "pemda.duckdb"\n')
    assert target(config) == type(target(config))(tmp_path / "pemda.duckdb", is_demo=False)
    monkeypatch.setenv("UCJ_WORKSPACE", str(tmp_path / "lain.duckdb"))
    assert configured_workspace(config) == tmp_path / "lain.duckdb"  # the environment wins
    monkeypatch.setenv("UCJ_WORKSPACE", "")
    assert target(config).is_demo  # empty: none, the demo


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ucj.workspace", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_the_command_sets_up_a_workspace_and_names_it(tmp_path, demo_db):
    path, config = tmp_path / "pemda.duckdb", tmp_path / "workspace.toml"
    done = _cli("init", "--kab", "35.15", "--path", str(path), "--config", str(config))
    assert done.returncode == 0, done.stderr
    assert "35.15 Kabupaten Sidoarjo (sidoarjo): 18 kecamatan, 346 desa/kelurahan, 364 poligon" in done.stdout
    assert 'path = "pemda.duckdb"' in config.read_text()
    again = _cli("init", "--kab", "35.16", "--path", str(path), "--config", str(config))
    assert again.returncode == 2 and "add" in again.stderr
    added = _cli("add", "--kab", "35.16", "--kab", "35.17", "--path", str(path), "--config", str(config))
    assert added.returncode == 0, added.stderr
    with duckdb.connect(str(path), read_only=True) as con:
        kab = [k for (k,) in con.execute("select kode_kab from region where not is_demo order by 1").fetchall()]
    assert kab == ["35.15", "35.16", "35.17"]
    assert demo_rows(path) == demo_rows(demo_db)  # the research regions as the demo has them


def test_a_failed_add_stores_none_of_the_kabkota(tmp_path, demo_db):
    path = tmp_path / "pemda.duckdb"
    shutil.copy(demo_db, path)
    before = checksums(path)
    done = _cli("add", "--kab", "35.16", "--kab", "99.99", "--path", str(path), "--config", str(tmp_path / "c.toml"))
    assert done.returncode == 2 and "99.99" in done.stderr
    assert checksums(path) == before


def test_setting_up_sidoarjo_on_the_data_page(data_db, demo_db, fast_hashing):
    add_user(data_db, "admin1", "admin")
    at = signed_in("padang", "admin1")
    at.session_state["data_section"] = "Wilayah baru"
    at.run()
    options = at.selectbox(key="data_national_kab").options
    assert "35.15 Kabupaten Sidoarjo (Jawa Timur)" in options and len(options) == 514 - 4  # not the four already there
    at.selectbox(key="data_national_kab").select("35.15").run()
    at.button(key="data_national_add").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Kabupaten Sidoarjo tersimpan: 18 kecamatan, 346 desa/kelurahan")
    assert "Kabupaten Sidoarjo" in at.selectbox(key="region").options

    at = open_app("sidoarjo", page="views/map.py")
    assert map_data(at)["feature_group"].count('"kode"') == 18
    assert len(sortable_tables(at)[0]) == 18  # the ranking
    assert demo_rows(data_db) == demo_rows(demo_db)


def test_the_demo_offers_no_sign_in_and_says_how_to_set_up_a_workspace(app_db):
    at = open_app("padang", page="views/imports.py")
    assert "python -m ucj.workspace init --kab 35.15" in at.info[0].value
    assert "demo" in at.sidebar.caption[0].value.lower()
    assert not at.get("text_input") and not at.tabs
