"""Admin section of the Data page: a download of the whole database, so a Pemda's imports, accounts,
rounds and scenarios survive a broken disk or a rebuild. Restoring is done with the app stopped
(README, "Accounts, access and personal data")."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import streamlit as st

from ucj import audit, fmt
from ucj.i18n import t
from ui.db import database, write
from ui.layout import Context

_FILE = "data_backup_file"


def _take(admin: str) -> None:
    """Copy the database now and record who took it; the bytes wait in the session for the download."""
    with tempfile.TemporaryDirectory() as folder:
        data = database().snapshot(Path(folder) / "backup.duckdb").read_bytes()
    detail = f"cadangan basis data diunduh ({fmt.number(len(data))} bita)"
    write(lambda con: audit.record(con, actor=admin, action="backup", target_table="database", detail=detail))
    st.session_state[_FILE] = (dt.datetime.now(), data)


def render(ctx: Context, admin: str) -> None:
    lang = ctx.lang
    st.caption(t("data.backup_intro", lang))
    st.button(t("data.backup_take", lang), key="data_backup_take", on_click=_take, args=(admin,))
    taken = st.session_state.get(_FILE)
    if taken is not None:
        when, data = taken
        st.download_button(
            t("data.backup_download", lang, size=fmt.number(len(data) / 1e6, lang, decimals=1)),
            data,
            file_name=f"ucj_cadangan_{when:%Y%m%d_%H%M}.duckdb",
            mime="application/octet-stream",
            key="data_backup_download",
        )
