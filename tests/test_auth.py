"""Accounts and sign-in: argon2 hashes, roles, the last admin, back-off, sessions, settings, bootstrap."""

from __future__ import annotations

import datetime as dt
import io

import duckdb
import pandas as pd
import pytest
from argon2 import PasswordHasher

from tests.data_support import NOW, PASSWORD, SECRET
from ucj.auth import Account, AccountError, passwords
from ucj.auth.__main__ import main
from ucj.auth.accounts import accounts, bootstrap_admin, create_user, set_active, set_password, set_role
from ucj.auth.login import authenticate, end_session, session_row, session_state, touch
from ucj.auth.passwords import check_policy, hash_password, verify
from ucj.auth.settings import AccessSettings, load
from ucj.auth.throttle import failures_since_success, seconds_to_wait, wait_after
from ucj.db import Database, run_query
from ucj.secret import keyed_hash


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("pendek", "password_length"),
        ("x" * 257, "password_length"),
        ("aaaaaaaaaaaa", "password_weak"),
        ("penyunting1", "password_weak"),
    ],
)
def test_password_policy(password, code):
    with pytest.raises(AccountError) as exc:
        check_policy(password, "penyunting1")
    assert exc.value.code == code


@pytest.fixture(autouse=True)
def _fast(fast_hashing: None) -> None:
    """Every test but the one on the shipped parameters hashes with tiny argon2 parameters."""


def test_shipped_hasher_uses_the_recommended_parameters():
    shipped = PasswordHasher()
    assert (passwords.PasswordHasher().memory_cost, shipped.time_cost) == (65536, 3)
    assert passwords.hash_password.__module__ == "ucj.auth.passwords"


def test_hashes_are_argon2id_salted_and_verify():
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("$argon2id$") and first != second  # a fresh salt each time
    assert PASSWORD not in first
    assert verify(first, PASSWORD) == (True, False)
    assert verify(first, PASSWORD + "x") == (False, False)
    assert verify(None, PASSWORD) == (False, False)  # unknown user: same work, never a match
    assert verify("not a hash", PASSWORD) == (False, False)


@pytest.mark.parametrize(
    ("failures", "seconds"), [(0, 0), (2, 0), (3, 2), (4, 4), (5, 8), (10, 256), (12, 900), (40, 900)]
)
def test_back_off_doubles_up_to_a_cap(failures, seconds):
    assert wait_after(failures) == seconds


def _at(seconds: int) -> dt.datetime:
    return NOW + dt.timedelta(seconds=seconds)


def _attempts(*rows: tuple[str, str, int, str]) -> pd.DataFrame:
    """(username, client, seconds after NOW, outcome) rows as the auth_attempts query returns them."""
    frame = pd.DataFrame(rows, columns=["username", "session_key", "seconds", "outcome"])
    return frame.assign(attempted_at=NOW + pd.to_timedelta(frame["seconds"], unit="s")).drop(columns="seconds")


@pytest.mark.parametrize(
    ("attempts", "expected"),
    [
        (_attempts(), (0, None)),
        (_attempts(("a", "s", 0, "failed"), ("a", "s", 5, "failed")), (2, _at(5))),
        (_attempts(("a", "s", 0, "failed"), ("a", "s", 5, "ok"), ("a", "s", 9, "failed")), (1, _at(9))),
        (_attempts(("a", "s", 0, "failed"), ("a", "s", 5, "throttled")), (1, NOW)),
    ],
)
def test_failures_since_success(attempts, expected):
    assert failures_since_success(attempts) == expected


def _spread(count: int, name: str | None, client: str | None, every: int = 1) -> list[tuple[str, str, int, str]]:
    """`count` failures, one every `every` seconds; a None name or client is a fresh one each time."""
    return [(name or f"n{i}", client or f"c{i}", i * every, "failed") for i in range(count)]


