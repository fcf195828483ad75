"""Accounts scoped to areas: the rule, setting a scope, and every write refusing what lies outside it."""

from __future__ import annotations

import datetime as dt
import io

import duckdb
import pytest

from tests.data_support import NOW, PARTICIPANTS_HEADER, PASSWORD, SECRET, checksums, csv_bytes
from ucj.auth import AccountError
from ucj.auth.__main__ import main
from ucj.auth.accounts import accounts, create_user, set_role, set_scope
from ucj.auth.guard import OutOfScope
from ucj.auth.scope import covers, first_outside, opens, parse
from ucj.auth.scope_store import scope_of
from ucj.collab.rules import ActionDraft
from ucj.collab.store import add_action
from ucj.db import run_query
from ucj.imports.kind import Request
from ucj.imports.problems import ImportRejected
from ucj.imports.rollback import roll_back
from ucj.imports.store import commit
from ucj.subsidy import scenario_store
from ucj.subsidy.cost import Line
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import Scenario, encode
from ucj.workspace.regions import add_kabkota

P = PARTICIPANTS_HEADER
PADANG_KEC = [f"13.71.{i:02d}" for i in range(1, 12)]
ALL_PADANG = csv_bytes([P, *[[k, 2030, 7, "BPU", "aktif", 100 + i] for i, k in enumerate(PADANG_KEC)]])
ONE_KEC = csv_bytes([P, ["13.71.01", 2030, 8, "BPU", "aktif", 70], ["13.71.01", 2030, 8, "BPU", "terdaftar", 90]])


@pytest.mark.parametrize(
    ("scope", "kode", "expected"),
    [
        ((), "13.71", True),  # no scope: the whole workspace
        ((), "35.09.11.2004", True),
        (("35.09",), "35.09", True),
        (("35.09",), "35.09.11", True),
        (("35.09",), "35.09.11.2001", True),
        (("35.09",), "35.091", False),  # a longer code is not under it
        (("35.09",), "35.0", False),
        (("35.09",), "35.74", False),
        (("35.09.11",), "35.09.11.2004", True),  # a kecamatan scope covers its desa
        (("35.09.11",), "35.09.11", True),
        (("35.09.11",), "35.09", False),  # … but not its kab/kota
        (("35.09.11",), "35.09.12", False),
        (("35.09.11",), "35.09.110", False),
        (("35.09.11", "13.71"), "13.71.05", True),
        (("35.09.11", "13.71"), "13.03", False),
    ],
)
def test_a_scope_covers_its_areas_and_what_lies_under_them(scope, kode, expected):
    assert covers(scope, kode) is expected


@pytest.mark.parametrize(
    ("scope", "kode_kab", "expected"),
    [
        ((), "13.03", True),
        (("13.71",), "13.71", True),
        (("13.71",), "13.03", False),
        (("35.09.11",), "35.09", True),  # a kecamatan scope opens its kab/kota
        (("35.09.11",), "35.74", False),
        (("35.09.11", "35.74"), "35.74", True),
    ],
)
def test_which_kab_kota_a_scope_opens(scope, kode_kab, expected):
    assert opens(scope, kode_kab) is expected


@pytest.mark.parametrize(
    ("scope", "kode_kab", "areas", "expected"),
    [
        ((), "13.03", None, None),
        (("13.71",), "13.71", None, None),
        (("13.71",), "13.03", None, -1),
        (("13.71.01",), "13.71", None, -1),  # a change of the whole kota needs the kota
        (("13.71.01",), "13.71", ["13.71.01", "13.71.01"], None),
        (("13.71.01",), "13.71", ["13.71.01", "13.71.02", "13.71.03"], 1),  # the first row outside
        (("13.71.01",), "13.71", ["13.71"], 0),  # a kota total is not the kecamatan's
        (("13.71.01",), "13.03", ["13.03.01"], -1),
        (("13.71",), "13.71", [], None),
    ],
)
def test_where_a_write_breaks_the_scope(scope, kode_kab, areas, expected):
    assert first_outside(scope, kode_kab, areas) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", ()), ("  ", ()), ("35.09.11, 13.71", ("13.71", "35.09.11")), ("13.71;13.71 13.03", ("13.03", "13.71"))],
)
def test_codes_typed_by_an_admin(text, expected):
    assert parse(text) == expected


@pytest.fixture(autouse=True)
def _fast(fast_hashing: None) -> None:
    """Argon2 with tiny parameters."""


def _user(db, name: str, scope: tuple[str, ...] = (), role: str = "editor") -> None:
    with db.writer() as con:
        create_user(con, name, PASSWORD, role, actor="admin1", scope=scope)


def _import(db, actor: str, data: bytes, kode_kab: str = "13.71"):
    with db.writer() as con:
        return commit(con, Request("participants", kode_kab, "juli.csv", data), actor, SECRET)


def test_a_scope_is_stored_checked_and_audited(db):
    _user(db, "padang1", ("13.71",))
    with db.writer() as con:
        assert scope_of(con, "padang1") == ("13.71",)
        with pytest.raises(AccountError) as exc:
            create_user(con, "salah1", PASSWORD, "editor", actor="admin1", scope=("13.71", "99.99"))
        assert (exc.value.code, exc.value.params) == ("unknown_area", {"area": "99.99"})
        with pytest.raises(AccountError) as exc:
            create_user(con, "kepala1", PASSWORD, "admin", actor="admin1", scope=("13.71",))
        assert exc.value.code == "admin_scoped"
        set_scope(con, "padang1", ("13.71.01", "35.09.11"), actor="admin1")
        assert scope_of(con, "padang1") == ("13.71.01", "35.09.11")
        listed = accounts(con).set_index("username")
        log = run_query(con, "audit_log_entries")
    assert listed.at["padang1", "scope"] == "13.71.01, 35.09.11"
    assert [tuple(r) for r in log[["action", "detail"]].head(2).itertuples(index=False)] == [
        ("set_scope", "akun padang1: wilayah 13.71 → 13.71.01, 35.09.11"),
        ("create_user", "akun padang1 dibuat, peran editor, wilayah 13.71"),
    ]


