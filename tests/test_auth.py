"""Accounts and sign-in: argon2 hashes, roles, the last admin, back-off, sessions, settings, bootstrap."""

from __future__ import annotations

import datetime as dt
import io

import duckdb
import pandas as pd
import pytest
from argon2 import PasswordHasher

from tests.data_support import NOW, PASSWORD
from ucj.auth import Account, AccountError, passwords
from ucj.auth.__main__ import main
from ucj.auth.accounts import accounts, bootstrap_admin, create_user, set_active, set_password, set_role
from ucj.auth.login import authenticate, end_session, session_row, session_state, touch
from ucj.auth.passwords import check_policy, hash_password, verify
from ucj.auth.settings import AccessSettings, load
from ucj.auth.throttle import failures_since_success, seconds_left, wait_after
from ucj.db import Database, run_query


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


@pytest.mark.parametrize(
    ("counters", "left"),
    [
        ([(5, NOW)], 8),
        ([(5, NOW - dt.timedelta(seconds=3))], 5),
        ([(5, NOW - dt.timedelta(seconds=30))], 0),
        ([(2, NOW), (4, NOW)], 4),  # the stricter counter wins
        ([(0, None)], 0),
    ],
)
def test_seconds_left(counters, left):
    assert seconds_left(NOW, *counters) == left


def _at(seconds: int) -> dt.datetime:
    return NOW + dt.timedelta(seconds=seconds)


def _attempts(*rows: tuple[str, str, int, str]) -> pd.DataFrame:
    """(username, session_key, seconds after NOW, outcome) rows as the auth_attempts query returns them."""
    frame = pd.DataFrame(rows, columns=["username", "session_key", "seconds", "outcome"])
    return frame.assign(attempted_at=NOW + pd.to_timedelta(frame["seconds"], unit="s")).drop(columns="seconds")


@pytest.mark.parametrize(
    ("attempts", "column", "value", "expected"),
    [
        (_attempts(), "username", "a", (0, None)),
        (_attempts(("a", "s", 0, "failed"), ("a", "s", 5, "failed")), "username", "a", (2, _at(5))),
        (
            _attempts(("a", "s", 0, "failed"), ("a", "s", 5, "ok"), ("a", "s", 9, "failed")),
            "username",
            "a",
            (1, _at(9)),
        ),
        (_attempts(("a", "s", 0, "failed"), ("a", "s", 5, "throttled")), "username", "a", (1, NOW)),
        (_attempts(("a", "s", 0, "failed"), ("b", "s", 1, "failed")), "session_key", "s", (2, _at(1))),
        (_attempts(("a", "s", 0, "failed"), ("b", "t", 1, "failed")), "username", "b", (1, _at(1))),
    ],
)
def test_failures_since_success(attempts, column, value, expected):
    assert failures_since_success(attempts, column, value) == expected


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
        return authenticate(con, name, password, key, now)


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


def test_repeated_failures_are_throttled_per_user(db):
    with db.writer() as con:
        create_user(con, "editor1", PASSWORD, "editor", "test")
    outcomes = [_login(db, "editor1", "salah-salah-1", key=f"sesi-{i}").outcome for i in range(3)]
    assert outcomes == ["failed"] * 3  # from three different sessions: the user's counter still counts
    # the right password is not even checked while the back-off runs
    held = _login(db, "editor1", PASSWORD, key="sesi-baru", now=NOW + dt.timedelta(seconds=1))
    assert (held.outcome, held.token, held.wait_seconds) == ("throttled", None, 1)
    assert _login(db, "editor1", PASSWORD, key="sesi-baru", now=NOW + dt.timedelta(seconds=2)).outcome == "ok"
    # a success clears the count
    assert _login(db, "editor1", "salah-salah-1", now=NOW + dt.timedelta(seconds=3)).wait_seconds == 0


def test_repeated_failures_are_throttled_per_session(db):
    failures = [_login(db, f"orang{i}", "salah-salah-1", key="sesi-x") for i in range(3)]
    assert [(f.outcome, f.wait_seconds) for f in failures] == [("failed", 0), ("failed", 0), ("failed", 2)]
    a_second_later = NOW + dt.timedelta(seconds=1)
    # a fourth name from the same session waits, whoever it is; another session does not
    assert _login(db, "orang9", "salah-salah-1", key="sesi-x", now=a_second_later).outcome == "throttled"
    assert _login(db, "orang9", "salah-salah-1", key="sesi-y", now=a_second_later).outcome == "failed"
    with db.reading() as con:
        outcomes = con.execute("select outcome, count(*) from login_attempt group by all order by 1").fetchall()
    assert outcomes == [("failed", 4), ("throttled", 1)]


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