@pytest.mark.parametrize(
    ("rows", "name", "client", "at", "wait"),
    [
        (_spread(3, "admin", "penyerang"), "admin", "penyerang", 3, 1),  # 2 s after the third failure (at 2 s)
        (_spread(3, "admin", "penyerang"), "admin", "penyerang", 4, 0),
        (_spread(3, "admin", "penyerang"), "admin", "admin-pc", 3, 0),  # another client is not held by the pair
        # 20 failures an hour from one client, whatever the names: it waits until the first is an hour old
        (_spread(20, None, "penyerang", every=60), "nama99", "penyerang", 1200, 2400),
        # 30 an hour against one account from fresh clients: a new client waits, a known client does not
        (_spread(30, "admin", None), "admin", "baru", 30, 3600 - 30),
        ([*_spread(30, "admin", None), ("admin", "admin-pc", -60, "ok")], "admin", "admin-pc", 30, 0),
        # 100 an hour overall (one password sprayed from fresh clients): a new client waits for any name
        (_spread(100, None, None), "lain", "baru", 100, 3600 - 100),
        (_spread(99, None, None), "lain", "baru", 100, 0),
        (_spread(30, "admin", None), "admin", "baru", 3600, 0),  # an hour later the budget is free again
    ],
    ids=["pair", "pair-free", "pair-other", "client", "account-new", "account-known", "global", "under", "hour"],
)
def test_throttle_budgets(rows, name, client, at, wait):
    assert seconds_to_wait(_attempts(*rows), name, client, _at(at)) == pytest.approx(wait)


def _row(**changes):
    row = {
        "active": True,
        "started_at": NOW - dt.timedelta(hours=1),
        "last_seen": NOW - dt.timedelta(minutes=5),
    }
    return row | changes


@pytest.mark.parametrize(
    ("row", "state"),
    [
        (_row(), "active"),
        (_row(last_seen=NOW - dt.timedelta(minutes=31)), "idle"),
        (_row(started_at=NOW - dt.timedelta(hours=13)), "too_old"),
        (_row(active=False), "unknown"),
        (None, "unknown"),
    ],
)
def test_session_state(row, state):
    assert session_state(row, NOW, AccessSettings(idle_minutes=30, max_hours=12)) == state


def test_roles():
    assert not Account("a", "viewer").can_edit
    assert Account("b", "editor").can_edit and not Account("b", "editor").is_admin
    assert Account("c", "admin").can_edit and Account("c", "admin").is_admin


def test_accounts_are_created_once_and_audited(db):
    with db.writer() as con:
        assert create_user(con, " Editor.Satu ", PASSWORD, "editor", "admin1") == "editor.satu"
        with pytest.raises(AccountError, match="user_exists"):
            create_user(con, "editor.satu", PASSWORD, "viewer", "admin1")
        for name, role, code in [
            ("x", "editor", "bad_username"),
            ("okname", "root", "bad_role"),
            ("a b c", "editor", "bad_username"),
        ]:
            with pytest.raises(AccountError, match=code):
                create_user(con, name, PASSWORD, role, "admin1")
        stored = con.execute("select password_hash from user_account").fetchone()[0]
        log = run_query(con, "audit_log_entries").iloc[0]
    assert stored.startswith("$argon2id$")
    assert (log["actor"], log["action"], log["rows_before"], log["rows_after"]) == ("admin1", "create_user", 0, 1)


def test_the_last_admin_cannot_be_demoted_or_disabled(db):
    with db.writer() as con:
        create_user(con, "admin1", PASSWORD, "admin", "test")
        with pytest.raises(AccountError, match="last_admin"):
            set_role(con, "admin1", "editor", "admin1", NOW)
        with pytest.raises(AccountError, match="last_admin"):
            set_active(con, "admin1", False, "admin1", NOW)
        create_user(con, "admin2", PASSWORD, "admin", "admin1")
        set_role(con, "admin1", "editor", "admin2", NOW)
        assert set(accounts(con)["role"]) == {"admin", "editor"}