def test_an_admin_is_never_scoped(db):
    _user(db, "naik1", ("13.71",))
    with db.writer() as con:
        set_role(con, "naik1", "admin", actor="admin1", now=NOW)
        assert scope_of(con, "naik1") == ()
        with pytest.raises(AccountError) as exc:
            set_scope(con, "naik1", ("13.71",), actor="admin1")
    assert exc.value.code == "admin_scoped"


def test_an_editor_of_one_kota_cannot_import_for_another(db, data_db):
    _user(db, "padang1", ("13.71",))
    sijunjung = csv_bytes([P, ["13.03.01", 2030, 7, "BPU", "aktif", 5]])
    before = checksums(data_db)
    with pytest.raises(ImportRejected) as exc:
        _import(db, "padang1", sijunjung, kode_kab="13.03")
    assert checksums(data_db) == before  # nothing stored, not even an audit entry
    (problem,) = exc.value.problems
    assert problem.text() == "juli.csv: Akun ini hanya boleh mengubah data Kota Padang."
    assert _import(db, "padang1", ALL_PADANG).stored_rows == 12  # its own kota is open to it


def test_an_editor_of_one_kecamatan_cannot_import_a_row_of_another(db, data_db):
    _user(db, "kec1", ("13.71.01",))
    before = checksums(data_db)
    with pytest.raises(ImportRejected) as exc:
        _import(db, "kec1", ALL_PADANG)
    assert checksums(data_db) == before
    (problem,) = exc.value.problems
    assert (problem.code, problem.row, problem.column) == ("out_of_scope", 3, "kecamatan")  # 13.71.02, row 3
    with db.reading() as con:
        name = run_query(con, "auth_scope_areas").set_index("kode").at["13.71.01", "nama"]
    assert f"hanya boleh mengubah data Kec. {name}" in problem.text()
    done = _import(db, "kec1", ONE_KEC)
    with db.reading() as con:
        log = run_query(con, "audit_log_entries").iloc[0]
    assert (log["actor"], log["action"], log["actor_scope"]) == ("kec1", "import", "13.71.01")
    assert done.stored_rows == 2


def test_an_unscoped_editor_is_unaffected_and_a_kecamatan_editor_cannot_roll_back_a_whole_kota(db, data_db):
    _user(db, "semua1")
    _user(db, "kec1", ("13.71.01",))
    done = _import(db, "semua1", ALL_PADANG)
    with db.reading() as con:
        assert run_query(con, "audit_log_entries").iloc[0]["actor_scope"] is None
    before = checksums(data_db)
    with pytest.raises(ImportRejected) as exc:
        roll_back(db, "13.71", done.import_id, "kec1")
    assert checksums(data_db) == before
    assert exc.value.problems[0].text().startswith("juli.csv: Akun ini hanya boleh mengubah data Kec. ")
    roll_back(db, "13.71", done.import_id, "semua1")


def test_a_kecamatan_editor_rolls_back_its_own_rows(db):
    _user(db, "kec1", ("13.71.01",))
    done = _import(db, "kec1", ONE_KEC)
    roll_back(db, "13.71", done.import_id, "kec1")
    with db.reading() as con:
        assert run_query(con, "audit_log_entries").iloc[0]["action"] == "rollback"


def test_other_writes_outside_the_scope_are_refused(db, data_db):
    _user(db, "kec1", ("13.71.01",))
    _user(db, "sijunjung1", ("13.03",))
    scenario = Scenario(start=dt.date(2022, 1, 1), region="13.71", months=9, lines=(Line(None, "lainnya", "APBD", 9),))
    before = checksums(data_db)
    writes = [
        lambda con: add_action(con, ActionDraft(kode_kab="13.71", title="Perda"), slug="padang", actor="kec1"),
        lambda con: scenario_store.save(con, encode(scenario.named("A")), load(), actor="sijunjung1", now=NOW),
        lambda con: add_kabkota(con, "35.15", "sijunjung1"),
    ]
    for change in writes:
        with pytest.raises(OutOfScope), db.writer() as con:
            change(con)
    assert checksums(data_db) == before
    with db.writer() as con:
        with pytest.raises(OutOfScope) as exc:
            add_action(con, ActionDraft(kode_kab="13.03", title="x"), slug="padang", actor="kec1")
        assert exc.value.message("en").startswith("This account may only change data of Kec. ")
        add_action(con, ActionDraft(kode_kab="13.03", title="Perda"), slug="sijunjung", actor="sijunjung1")


def test_cli_sets_a_scope_and_names_an_unknown_code(data_db, monkeypatch, capsys):
    def run(*args: str) -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        return main(["--db", str(data_db), *args])

    assert run("create-user", "--username", "kec1", "--role", "editor", "--scope", "13.71.01", "--password-stdin") == 0
    assert run("set-scope", "--username", "kec1", "--scope", "13.71.01,13.7") == 1
    assert "13.7 tidak dikenal" in capsys.readouterr().err
    assert run("set-scope", "--username", "kec1", "--scope", "13.71, 35.09.11") == 0
    with duckdb.connect(str(data_db), read_only=True) as con:
        found = con.execute("select kode_wilayah from user_scope where username = 'kec1' order by 1").fetchall()
    assert found == [("13.71",), ("35.09.11",)]
