"""The budget tab: a funding mix, how far it goes, and where it goes by the chosen allocation rule."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.subsidy.allocation import RULES
from ucj.subsidy.evaluate import Results
from ucj.subsidy.headcount import Region
from ucj.subsidy.report import ALLOCATION_FORMATS, POT_FORMATS, Labels, allocation_table, pots_table, reach_by_funding
from ucj.subsidy.rules import RuleBook
from ui import editor_edits
from ui.figures import kind_badge
from ui.subsidy import area_map, tables
from ui.subsidy.state import keep, key


def budget_inputs(book: RuleBook, region: Region, lang: Lang) -> None:
    """Rupiah per funding source, pokir's dapil, and APBDes workers per desa."""
    sources = book.budget_sources()
    for column, funding in zip(st.columns(len(sources)), sources):
        column.number_input(
            book.funding[funding].label(lang),
            key=key(f"budget_{funding}"),
            min_value=0,
            step=1_000_000,
            help=book.funding[funding].note,
        )
        column.caption(fmt.rupiah(st.session_state[key(f"budget_{funding}")], lang))
    names = region.names()
    c1, c2 = st.columns([2, 1])
    c1.multiselect(
        t("kalk.dapil", lang), list(names), key=key("dapil"), format_func=names.get, help=t("kalk.dapil_help", lang)
    )
    c2.number_input(
        t("kalk.per_desa", lang), key=key("per_desa"), min_value=0, step=10, help=book.funding[book.desa_source()].note
    )
    if not all(k.desa_known for k in region.kecamatan):
        st.caption(t("kalk.desa_unknown", lang))


def uncovered_inputs(region: Region, lang: Lang) -> pd.DataFrame:
    """Workers still to protect per kecamatan: the database's estimate, or the user's own number."""
    st.markdown(f"**{t('kalk.uncovered', lang)}**")
    kinds = {k.provenance.kind for k in region.kecamatan if k.provenance}
    for kind in sorted(kinds):
        st.caption(f"{kind_badge(kind, lang)} {t('kalk.uncovered_method', lang)}")
    if not kinds:
        st.info(t("kalk.uncovered_missing", lang))
    return st.data_editor(
        st.session_state[key("uncovered_base")],
        key=key("uncovered_editor"),
        placeholder=fmt.MISSING[lang],
        hide_index=True,
        width="stretch",
        disabled=["kode", "nama", "estimate"],
        column_config={
            "kode": None,
            "nama": st.column_config.TextColumn(t("kalk.col.kecamatan", lang)),
            "estimate": st.column_config.NumberColumn(
                t("kalk.col.uncovered_estimate", lang), help=t("kalk.uncovered_method", lang)
            ),
            "typed": st.column_config.NumberColumn(t("kalk.col.uncovered_typed", lang), min_value=0, step=1),
        },
    )


def keep_inputs(book: RuleBook) -> pd.DataFrame:
    """While the tab is closed: its widgets keep their values, and the uncovered workers typed become part of
    the frame the editor starts from when drawn again; returns that frame, what the editor would show."""
    keep(*(f"budget_{funding}" for funding in book.budget_sources()), "dapil", "per_desa", "rule", "min_share")
    ss = st.session_state
    ss[key("uncovered_base")] = editor_edits.fold(ss[key("uncovered_base")], ss.pop(key("uncovered_editor"), None))
    return ss[key("uncovered_base")]


def rule_inputs(lang: Lang) -> None:
    c1, c2 = st.columns([2, 1])
    c1.radio(
        t("kalk.rule", lang),
        list(RULES),
        key=key("rule"),
        format_func=lambda r: t(f"kalk.rule_name.{r}", lang),
        horizontal=True,
    )
    c2.slider(
        t("kalk.min_share", lang), 0, 100, key=key("min_share"), format="%d %%", help=t("kalk.min_share_help", lang)
    )


def results(r: Results, book: RuleBook, region: Region, lang: Lang) -> None:
    s = r.scenario
    dapil_money = any(book.funding[f].restriction == "dapil" for f, amount in s.budgets.items() if amount)
    if dapil_money and not s.dapil:
        st.warning(t("kalk.pokir_no_dapil", lang))
    labels = Labels.of(book, region, s.extra_groups, lang)
    reach = reach_by_funding(r, labels)
    if reach.empty:
        st.info(t("kalk.no_budget", lang))
        return
    st.markdown(f"**{t('kalk.reach', lang, months=fmt.number(s.months, lang))}**")
    tables.show(reach, POT_FORMATS, lang, key("reach_table"))
    c1, c2 = st.columns(2)
    c1.metric(t("kalk.reach_workers", lang), fmt.number(reach["workers"].sum(), lang))
    c2.metric(t("kalk.left", lang), fmt.rupiah(reach["left_rp"].sum(), lang))
    a = r.allocation
    st.markdown(f"**{t('kalk.allocation', lang, rule=t(f'kalk.rule_name.{a.rule}', lang))}**")
    if a.max_min_share is not None:
        st.warning(
            t(
                "kalk.min_share_infeasible",
                lang,
                asked=fmt.percent(s.min_share_pct / 100, lang),
                most=fmt.percent(a.max_min_share, lang),
            )
        )
    if not r.areas:
        st.info(t("kalk.uncovered_missing", lang))
        return
    table = allocation_table(r, labels)
    area_map.allocation_map(table, s.region, lang)
    tables.show(table, ALLOCATION_FORMATS, lang, key("allocation_table"))
    with st.expander(t("kalk.pots", lang), key=key("pots_box"), on_change="rerun") as box:
        if box.open:
            tables.show(pots_table(r, labels), POT_FORMATS, lang, key("pots_table"))
    st.caption(t("kalk.coverage_note", lang))
