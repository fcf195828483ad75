"""Recipient lists on the Data page: the list's own facts for an upload, its duplicates, its summary.

Only masked NIK and names exist in the database, so nothing here can show more. The public summary
(open to viewers) suppresses counts under five.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj.disclosure import suppress_small
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.imports.recipient_list import LIST_KINDS
from ui.db import query
from ui.imports.downloads import download_buttons
from ui.layout import Context


def list_options(lang: Lang) -> dict[str, object]:
    """The OPD, kind, reference (SK number) and year of the list being uploaded."""
    left, right = st.columns(2)
    opd = left.text_input(t("data.list.opd", lang), key="data_list_opd", max_chars=120)
    list_kind = right.selectbox(
        t("data.list.kind", lang),
        LIST_KINDS,
        format_func=lambda k: t(f"data.list_kind.{k}", lang),
        key="data_list_kind",
    )
    reference = left.text_input(t("data.list.reference", lang), key="data_list_reference", max_chars=120)
    year = right.number_input(t("data.list.year", lang), 2015, 2100, value=None, step=1, key="data_list_year")
    return {"opd": opd, "list_kind": list_kind, "reference": reference, "year": year}


def _labelled(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """List kinds in words and columns under their labels, in the user's language."""
    if "list_kind" in frame:
        frame = frame.assign(list_kind=frame["list_kind"].map(lambda k: t(f"data.list_kind.{k}", lang)))
    return frame.rename(columns=lambda c: t(f"data.list.{c}", lang))


def public_summary(ctx: Context) -> None:
    """Recipients per list and kecamatan, small counts suppressed: safe for anyone to see and take."""
    lang = ctx.lang
    st.subheader(t("data.summary_title", lang))
    counts = query("recipient_counts", kode_kab=ctx.kode_kab)
    if counts.empty:
        st.info(t("data.no_lists", lang))
        return
    table = _labelled(suppress_small(counts, ["recipients"], lang), lang)
    st.caption(t("data.suppressed_note", lang))
    st.dataframe(table, hide_index=True, key="data_summary_table")
    download_buttons(table, "ringkasan_penerima", lang, key="data_summary")


def render(ctx: Context, editor: str) -> None:
    lang = ctx.lang
    lists = query("recipient_lists", kode_kab=ctx.kode_kab)
    st.subheader(t("data.lists_title", lang))
    if lists.empty:
        st.info(t("data.no_lists", lang))
    else:
        st.dataframe(_labelled(lists, lang), hide_index=True, key="data_lists")
    st.subheader(t("data.duplicates_title", lang))
    st.caption(t("data.duplicates_help", lang))
    duplicates = query("recipient_duplicates", kode_kab=ctx.kode_kab)
    if duplicates.empty:
        st.success(t("data.no_duplicates", lang))
    else:
        table = _labelled(duplicates, lang)
        st.dataframe(table, hide_index=True, key="data_duplicates")
        download_buttons(table, "nik_ganda", lang, key="data_duplicates")
    public_summary(ctx)
