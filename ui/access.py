"""Who is signed in, and the sidebar widget to sign in and out.

Pages only ask `current_editor()` (or `current_admin()`) and never decide access themselves. The
session token lives in this browser session's state; the database keeps its hash, its last use
and the throttling record (ucj.auth). The research demo has no accounts and is read-only: nobody
signs in there, so no page offers a change (ucj.workspace sets up a Pemda's own workspace).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets

import streamlit as st

from ucj import fmt
from ucj.auth import Account
from ucj.auth.accounts import bootstrap_admin, has_admin
from ucj.auth.login import (
    SessionState,
    authenticate,
    client_key,
    end_session,
    needs_touch,
    session_row,
    session_state,
    touch,
)
from ucj.auth.scope import WHOLE, Scope
from ucj.auth.scope_store import scope_of
from ucj.auth.settings import AccessSettings, load
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.markup import plain
from ui.db import database, database_path, install_key, is_demo

_TOKEN = "auth_token"
_SESSION_KEY = "auth_session_key"  # tells this browser session apart when its address is unknown


def settings() -> AccessSettings:
    return load()


@st.cache_resource(show_spinner=False)
def _bootstrap(path: str) -> str | None:
    """Once per process and database: the first admin from UCJ_ADMIN_PASSWORD, if there is no admin."""
    if not os.environ.get("UCJ_ADMIN_PASSWORD"):
        return None
    with database().reading() as con:
        if has_admin(con):
            return None
    with database().writer() as con:
        return bootstrap_admin(con, os.environ)


def _now() -> dt.datetime:
    return dt.datetime.now()


def _session(token: str, now: dt.datetime) -> tuple[dict | None, SessionState]:
    """The stored session with its account's scope as it stands now (an admin may have just changed it)."""
    with database().reading() as con:
        row = session_row(con, token)
        if row is not None:
            row["scope"] = scope_of(con, row["username"])
    return row, session_state(row, now, settings())


def _account(row: dict) -> Account:
    return Account(row["username"], row["role"], row["scope"])


def current_account() -> Account | None:
    """The signed-in account while its session is active, else None (a viewer)."""
    token = st.session_state.get(_TOKEN)
    if not token or is_demo():
        return None
    row, state = _session(token, _now())
    return _account(row) if state == "active" else None


def current_editor() -> str | None:
    """The editor's (or admin's) account name when changing data is allowed, else None."""
    account = current_account()
    return account.username if account is not None and account.can_edit else None


def current_admin() -> str | None:
    """The admin's account name when managing accounts and reading the audit log is allowed."""
    account = current_account()
    return account.username if account is not None and account.is_admin else None


def visible_scope() -> Scope:
    """The areas this browser session may look at: where viewing needs an account, the signed-in
    account's scope; else the whole workspace (looking is open to anyone there)."""
    account = current_account() if settings().require_login else None
    return WHOLE if account is None else account.scope


def _keep_alive(lang: Lang) -> Account | None:
    """Resolve this run's session: extend an active one, end an expired one (and say so)."""
    token = st.session_state.get(_TOKEN)
    if not token:
        return None
    now = _now()
    row, state = _session(token, now)
    if state == "active":
        if needs_touch(row, now):
            with database().writer() as con:
                touch(con, token, now)
        return _account(row)
    with database().writer() as con:
        end_session(con, token, now)
    del st.session_state[_TOKEN]
    if state in ("idle", "too_old"):
        st.info(t("auth.expired", lang))
    return None


def _sign_in(username: str, password: str, lang: Lang) -> None:
    key = st.session_state.setdefault(_SESSION_KEY, secrets.token_hex(16))
    client = client_key(st.context.ip_address, key, install_key())
    with database().writer() as con:
        result = authenticate(con, username, password, client, _now(), install_key())
    if result.token is not None:
        st.session_state[_TOKEN] = result.token
        st.rerun()
    seconds = fmt.number(result.wait_seconds, lang)
    if result.outcome == "throttled":
        st.error(t("auth.throttled", lang, seconds=seconds))
    else:
        st.error(t("auth.failed", lang))
        if result.wait_seconds > 0:
            st.warning(t("auth.wait", lang, seconds=seconds))


def _sign_out() -> None:
    token = st.session_state.pop(_TOKEN, None)
    if token:
        with database().writer() as con:
            end_session(con, token, _now())


def sign_in_panel(lang: Lang) -> None:
    """Sign-in and sign-out in the sidebar of every page; stops the page when viewing needs an account."""
    if is_demo():
        st.caption(t("workspace.demo_note", lang))
        return
    _bootstrap(str(database_path()))
    account = _keep_alive(lang)
    if account is not None:
        st.caption(t("auth.signed_in", lang, user=plain(account.username), role=t(f"auth.role.{account.role}", lang)))
        st.button(t("auth.logout", lang), key="auth_logout", on_click=_sign_out)
        return
    with st.expander(t("auth.login_title", lang), expanded=settings().require_login):
        with st.form("auth_login_form", clear_on_submit=True, border=False):
            username = st.text_input(t("auth.username", lang), key="auth_username")
            password = st.text_input(t("auth.password", lang), type="password", key="auth_password")
            submitted = st.form_submit_button(t("auth.login", lang), key="auth_login")
        if submitted:
            _sign_in(username, password, lang)
    if settings().require_login:
        # Viewing needs an account here (data/access.toml or UCJ_REQUIRE_LOGIN): show nothing else.
        st.warning(t("auth.login_required", lang))
        st.stop()
