"""The worklist tab: a desa's or a Perisai agent's participants behind with their contributions, masked;
an editor prepares the export with names and KPJ numbers in clear, which the audit log records."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.membership.crypto import decrypt
from ucj.retention.export import heading, worklist_pdf, worklist_xlsx
from ucj.retention.extract import Extract
from ucj.retention.worklist import band_counts, record_export, table
from ucj.table_export import XLSX_MIME
from ui import url_state
from ui.access import current_editor
from ui.db import query, write
from ui.layout import Context

EXPORT_KEY = "ret_wl_export"  # the prepared files of this session: (scope, xlsx, pdf)


def _scope(ctx: Context, lang: Lang) -> tuple[str, str, str] | None:
    """The chosen desa or agent: (scope_by, scope_key, name); kept in the URL (worklist=agent:SZ)."""
    scopes = query("retention_worklist_scopes", kode_kab=ctx.kode_kab)
    if scopes.empty:
        return None
    options = [f"{r.scope_by}:{r.scope_key}" for r in scopes.itertuples()]
    labels = {
        f"{r.scope_by}:{r.scope_key}": t(
            f"ret.wl.scope.{r.scope_by}", lang, name=r.scope_name, behind=fmt.number(r.behind, lang)
        )
        for r in scopes.itertuples()
    }
    widget = url_state.init_widget("ret_wl_scope", "worklist", options, options[0])
    chosen = st.selectbox(t("ret.wl.choose", lang), options, key=widget, format_func=labels.get)
    url_state.write({"worklist": chosen})
    scope_by, scope_key = chosen.split(":", 1)
    return scope_by, scope_key, labels[chosen]


def _export(ctx: Context, extract: Extract, rows: pd.DataFrame, scope: tuple[str, str, str], editor: str) -> None:
    """Decrypt, write the audit entry in one transaction, keep the two files for the download buttons."""
    lang = ctx.lang
    scope_by, scope_key, name = scope
    now = dt.datetime.now()
    write(lambda con: record_export(con, editor, scope_by, scope_key, len(rows)))
    people = table(rows, decrypt, lang, clear=True)
    lines = heading(t("ret.wl.title", lang), name, extract.label(lang), editor, now, lang)
    st.session_state[EXPORT_KEY] = (
        f"{scope_by}:{scope_key}",
        worklist_xlsx(people, lines),
        worklist_pdf(people, lines, lang),
    )


def render(ctx: Context, extract: Extract) -> None:
    lang = ctx.lang
    scope = _scope(ctx, lang)
    if scope is None:
        st.info(t("ret.wl.none", lang))
        return
    scope_by, scope_key, _ = scope
    rows = query("retention_worklist", kode_kab=ctx.kode_kab, scope_by=scope_by, scope_key=scope_key)
    counts = band_counts(rows)
    columns = st.columns(4)
    for column, band in zip(columns, ("1", "2", "3+")):
        column.metric(t("ret.wl.band", lang, band=band), fmt.number(counts[band], lang))
    columns[3].metric(t("ret.wl.paid_again_n", lang), fmt.number(counts["paid_again"], lang))
    st.dataframe(table(rows, decrypt, lang, clear=False), hide_index=True, key="ret_wl_table")
    st.caption(t("ret.wl.note", lang))
    editor = current_editor()
    if editor is None:
        st.info(t("ret.wl.viewer", lang))
        return
    if st.button(t("ret.wl.prepare", lang, n=fmt.number(len(rows), lang)), key="ret_wl_prepare", disabled=rows.empty):
        _export(ctx, extract, rows, scope, editor)
    prepared = st.session_state.get(EXPORT_KEY)
    if prepared and prepared[0] == f"{scope_by}:{scope_key}":
        name = f"daftar-kerja-{scope_by}-{scope_key}".replace(".", "")
        c1, c2 = st.columns(2)
        c1.download_button(
            t("ret.wl.xlsx", lang),
            prepared[1],
            file_name=f"{name}.xlsx",
            mime=XLSX_MIME,
            key="ret_wl_xlsx",
        )
        c2.download_button(
            t("ret.wl.pdf", lang), prepared[2], file_name=f"{name}.pdf", mime="application/pdf", key="ret_wl_pdf"
        )
        st.caption(t("ret.wl.audited", lang))
