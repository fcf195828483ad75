"""The double-registration tab: per list and kecamatan, who is paid for twice and what that wastes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.retention.double import by_payer, summary, with_cost
from ucj.retention.export import public_csv
from ucj.retention.extract import Extract
from ucj.subsidy.rules import RuleBook, RuleNotFound
from ui.db import query
from ui.layout import Context


def _shown(frame: pd.DataFrame, names: dict[str, str], lang: Lang) -> pd.DataFrame:
    out = frame.rename(columns=names)
    for column in ("recipients", "already_active", "other_opd", "double", "persons"):
        if column in frame:
            out[names[column]] = frame[column].map(lambda n: fmt.number(n, lang))
    if "wasted_rp" in frame:
        out[names["wasted_rp"]] = frame["wasted_rp"].map(lambda n: fmt.rupiah(n, lang))
    return out


def render(ctx: Context, extract: Extract, book: RuleBook) -> None:
    lang = ctx.lang
    rows = query("retention_double_registration", kode_kab=ctx.kode_kab)
    if rows.empty:
        st.info(t("ret.dbl.none", lang))
        return
    sources = book.budget_sources()
    funding = st.selectbox(
        t("ret.dbl.funding", lang), sources, key="ret_dbl_funding", format_func=lambda f: book.funding[f].label(lang)
    )
    try:
        costed = with_cost(rows, book, funding, extract.extract_date.year)
    except RuleNotFound as err:
        st.error(t("kalk.rule_missing", lang, error=err.message(lang)))
        return
    names = {c: t(f"ret.dbl.col.{c}", lang) for c in ("opd", "reference", "kecamatan", "payer", "persons")}
    names |= {c: t(f"ret.dbl.col.{c}", lang) for c in ("recipients", "already_active", "other_opd", "double")}
    names["wasted_rp"] = t("ret.dbl.col.wasted_rp", lang)
    total = int(costed["wasted_rp"].sum())
    c1, c2 = st.columns(2)
    c1.metric(t("ret.dbl.doubles", lang), fmt.number(int(costed["double"].sum()), lang))
    c2.metric(t("ret.dbl.wasted", lang), fmt.rupiah(total, lang))
    per_list = summary(costed, ["list_id", "opd", "reference"])
    st.markdown(f"**{t('ret.dbl.per_list', lang)}**")
    st.dataframe(_shown(per_list.drop(columns="list_id"), names, lang), hide_index=True, key="ret_dbl_lists")
    st.markdown(f"**{t('ret.dbl.per_kec', lang)}**")
    per_kec = summary(costed, ["kecamatan"])
    st.dataframe(_shown(per_kec, names, lang), hide_index=True, key="ret_dbl_kec")
    payers = by_payer(costed)
    if not payers.empty:
        st.markdown(f"**{t('ret.dbl.by_payer', lang)}**")
        payers = payers.assign(payer=payers["payer"].map(lambda p: t(f"ret.payer.{p}", lang)))
        st.dataframe(_shown(payers, names, lang), hide_index=True, key="ret_dbl_payers")
    st.caption(t("ret.dbl.rule", lang, funding=book.funding[funding].label(lang)))
    st.download_button(
        t("ret.export.csv", lang),
        public_csv(
            per_list.drop(columns="list_id"),
            ["recipients", "already_active", "other_opd", "double"],
            extract.label(lang),
            lang,
        ),
        file_name=f"registrasi-ganda-{ctx.slug}.csv",
        mime="text/csv",
        key="ret_dbl_csv",
    )
