"""The cost tab: the plan's terms and lines, examples from the research, and what it all costs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.provenance import kind_label
from ucj.subsidy.calendar import first_of_month
from ucj.subsidy.cost import PACKAGES, Line, Plan, cost_table, rules_used
from ucj.subsidy.evaluate import Results
from ucj.subsidy.headcount import Region
from ucj.subsidy.report import BREAKDOWNS, WHOLE_REGION, Labels, breakdown_formats, cost_breakdown, formatted
from ucj.subsidy.retention import Evidence
from ucj.subsidy.rules import RuleBook
from ucj.subsidy.scenario import Scenario, encode
from ui.db import database_path
from ui.subsidy import state, tables
from ui.subsidy.state import key

MONTHS_MAX = 36


def terms(book: RuleBook, lang: Lang) -> None:
    """Package, declared income, first month and months of cover: shared by every tab."""
    first = min(b.period.start for b in book.brackets)
    c1, c2, c3, c4 = st.columns(4)
    c1.selectbox(
        t("kalk.package", lang), list(PACKAGES), key=key("package"), format_func=lambda p: t(f"kalk.package.{p}", lang)
    )
    incomes = [b.declared_income_rp for b in book.brackets_on(first_of_month(st.session_state[key("start")]))]
    c2.selectbox(
        t("kalk.income", lang),
        incomes,
        key=key("income"),
        format_func=lambda v: fmt.rupiah(v, lang),
        help=t("kalk.income_help", lang),
    )
    c3.date_input(
        t("kalk.start", lang), key=key("start"), min_value=first, format="DD/MM/YYYY", help=t("kalk.start_help", lang)
    )
    c4.number_input(t("kalk.months", lang), key=key("months"), min_value=1, max_value=MONTHS_MAX, step=1)


def lines(book: RuleBook, region: Region, lang: Lang) -> pd.DataFrame:
    """The headcount lines (kecamatan × target group × funding source), as the editor returns them."""
    st.text_input(t("kalk.groups_extra", lang), key=key("groups"), help=t("kalk.groups_extra_help", lang))
    labels = Labels.of(book, region, state.extra_groups(), lang)
    kecamatan, groups = labels.kecamatan, labels.groups
    funding = {f: name for f, name in labels.funding.items() if book.funding[f].subsidy}
    return st.data_editor(
        st.session_state[key("lines_base")],
        key=key("lines_editor"),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "kecamatan": st.column_config.SelectboxColumn(
                t("kalk.col.kecamatan", lang), options=list(kecamatan), format_func=kecamatan.get, default=WHOLE_REGION
            ),
            "target_group": st.column_config.SelectboxColumn(
                t("kalk.col.target_group", lang),
                options=list(groups),
                format_func=groups.get,
                default="lainnya",
                required=True,
            ),
            "funding": st.column_config.SelectboxColumn(
                t("kalk.col.funding", lang),
                options=list(funding),
                format_func=funding.get,
                default="APBD",
                required=True,
            ),
            "workers": st.column_config.NumberColumn(
                t("kalk.col.workers", lang), min_value=0, step=1, default=0, required=True
            ),
        },
    )


def preset(row: pd.Series, kode_kab: str, months: int) -> Scenario:
    """A programme of the research as a plan: its workers, funding source and months (else `months`).

    The start is the programme's date in the source; the texts name mixed target groups ('other').
    """
    return Scenario(
        start=first_of_month(pd.Timestamp(row["as_of"]).date()),
        region=kode_kab,
        name=row["name"],
        months=int(row["months"]) if pd.notna(row["months"]) else months,
        lines=(Line(None, "lainnya", row["funding_source"], int(row["headcount"])),),
    )


def _published_cost(book: RuleBook, row: pd.Series, kode_kab: str) -> int | None:
    """The calculator's cost of a programme at the basic package, where the source gives its months."""
    if pd.isna(row["months"]):
        return None
    p = preset(row, kode_kab, int(row["months"]))
    plan = Plan("jkk_jkm", book.brackets_on(p.start)[0].declared_income_rp, p.start, p.months, p.lines)
    return int(cost_table(book, plan)["cost_rp"].sum())


