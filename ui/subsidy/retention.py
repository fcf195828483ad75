"""The retention tab: the drop-out rate with its derivation, the incentives, and 24 months after the subsidy."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.trend_charts import vega_locale
from ucj.subsidy.evaluate import Results
from ucj.subsidy.report import RETENTION_FORMATS, retention_table
from ucj.subsidy.retention import Evidence, default_evidence
from ui.charts import altair_chart
from ui.subsidy import tables
from ui.subsidy.state import CUSTOM_DROPOUT, DEFAULT_DROPOUT, key


def _describe(e: Evidence, lang: Lang) -> str:
    """'BPU aktif Kota Padang: 3.639 → 2.784 dalam 5 bulan → 5,2 % per bulan'."""
    if e.agent is None:
        what = t("kalk.evidence.series", lang, place=e.place)
    else:
        what = t("kalk.evidence.agent", lang, place=e.place, agent=e.agent, bound=t(f"kalk.bound.{e.bound}", lang))
    months_key = "kalk.evidence.months_assumed" if e.assumed_steps else "kalk.evidence.months"
    return t(
        "kalk.evidence.line",
        lang,
        what=what,
        start=fmt.number(e.start, lang),
        end=fmt.number(e.end, lang),
        months=t(months_key, lang, n=e.steps),
        rate=fmt.percent(e.monthly_dropout, lang),
    )


def inputs(evidence: list[Evidence], lang: Lang) -> None:
    default = default_evidence(evidence)
    default_text = _describe(default, lang) if default else t("kalk.no_evidence", lang)
    labels = {DEFAULT_DROPOUT: t("kalk.dropout_default", lang, what=default_text)}
    labels |= {e.key: _describe(e, lang) for e in evidence if e is not default}
    labels[CUSTOM_DROPOUT] = t("kalk.dropout_custom", lang)
    st.radio(t("kalk.dropout", lang), list(labels), key=key("dropout_choice"), format_func=labels.get)
    if st.session_state[key("dropout_choice")] == CUSTOM_DROPOUT:
        st.number_input(
            t("kalk.dropout_pct", lang),
            key=key("dropout_custom"),
            min_value=0.0,
            max_value=100.0,
            step=0.1,
            format="%.1f",
        )
    with st.expander(t("kalk.dropout_why", lang)):
        st.markdown(t("kalk.dropout_formula", lang))
        st.markdown(t("kalk.dropout_reason", lang))
        for e in evidence:
            st.caption(f"{_describe(e, lang)} — {e.source}")
    c1, c2 = st.columns(2)
    c1.checkbox(t("kalk.inc.first_free", lang), key=key("inc_first_free"), help=t("kalk.inc.first_free_help", lang))
    c2.checkbox(t("kalk.inc.yearly_free", lang), key=key("inc_yearly_free"), help=t("kalk.inc.yearly_free_help", lang))


def _chart(table: pd.DataFrame, lang: Lang) -> alt.Chart:
    """Workers still paying, month by month; axes in the locale's numbers and month names."""
    data = table.assign(
        month=pd.to_datetime(table["month"]),
        month_text=table["month"].map(lambda m: fmt.month(m, lang)),
        active_text=table["active"].map(lambda n: fmt.number(n, lang)),
    )
    label = t("kalk.col.active", lang)
    return (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0)),
            y=alt.Y("active:Q", title=label, axis=alt.Axis(format=",d")),
            tooltip=[
                alt.Tooltip("month_text:N", title=t("kalk.col.month", lang)),
                alt.Tooltip("active_text:N", title=label),
            ],
        )
        .properties(height=220)
        .configure(locale=vega_locale(lang))
    )


def results(r: Results, lang: Lang) -> None:
    if r.dropout is None:
        st.info(t("kalk.no_evidence", lang))
        return
    table = r.retention
    if table.empty or not r.plan.workers:
        st.info(t("kalk.no_cohort", lang))
        return
    st.markdown(t("kalk.retention_head", lang, n=fmt.number(r.plan.workers, lang), rate=fmt.percent(r.dropout, lang)))
    c1, c2, c3, c4 = st.columns([2, 2, 3, 3])
    c1.metric(t("kalk.active_after", lang, n=12), fmt.number(table["active"].iloc[11], lang))
    c2.metric(t("kalk.active_after", lang, n=len(table)), fmt.number(table["active"].iloc[-1], lang))
    c3.metric(t("kalk.self_paid", lang), fmt.rupiah(table["self_paid_rp"].sum(), lang))
    c4.metric(t("kalk.incentive_cost", lang), fmt.rupiah(table["incentive_rp"].sum(), lang))
    altair_chart(_chart, table, lang, width="stretch")
    tables.show(retention_table(r, lang), RETENTION_FORMATS, lang, key("retention_table"))
    st.caption(t("kalk.retention_note", lang))