def _login(db, name, password, key="sesi-a", now=NOW):
    with db.writer() as con:
        return authenticate(con, name, password, key, now, SECRET)


def test_sign_in_and_out(db):
    with db.writer() as con:
        create_user(con, "editor1", PASSWORD, "editor", "test")
    result = _login(db, "EDITOR1", PASSWORD)
    assert (result.outcome, result.account) == ("ok", Account("editor1", "editor"))
    with db.reading() as con:
        row = session_row(con, result.token)
        stored = con.execute("select token_hash from user_session").fetchone()[0]
    assert session_state(row, NOW, AccessSettings()) == "active"
    assert result.token not in stored  # only the token's hash is kept
    with db.writer() as con:
        touch(con, result.token, NOW + dt.timedelta(minutes=20))
        end_session(con, result.token, NOW + dt.timedelta(minutes=21))
        assert session_row(con, result.token) is None  # an ended session is gone for good


def test_a_touch_keeps_the_session_alive(db):
    with db.writer() as con:
        create_user(con, "editor1", PASSWORD, "editor", "test")
    token = _login(db, "editor1", PASSWORD).token
    later = NOW + dt.timedelta(minutes=25)
    with db.writer() as con:
        touch(con, token, later)
        assert session_state(session_row(con, token), later + dt.timedelta(minutes=25), AccessSettings()) == "active"
        assert session_state(session_row(con, token), later + dt.timedelta(minutes=31), AccessSettings()) == "idle"


def test_an_attacker_elsewhere_cannot_lock_the_admin_out(db):
    with db.writer() as con:
        create_user(con, "admin1", PASSWORD, "admin", "test")
    assert _login(db, "admin1", PASSWORD, key="admin-pc").outcome == "ok"
    # 40 wrong passwords for admin1 from 40 fresh clients within a minute
    tried = [_login(db, "admin1", "salah-salah-1", key=f"tab-{i}", now=_at(i)).outcome for i in range(40)]
    assert tried == ["failed"] * 30 + ["throttled"] * 10  # the account's hourly budget for new clients
    assert _login(db, "admin1", PASSWORD, key="admin-pc", now=_at(41)).outcome == "ok"  # the admin is not held


def test_one_client_cannot_spray_a_password_across_accounts(db):
    tried = [_login(db, f"orang{i}", "Rahasia2026!", key="sesi-x", now=_at(i)).outcome for i in range(25)]
    assert tried == ["failed"] * 20 + ["throttled"] * 5
    assert _login(db, "orang99", "Rahasia2026!", key="sesi-y", now=_at(26)).outcome == "failed"


def test_repeated_failures_back_off_per_client_and_account(db):
    with db.writer() as con:
        create_user(con, "editor1", PASSWORD, "editor", "test")
    outcomes = [_login(db, "editor1", "salah-salah-1", key="sesi-a").outcome for _ in range(3)]
    assert outcomes == ["failed"] * 3
    # the right password is not even checked while the back-off runs
    held = _login(db, "editor1", PASSWORD, key="sesi-a", now=_at(1))
    assert (held.outcome, held.token, held.wait_seconds) == ("throttled", None, 1)
    assert _login(db, "editor1", PASSWORD, key="sesi-b", now=_at(1)).outcome == "ok"  # another client is not held
    assert _login(db, "editor1", PASSWORD, key="sesi-a", now=_at(2)).outcome == "ok"
    assert _login(db, "editor1", "salah-salah-1", key="sesi-a", now=_at(3)).wait_seconds == 0  # success clears


def test_a_name_that_is_no_account_is_stored_only_as_a_keyed_hash(db):
    with db.writer() as con:
        create_user(con, "editor1", PASSWORD, "editor", "test")
    _login(db, "Sandi-Rahasia-Kepala", "x")  # a password typed into the name field
    _login(db, "editor1", "salah-salah-1")
    with db.reading() as con:
        names = {r[0] for r in con.execute("select username from login_attempt").fetchall()}
    assert names == {"editor1", "?" + keyed_hash(SECRET, "login-name", "sandi-rahasia-kepala")[:32]}


