"""Signing in and staying signed in: throttled password checks, session tokens, idle and age limits.

Each function takes the connection of the caller's transaction and the current time, so the rules
are tested without waiting. A login attempt is recorded even when it fails: `authenticate`
returns its outcome instead of raising, so the caller's transaction keeps the record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

import duckdb
import pandas as pd

from ucj.auth import Account
from ucj.auth.accounts import account_row, normalise
from ucj.auth.passwords import hash_password, verify
from ucj.auth.settings import AccessSettings
from ucj.auth.throttle import KNOWN_FOR, MEMORY, seconds_to_wait
from ucj.db import execute, run_query
from ucj.secret import keyed_hash

SessionState = Literal["active", "idle", "too_old", "unknown"]
TOUCH_EVERY = dt.timedelta(minutes=1)  # last_seen is written at most this often


Outcome = Literal["ok", "failed", "throttled"]


@dataclass(frozen=True)
class LoginResult:
    outcome: Outcome  # throttled: the password was not even checked
    account: Account | None
    token: str | None  # kept in the browser session; the database keeps only its hash
    wait_seconds: float  # > 0: throttled now, or how long the next attempt must wait


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _when(value: object) -> dt.datetime | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).to_pydatetime()


def _wait(con: duckdb.DuckDBPyConnection, recorded: str, client: str, now: dt.datetime) -> float:
    """Seconds before this client may try this name again (0: now)."""
    return seconds_to_wait(run_query(con, "auth_attempts"), recorded, client, now)


def _attempt(con: duckdb.DuckDBPyConnection, recorded: str, client: str, now: dt.datetime, outcome: Outcome) -> None:
    execute(con, "auth_attempt_record", username=recorded, session_key=client, attempted_at=now, outcome=outcome)


def recorded_name(name: str, is_account: bool, secret: bytes) -> str:
    """The name as the login record keeps it: an account's name, else a keyed hash of what was typed.

    A password typed into the name field must not sit in the database (and its backups) in clear.
    """
    return name if is_account else "?" + keyed_hash(secret, "login-name", name)[:32]


def client_key(address: str | None, session_key: str, secret: bytes) -> str:
    """Who is trying, for the throttle: a keyed hash of the network address, else the browser session."""
    return "ip:" + keyed_hash(secret, "client", address)[:32] if address else "session:" + session_key


def authenticate(
    con: duckdb.DuckDBPyConnection, username: str, password: str, client: str, now: dt.datetime, secret: bytes
) -> LoginResult:
    """Check a password, unless the throttle (ucj.auth.throttle) says this client must wait first."""
    name = normalise(username)[:64]
    execute(con, "auth_attempts_forget", before=now - MEMORY, known_before=now - KNOWN_FOR)
    row = account_row(con, name)
    recorded = recorded_name(name, row is not None, secret)
    left = _wait(con, recorded, client, now)
    if left > 0:
        _attempt(con, recorded, client, now, "throttled")
        return LoginResult("throttled", None, None, left)
    ok, rehash = verify(row["password_hash"] if row else None, password)
    ok = ok and bool(row["active"])
    _attempt(con, recorded, client, now, "ok" if ok else "failed")
    if not ok:
        # the failure just recorded counts: this is the wait before the next attempt
        return LoginResult("failed", None, None, _wait(con, recorded, client, now))
    if rehash:
        execute(con, "auth_user_set_password", username=name, password_hash=hash_password(password))
    token = secrets.token_urlsafe(32)
    execute(con, "auth_session_start", token_hash=token_hash(token), username=name, now=now)
    return LoginResult("ok", Account(name, row["role"]), token, 0.0)


def session_state(row: dict | None, now: dt.datetime, settings: AccessSettings) -> SessionState:
    """Whether a stored session (from auth_session.sql) still counts as signed in."""
    if row is None or not row["active"]:
        return "unknown"
    if now - _when(row["started_at"]) > dt.timedelta(hours=settings.max_hours):
        return "too_old"
    if now - _when(row["last_seen"]) > dt.timedelta(minutes=settings.idle_minutes):
        return "idle"
    return "active"


def session_row(con: duckdb.DuckDBPyConnection, token: str) -> dict | None:
    """The open session of this token, if any (ended sessions are not returned)."""
    sessions = run_query(con, "auth_sessions")
    found = sessions[sessions["token_hash"] == token_hash(token)]
    return None if found.empty else found.iloc[0].to_dict()


def needs_touch(row: dict, now: dt.datetime) -> bool:
    return now - _when(row["last_seen"]) >= TOUCH_EVERY


def touch(con: duckdb.DuckDBPyConnection, token: str, now: dt.datetime) -> None:
    execute(con, "auth_session_touch", token_hash=token_hash(token), now=now)


def end_session(con: duckdb.DuckDBPyConnection, token: str, now: dt.datetime) -> None:
    execute(con, "auth_session_end", token_hash=token_hash(token), now=now)
