"""Accounts: created and changed by an admin (or the bootstrap), each change in the audit log."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import duckdb
import pandas as pd

from ucj import audit
from ucj.auth import ROLES, AccountError
from ucj.auth.passwords import check_policy, hash_password
from ucj.auth.scope import WHOLE, Scope
from ucj.auth.scope_store import checked, scope_of
from ucj.db import execute, run_query

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
ADMIN_PASSWORD_ENV = "UCJ_ADMIN_PASSWORD"
ADMIN_USER_ENV = "UCJ_ADMIN_USER"


def normalise(username: str) -> str:
    return username.strip().casefold()


def accounts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return run_query(con, "auth_accounts")


def _record(con: duckdb.DuckDBPyConnection, actor: str, action: str, detail: str, before: int) -> None:
    audit.record(
        con,
        actor=actor,
        action=action,
        target_table="user_account",
        detail=detail,
        rows_before=before,
        rows_after=len(accounts(con)),
    )


def account_row(con: duckdb.DuckDBPyConnection, username: str) -> dict | None:
    """One account with its password hash, or None."""
    credentials = run_query(con, "auth_credentials")
    found = credentials[credentials["username"] == username]
    return None if found.empty else found.iloc[0].to_dict()


def _existing(con: duckdb.DuckDBPyConnection, username: str) -> dict:
    found = account_row(con, username)
    if found is None:
        raise AccountError("unknown_user")
    return found


def _keep_an_admin(con: duckdb.DuckDBPyConnection, username: str) -> None:
    """Refuse a change that would leave no active admin (nobody could manage accounts any more)."""
    table = accounts(con)
    admins = table[(table["role"] == "admin") & table["active"]]
    if list(admins["username"]) == [username]:
        raise AccountError("last_admin")


def _scope_words(scope: Scope) -> str:
    """The scope as the audit log states it (Indonesian, like every audit detail)."""
    return ", ".join(scope) if scope else "seluruh ruang kerja"


def _valid_scope(con: duckdb.DuckDBPyConnection, role: str, scope: Scope) -> Scope:
    """The scope if the account may have it: an admin is never scoped (they manage every account and area)."""
    if scope and role == "admin":
        raise AccountError("admin_scoped")
    return checked(con, scope)


def _store_scope(con: duckdb.DuckDBPyConnection, username: str, scope: Scope) -> None:
    execute(con, "auth_scope_clear", username=username)
    for code in scope:
        execute(con, "auth_scope_add", username=username, kode_wilayah=code)


def create_user(
    con: duckdb.DuckDBPyConnection, username: str, password: str, role: str, actor: str, scope: Scope = WHOLE
) -> str:
    name = normalise(username)
    if not USERNAME.match(name):
        raise AccountError("bad_username")
    if role not in ROLES:
        raise AccountError("bad_role")
    check_policy(password, name)
    scope = _valid_scope(con, role, scope)
    before = len(accounts(con))
    if account_row(con, name) is not None:
        raise AccountError("user_exists")
    execute(con, "auth_user_create", username=name, role=role, password_hash=hash_password(password), created_by=actor)
    _store_scope(con, name, scope)
    _record(con, actor, "create_user", f"akun {name} dibuat, peran {role}, wilayah {_scope_words(scope)}", before)
    return name


def set_scope(con: duckdb.DuckDBPyConnection, username: str, scope: Scope, actor: str) -> None:
    """Limit an account to these areas (empty: the whole workspace); it holds from the account's next write."""
    old = _existing(con, username)
    was = scope_of(con, username)
    _store_scope(con, username, _valid_scope(con, old["role"], scope))
    detail = f"akun {username}: wilayah {_scope_words(was)} → {_scope_words(scope)}"
    _record(con, actor, "set_scope", detail, len(accounts(con)))


def set_role(con: duckdb.DuckDBPyConnection, username: str, role: str, actor: str, now: dt.datetime) -> None:
    if role not in ROLES:
        raise AccountError("bad_role")
    old = _existing(con, username)
    if old["role"] == "admin" and role != "admin":
        _keep_an_admin(con, username)
    execute(con, "auth_user_set_role", username=username, role=role)
    execute(con, "auth_sessions_end_for_user", username=username, now=now)
    detail = f"akun {username}: peran {old['role']} → {role}"
    if role == "admin":  # admins are never scoped
        execute(con, "auth_scope_clear", username=username)
        detail += ", wilayah seluruh ruang kerja"
    _record(con, actor, "set_role", detail, len(accounts(con)))


def set_active(con: duckdb.DuckDBPyConnection, username: str, active: bool, actor: str, now: dt.datetime) -> None:
    old = _existing(con, username)
    if not active and old["role"] == "admin":
        _keep_an_admin(con, username)
    execute(con, "auth_user_set_active", username=username, active=active)
    execute(con, "auth_sessions_end_for_user", username=username, now=now)
    word = "diaktifkan" if active else "dinonaktifkan"
    _record(con, actor, "set_active", f"akun {username} {word}", len(accounts(con)))


def set_password(con: duckdb.DuckDBPyConnection, username: str, password: str, actor: str, now: dt.datetime) -> None:
    _existing(con, username)
    check_policy(password, username)
    execute(con, "auth_user_set_password", username=username, password_hash=hash_password(password))
    execute(con, "auth_sessions_end_for_user", username=username, now=now)
    _record(con, actor, "set_password", f"kata sandi akun {username} diganti", len(accounts(con)))


def has_admin(con: duckdb.DuckDBPyConnection) -> bool:
    table = accounts(con)
    return bool(((table["role"] == "admin") & table["active"]).any())


def bootstrap_admin(con: duckdb.DuckDBPyConnection, env: Mapping[str, str]) -> str | None:
    """The first admin from UCJ_ADMIN_PASSWORD (and UCJ_ADMIN_USER, default 'admin') while there is none."""
    password = env.get(ADMIN_PASSWORD_ENV)
    if not password or has_admin(con):
        return None
    return create_user(con, env.get(ADMIN_USER_ENV, "admin"), password, "admin", actor="bootstrap")