def examples(
    book: RuleBook, region: Region, evidence: list[Evidence], presets: pd.DataFrame, kode_kab: str, lang: Lang
) -> None:
    """Programmes the research reports, loadable as a plan; where the source gives a budget and its
    months, the calculator's cost of the same workers and months (JKK+JKM, lowest bracket) stands next to it."""
    if presets.empty:
        return
    # Tables inside a closed expander or tab are built and sent only once it is opened (issue 17).
    with st.expander(t("kalk.examples", lang), key=key("examples_box"), on_change="rerun") as box:
        if not box.open:
            state.keep("example")
            return
        computed = [_published_cost(book, row, kode_kab) for _, row in presets.iterrows()]
        shown = presets.assign(computed_rp=computed, kind=presets["kind"].map(lambda k: kind_label(k, lang)))
        formats = {
            "name": "text",
            "headcount": "number",
            "months": "number",
            "budget_rp": "rupiah",
            "computed_rp": "rupiah",
        }
        tables.show(shown, formats | {"kind": "text", "source_short": "text"}, lang, key("examples_table"))
        st.caption(t("kalk.examples_note", lang))
        st.selectbox(
            t("kalk.example_pick", lang),
            list(presets.index),
            key=key("example"),
            format_func=lambda i: presets.loc[i, "name"],
        )

        def load_example() -> None:  # reads the choice when clicked, not when drawn
            row = presets.loc[st.session_state[key("example")]]
            state.apply(preset(row, kode_kab, int(st.session_state[key("months")])), book, region, evidence)

        st.button(t("kalk.example_load", lang), key=key("example_load"), on_click=load_example)


@st.cache_data(show_spinner=False, ttl=600, max_entries=256)
def _breakdowns(db: str, scenario: str, lang: Lang, _r: Results, _labels: Labels) -> dict[str, pd.DataFrame]:
    # The encoded scenario with the database fixes the results (the rule book is read once per process), so a
    # new viewer of a region's default plan reuses the four tables instead of grouping and formatting them.
    return {c: formatted(cost_breakdown(_r, c, _labels), breakdown_formats(c), lang) for c in BREAKDOWNS}


def results(r: Results, book: RuleBook, region: Region, lang: Lang) -> None:
    """Totals, then the cost by kecamatan, target group, funding source and month."""
    if not r.plan.workers:
        st.info(t("kalk.no_workers", lang))
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])  # rupiah totals need the room
    c1.metric(t("kalk.total_cost", lang), fmt.rupiah(r.total_cost, lang))
    c2.metric(t("kalk.workers", lang), fmt.number(r.plan.workers, lang))
    c3.metric(t("kalk.worker_months", lang), fmt.number(r.worker_months, lang))
    per = r.total_cost / r.worker_months if r.worker_months else None
    c4.metric(t("kalk.per_worker_month", lang), fmt.rupiah(per, lang))
    if r.cost_if_discounted is not None:
        sources = ", ".join(book.funding[f].label(lang) for f in r.open_funding)
        full, discounted = fmt.rupiah(r.total_cost, lang), fmt.rupiah(r.cost_if_discounted, lang)
        st.info(t("kalk.discount_open", lang, sources=sources, full=full, discounted=discounted))
    labels = Labels.of(book, region, r.scenario.extra_groups, lang)
    breakdowns = _breakdowns(str(database_path()), encode(r.scenario), lang, r, labels)
    tabs = st.tabs([t(f"kalk.by.{c}", lang) for c in BREAKDOWNS], key=key("cost_by"), on_change="rerun")
    for tab, column in zip(tabs, BREAKDOWNS):
        if tab.open:
            with tab:
                st.dataframe(breakdowns[column], hide_index=True, key=key(f"cost_by_{column}"))
    st.caption(t("kalk.rounding", lang))
    with st.expander(t("kalk.rules_used", lang), key=key("cost_rules_box"), on_change="rerun") as box:
        if box.open:
            tables.show_rules(rules_used(book, r.plan), lang, key("cost_rules"))
    with st.expander(t("kalk.all_rules", lang), key=key("all_rules_box"), on_change="rerun") as box:
        if box.open:
            tables.show_rules([*book.rules, *book.brackets], lang, key("all_rules"))
