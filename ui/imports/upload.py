"""The import section of the Data page: pick a kind, get its template, upload, preview, commit."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.imports import recipients
from ucj.imports.kind import ImportKind, Request
from ucj.imports.kinds import EXTRACTS, KINDS
from ucj.imports.masking import mask_nik
from ucj.imports.membership import ExtractKind
from ucj.imports.problems import ImportRejected
from ucj.imports.reading import list_sheets
from ucj.imports.rows import Record
from ucj.imports.store import Checked, commit, safe_file_name, scoped_check
from ucj.imports.table import MAX_BYTES
from ucj.imports.templates import column_guide, template_frame
from ui.db import database, install_key, write
from ui.imports import membership, upload_round
from ui.imports.downloads import download_buttons
from ui.imports.population_age import tpak_options
from ui.imports.problems import show_problems
from ui.imports.recipients import list_options
from ui.layout import Context

# The facts a kind needs beside its file, asked before the upload (a list's OPD, the TPAK of a DKB table).
FORM_OPTIONS: dict[str, Callable[[Context], dict[str, object]]] = {
    "recipients": lambda ctx: list_options(ctx.lang),
    "population_age": tpak_options,
}
PREVIEW_ROWS = 200


def _guide(kind: ImportKind | ExtractKind, lang: Lang) -> None:
    with st.expander(t("data.guide", lang)):
        guide = column_guide(kind).rename(columns=lambda c: t(f"data.guide.{c}", lang))
        st.dataframe(guide, hide_index=True, key="data_guide_table")
    labels = ("data.template_csv", "data.template_xlsx")
    download_buttons(template_frame(kind), f"template_{kind.key}", lang, key="data_tpl", labels=labels)


def _visible(record: Record) -> Record:
    """What the preview may show: never a NIK or a name in clear."""
    if "nik" in record:
        return record | {"nik": mask_nik(record["nik"]), "name": recipients.mask_name(record["name"])}
    return record


def preview_frame(checked: Checked, lang: Lang) -> pd.DataFrame:
    """The rows to be stored, under the file's own column names; derived totals say how they were made."""
    columns = {"row": t("data.col.row", lang)}
    for col in checked.kind.columns:
        if col.is_area:
            columns |= {"kode_wilayah": t("data.col.kode", lang), "area_name": col.header}
        else:
            columns[col.key] = col.header
    columns["method"] = t("data.col.method", lang)
    rows = [_visible(r) for r in checked.stored[:PREVIEW_ROWS]]
    return pd.DataFrame([{k: r.get(k) for k in columns} for r in rows]).rename(columns=columns)


def _preview(checked: Checked, lang: Lang) -> None:
    derived = len(checked.stored) - len(checked.records)
    rows, extra = fmt.number(len(checked.records), lang), fmt.number(derived, lang)
    message = "data.checked_derived" if checked.kind.derive else "data.checked"
    st.success(t(message, lang, rows=rows, derived=extra))
    if checked.warnings:
        show_problems(checked.warnings, lang, key="data_warnings")
    st.dataframe(preview_frame(checked, lang), hide_index=True, key="data_preview")


def _request(kind: ImportKind, ctx: Context) -> Request | None:
    options = FORM_OPTIONS[kind.key](ctx) if kind.key in FORM_OPTIONS else {}
    upload = st.file_uploader(
        t("data.upload", ctx.lang, limit=MAX_BYTES // 2**20),
        type=["csv", "txt", "xlsx"],
        key=f"data_file_{upload_round.number()}",
        max_upload_size=MAX_BYTES // 2**20,
    )
    if upload is None:
        return None
    name, data = safe_file_name(upload.name), upload.getvalue()
    sheets = list_sheets(name, data)
    sheet = None
    if len(sheets) > 1:
        sheet = st.selectbox(t("data.sheet", ctx.lang), sheets, key="data_sheet")
    return Request(kind.key, ctx.kode_kab, name, data, sheet, options)


def render(ctx: Context, editor: str) -> None:
    lang = ctx.lang
    upload_round.show_last_commit(lang)
    key = st.selectbox(
        t("data.kind", lang),
        [*KINDS, *EXTRACTS],
        format_func=lambda k: t(f"data.kind.{k}", lang),
        key="data_kind",
    )
    kind = KINDS.get(key) or EXTRACTS[key]
    st.caption(t(f"data.kind_help.{key}", lang))
    _guide(kind, lang)
    if key in EXTRACTS:
        membership.render(ctx, editor)
        return
    try:
        request = _request(kind, ctx)
        if request is None:
            return
        with database().reading() as con:
            checked = scoped_check(con, request, install_key(), editor)
    except ImportRejected as exc:
        show_problems(exc.problems, lang, key="data_problems")
        return
    _preview(checked, lang)
    if st.button(t("data.commit", lang), key="data_commit", type="primary"):
        try:
            committed = write(lambda con: commit(con, request, editor, install_key()))
        except ImportRejected as exc:
            show_problems(exc.problems, lang, key="data_commit_problems")
            return
        upload_round.end(committed)
