"""Admin sections of the Data page: accounts (create, role, areas, disable, reset password) and the audit log."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ucj.auth import ROLES, AccountError
from ucj.auth.accounts import create_user, set_active, set_password, set_role, set_scope
from ucj.auth.scope import parse
from ucj.fmt import Lang
from ucj.i18n import t
from ui.db import query, write
from ui.imports.downloads import download_buttons
from ui.layout import Context

_DONE = "data_account_done"


def _role_label(lang: Lang):
    return lambda role: t(f"auth.role.{role}", lang)


def _apply(change, lang: Lang, done_key: str) -> None:
    """Run one account change in a transaction, then redraw; say what went wrong in the user's language."""
    try:
        write(change)
    except AccountError as exc:
        st.error(t(f"data.account.{exc.code}", lang, **exc.params))
        return
    st.session_state[_DONE] = done_key
    st.rerun()


def _create(admin: str, lang: Lang) -> None:
    with st.form("data_user_form", clear_on_submit=True):
        st.markdown(f"**{t('data.user_new', lang)}**")
        name = st.text_input(t("auth.username", lang), key="data_user_name")
        role = st.selectbox(t("data.user_role", lang), ROLES, format_func=_role_label(lang), key="data_user_role")
        scope = st.text_input(t("data.user_scope", lang), key="data_user_scope", max_chars=400)
        password = st.text_input(t("auth.password", lang), type="password", key="data_user_password")
        if st.form_submit_button(t("data.user_create", lang), key="data_user_create"):
            areas = parse(scope)
            _apply(lambda con: create_user(con, name, password, role, admin, areas), lang, "data.user_created")


def _change(accounts, admin: str, lang: Lang) -> None:
    st.markdown(f"**{t('data.user_change', lang)}**")
    name = st.selectbox(t("auth.username", lang), list(accounts["username"]), key="data_user_pick")
    now = dt.datetime.now()
    left, middle, right = st.columns(3)
    role = left.selectbox(t("data.user_role", lang), ROLES, format_func=_role_label(lang), key="data_user_new_role")
    if left.button(t("data.user_set_role", lang), key="data_user_set_role"):
        _apply(lambda con: set_role(con, name, role, admin, now), lang, "data.user_changed")
    active = bool(accounts.set_index("username").loc[name, "active"])
    label = "data.user_disable" if active else "data.user_enable"
    if middle.button(t(label, lang), key="data_user_toggle"):
        _apply(lambda con: set_active(con, name, not active, admin, now), lang, "data.user_changed")
    password = right.text_input(t("data.user_new_password", lang), type="password", key="data_user_new_password")
    if right.button(t("data.user_set_password", lang), key="data_user_set_password"):
        _apply(lambda con: set_password(con, name, password, admin, now), lang, "data.user_changed")
    current = accounts.set_index("username").loc[name, "scope"]
    shown = current if isinstance(current, str) else ""  # no areas: the whole workspace
    # keyed by the account, so the field shows that account's areas
    scope = st.text_input(t("data.user_scope", lang), value=shown, key=f"data_user_scope_{name}", max_chars=400)
    if st.button(t("data.user_set_scope", lang), key="data_user_set_scope"):
        _apply(lambda con: set_scope(con, name, parse(scope), admin), lang, "data.user_scope_changed")


def accounts(ctx: Context, admin: str) -> None:
    lang = ctx.lang
    done = st.session_state.pop(_DONE, None)
    if done is not None:
        st.success(t(done, lang))
    table = query("auth_accounts")
    shown = table.assign(role=table["role"].map(_role_label(lang)))
    st.dataframe(shown.rename(columns=lambda c: t(f"data.user.{c}", lang)), hide_index=True, key="data_users")
    _create(admin, lang)
    if not table.empty:
        _change(table, admin, lang)


def audit_log(ctx: Context, admin: str) -> None:
    lang = ctx.lang
    log = query("audit_log_entries")
    table = log.rename(columns=lambda c: t(f"data.audit.{c}", lang))
    st.dataframe(table, hide_index=True, key="data_audit")
    download_buttons(table, "log_audit", lang, key="data_audit")
