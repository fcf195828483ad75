"""The value-of-protection tab: claim-rate ASSUMPTIONS, and the expected claims next to the cost."""

from __future__ import annotations

import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.subsidy.evaluate import Results
from ucj.subsidy.report import CLAIM_FORMATS, claims_table
from ucj.subsidy.rules import RuleBook
from ui.subsidy import tables
from ui.subsidy.state import CLAIM_SCALES, keep, key


def inputs(book: RuleBook, lang: Lang) -> None:
    st.warning(t("kalk.assumptions_warning", lang))
    columns = st.columns(len(CLAIM_SCALES) + 1)
    for column, (name, scale) in zip(columns, CLAIM_SCALES.items()):
        assumption = book.assumptions[name]
        column.number_input(
            t(f"kalk.claims.{name}", lang, per=fmt.number(scale, lang)),
            key=key(name),
            min_value=0.0,
            max_value=float(scale),
            step=0.1,
            format="%.2f",
            help=assumption.basis,
        )
    columns[-1].number_input(
        t("kalk.claims.injury_cost_rp", lang),
        key=key("injury_cost_rp"),
        min_value=0,
        step=100_000,
        help=book.assumptions["injury_cost_rp"].basis,
    )


def keep_inputs() -> None:
    """The claim-rate assumptions typed stay while the tab is closed."""
    keep(*CLAIM_SCALES, "injury_cost_rp")


def results(r: Results, lang: Lang) -> None:
    p = r.protection
    c1, c2, c3 = st.columns(3)
    c1.metric(t("kalk.total_cost", lang), fmt.rupiah(r.total_cost, lang))
    c2.metric(t("kalk.expected_claims", lang), fmt.rupiah(p.total_rp, lang), help=t("kalk.expected_claims_help", lang))
    ratio = p.total_rp / r.total_cost if r.total_cost else None
    c3.metric(t("kalk.claims_per_cost", lang), fmt.percent(ratio, lang))
    tables.show(claims_table(r, lang), CLAIM_FORMATS, lang, key("claims_table"))
    st.caption(t("kalk.claims_note", lang, months=fmt.number(p.worker_months, lang)))
    if p.uncounted_worker_months:
        st.caption(t("kalk.claims_uncounted", lang, months=fmt.number(p.uncounted_worker_months, lang)))
    with st.expander(t("kalk.rules_used", lang), key=key("claims_rules_box"), on_change="rerun") as box:
        if box.open:
            tables.show_rules(list(p.rules), lang, key("claims_rules"))
