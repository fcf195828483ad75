"""The retention tab: the drop-out rate with its derivation, the incentives, and 24 months after the subsidy."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.trend_charts import vega_locale
from ucj.markup import plain
from ucj.retention.comparable import Comparable, beside
from ucj.subsidy.evaluate import Results
from ucj.subsidy.report import RETENTION_FORMATS, retention_table
from ucj.subsidy.retention import Evidence, default_evidence
from ui.subsidy import tables
from ui.subsidy.state import CUSTOM_DROPOUT, DEFAULT_DROPOUT, keep, key


def _describe(e: Evidence, lang: Lang) -> str:
    """'BPU aktif Kota Padang: 3.639 → 2.784 dalam 5 bulan → 5,2 % per bulan'."""
    if e.cohort is not None:
        what = t("kalk.evidence.measured", lang, place=e.place, cohort=t(f"kalk.cohort.{e.cohort}", lang))
        if e.synthetic:
            what = f"{what} · {t('ret.synthetic', lang)}"
    elif e.agent is None:
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
    st.radio(t("kalk.dropout", lang), list(labels), key=key("dropout_choice"), format_func=lambda k: plain(labels[k]))
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
            st.caption(plain(f"{_describe(e, lang)} — {e.source}"))
    c1, c2 = st.columns(2)
    c1.checkbox(t("kalk.inc.first_free", lang), key=key("inc_first_free"), help=t("kalk.inc.first_free_help", lang))
    c2.checkbox(t("kalk.inc.yearly_free", lang), key=key("inc_yearly_free"), help=t("kalk.inc.yearly_free_help", lang))


def keep_inputs() -> None:
    """The drop-out rate and incentives chosen stay while the tab is closed."""
    keep("dropout_choice", "dropout_custom", "inc_first_free", "inc_yearly_free")


def _chart(table: pd.DataFrame, workers: int, measured: Comparable | None, lang: Lang) -> alt.Chart:
    """Workers still paying, month by month, projected; beside it the measured cohort's shares applied to
    the same workers; axes in the locale's numbers and month names."""
    data = beside(table, workers, measured)
    names = {"projected": t("kalk.series.projected", lang)}
    if measured is not None:
        names["measured"] = t("kalk.series.measured", lang, cohort=t(f"kalk.cohort.{measured.kind}", lang))
    data = data.assign(
        series=data["series"].map(names),
        month=pd.to_datetime(data["month"]),
        month_text=data["month"].map(lambda m: fmt.month(m, lang)),
        active_text=data["active"].map(lambda n: fmt.number(n, lang)),
    )
    label = t("kalk.col.active", lang)
    return (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0)),
            y=alt.Y("active:Q", title=label, axis=alt.Axis(format=",d")),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("series:N", title=t("kalk.col.series", lang)),
                alt.Tooltip("month_text:N", title=t("kalk.col.month", lang)),
                alt.Tooltip("active_text:N", title=label),
            ],
        )
        .properties(height=240)
        .configure(locale=vega_locale(lang))
    )


def results(r: Results, lang: Lang, measured: list[Comparable]) -> None:
    """The projection; beside it the region's most comparable measured cohort, when an extract has one."""
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
    cohort = measured[0] if measured else None
    st.altair_chart(_chart(table, r.plan.workers, cohort, lang), width="stretch")
    if cohort is not None:
        what = t(f"kalk.cohort.{cohort.kind}", lang)
        st.caption(t("kalk.measured_note", lang, cohort=what, source=cohort.extract.label(lang)))
    tables.show(retention_table(r, lang), RETENTION_FORMATS, lang, key("retention_table"))
    st.caption(t("kalk.retention_note", lang))