def test_disabled_accounts_and_changed_passwords_end_sessions(db):
    with db.writer() as con:
        create_user(con, "admin1", PASSWORD, "admin", "test")
        create_user(con, "editor1", PASSWORD, "editor", "test")
    token = _login(db, "editor1", PASSWORD).token
    with db.writer() as con:
        set_password(con, "editor1", "kata-sandi-baru-9", "admin1", NOW)
        assert session_row(con, token) is None
        set_active(con, "editor1", False, "admin1", NOW)
    assert _login(db, "editor1", "kata-sandi-baru-9", key="lain").outcome == "failed"


def test_bootstrap_admin_from_the_environment(db):
    env = {"UCJ_ADMIN_PASSWORD": "admin-pertama-123", "UCJ_ADMIN_USER": "kepala"}
    with db.writer() as con:
        assert bootstrap_admin(con, {}) is None
        assert bootstrap_admin(con, env) == "kepala"
        assert bootstrap_admin(con, env) is None  # only while there is no admin
        log = run_query(con, "audit_log_entries").iloc[0]
    assert (log["actor"], log["action"]) == ("bootstrap", "create_user")
    assert _login(db, "kepala", "admin-pertama-123").outcome == "ok"


def test_cli_creates_the_first_admin(data_db, monkeypatch, capsys):
    def run(*args: str, password: str) -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        return main(["--db", str(data_db), *args, "--password-stdin"])

    assert run("create-user", "--username", "Kepala", "--role", "admin", password="admin-pertama-123") == 0
    assert run("create-user", "--username", "lain", "--role", "editor", password="pendek") == 1
    assert "10 karakter" in capsys.readouterr().err
    assert run("set-password", "--username", "kepala", password="admin-kedua-4567") == 0
    with duckdb.connect(str(data_db), read_only=True) as con:
        assert con.execute("select username, role from user_account").fetchall() == [("kepala", "admin")]
    database = Database(data_db)
    assert _login(database, "kepala", "admin-kedua-4567").outcome == "ok"
    database.close()


def test_cli_refuses_a_missing_database(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.duckdb"), "create-user", "--username", "x", "--role", "admin"]) == 2
    assert "ucj.workspace init" in capsys.readouterr().err


def test_cli_has_no_accounts_to_manage_without_a_workspace(capsys):
    # No --db and no workspace configured (the conftest clears UCJ_WORKSPACE): the demo has no accounts.
    assert main(["create-user", "--username", "x", "--role", "admin"]) == 2
    assert "ruang kerja tidak ada" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        (None, {}, AccessSettings()),
        ("[access]\nrequire_login = true\nidle_minutes = 10\n", {}, AccessSettings(True, 10, 12)),
        ("[access]\nrequire_login = true\n", {"UCJ_REQUIRE_LOGIN": "0"}, AccessSettings(False, 30, 12)),
        (
            None,
            {"UCJ_REQUIRE_LOGIN": "ya", "UCJ_SESSION_IDLE_MINUTES": "5", "UCJ_SESSION_MAX_HOURS": "2"},
            AccessSettings(True, 5, 2),
        ),
    ],
)
def test_settings(tmp_path, text, env, expected):
    path = tmp_path / "access.toml"
    if text is not None:
        path.write_text(text)
    assert load(path, env) == expected


def test_shipped_settings_keep_viewing_open():
    assert load(env={}) == AccessSettings(require_login=False)


def test_settings_refuse_nonsense(tmp_path):
    with pytest.raises(ValueError):
        load(tmp_path / "none.toml", {"UCJ_SESSION_IDLE_MINUTES": "0"})
