"""Admin section of the Data page: a download of the whole workspace, so a Pemda's imports, accounts,
rounds and scenarios survive a broken disk, and a restore from such a download, checked in full before
it replaces anything (ucj.workspace.restore)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import streamlit as st

from ucj import audit, fmt
from ucj.errors import Explained
from ucj.i18n import t
from ucj.imports.store import safe_file_name
from ucj.workspace.restore import check, restore
from ui.db import clear_cache, database, write
from ui.layout import Context

_FILE = "data_backup_file"
_DONE = "data_restore_done"
_ROUND = "data_restore_round"


def _take(admin: str) -> None:
    """Copy the database now and record who took it; the bytes wait in the session for the download."""
    with tempfile.TemporaryDirectory() as folder:
        data = database().snapshot(Path(folder) / "backup.duckdb").read_bytes()
    detail = f"cadangan basis data diunduh ({fmt.number(len(data))} bita)"
    write(lambda con: audit.record(con, actor=admin, action="backup", target_table="database", detail=detail))
    st.session_state[_FILE] = (dt.datetime.now(), data)


def _restore_form(lang: str, admin: str) -> None:
    st.subheader(t("workspace.restore_title", lang))
    st.caption(t("workspace.restore_help", lang))
    round_ = st.session_state.setdefault(_ROUND, 0)
    upload = st.file_uploader(t("workspace.restore_file", lang), type=["duckdb"], key=f"data_restore_file_{round_}")
    if upload is None:
        return
    name = safe_file_name(upload.name)
    # Beside the workspace: the checked copy then moves into place on the same file system.
    with tempfile.TemporaryDirectory(dir=database().path.parent) as folder:
        staged = Path(folder) / "restore.duckdb"
        staged.write_bytes(upload.getvalue())
        try:
            checked = check(staged)
        except Explained as exc:
            st.error(exc.message(lang))
            return
        last = fmt.date(checked.last_change.date(), lang) if checked.last_change else fmt.MISSING[lang]
        numbers = {"tables": fmt.number(checked.tables, lang), "rows": fmt.number(checked.rows, lang)}
        regions = ", ".join(checked.regions)
        st.success(t("workspace.restore_checked", lang, version=checked.version, regions=regions, last=last, **numbers))
        sure = st.checkbox(t("workspace.restore_sure", lang), key=f"data_restore_sure_{round_}")
        if st.button(t("workspace.restore_commit", lang), key="data_restore_commit", type="primary", disabled=not sure):
            kept = restore(database(), checked, admin, name)
            clear_cache()
            st.session_state[_DONE] = t("workspace.restore_done", lang, file=name, kept=str(kept))
            st.session_state[_ROUND] = round_ + 1
            st.rerun()


def restored_notice(lang: str) -> None:
    """After a restore, whoever is signed in (or no longer is: the backup has its own sessions) reads what happened."""
    done = st.session_state.pop(_DONE, None)
    if done is not None:
        st.success(done)


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
    _restore_form(lang, admin)
