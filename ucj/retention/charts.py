"""Altair charts of the retention page: cohort curves side by side, and the agents' books over time."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.trend_charts import vega_locale


def curve_chart(curves: pd.DataFrame, colour: str, lang: Lang) -> alt.Chart:
    """Share still active at 1, 3, 6, 12, 24 months, one line per `colour` ('cohort' or 'part')."""
    seen = curves[curves["observed"] > 0]
    data = seen.assign(
        share_text=seen["share"].map(lambda s: fmt.percent(s, lang)),
        observed_text=seen["observed"].map(lambda n: fmt.number(n, lang)),
    )
    share = t("ret.col.share", lang)
    return (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("k:O", title=t("ret.axis.months", lang), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("share:Q", title=share, scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
            color=alt.Color(f"{colour}:N", title=t(f"ret.col.{colour}", lang), legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip(f"{colour}:N", title=t(f"ret.col.{colour}", lang)),
                alt.Tooltip("k:O", title=t("ret.axis.months", lang)),
                alt.Tooltip("share_text:N", title=share),
                alt.Tooltip("observed_text:N", title=t("ret.col.observed", lang)),
            ],
        )
        .properties(height=280)
        .configure(locale=vega_locale(lang))
    )


BOOK_MEASURES = ("registered", "paying", "lapsed", "recovered")


def book_chart(books: pd.DataFrame, lang: Lang) -> alt.Chart:
    """Each agent's book month by month: registered, paying, lapsed, recovered (one panel per agent)."""
    long = books.melt(id_vars=["agent", "month"], value_vars=list(BOOK_MEASURES), var_name="measure", value_name="n")
    long = long.assign(
        month=pd.to_datetime(long["month"]),
        measure=long["measure"].map(lambda m: t(f"ret.book.{m}", lang)),
        n_text=long["n"].map(lambda n: fmt.number(n, lang)),
        month_text=long["month"].map(lambda m: fmt.month(pd.Timestamp(m).date(), lang)),
    )
    return (
        alt.Chart(long)
        .mark_line()
        .encode(
            x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y")),
            y=alt.Y("n:Q", title=t("ret.book.persons", lang), axis=alt.Axis(format=",d")),
            color=alt.Color("measure:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("agent:N", title=t("ret.col.agent", lang)),
                alt.Tooltip("month_text:N", title=t("kalk.col.month", lang)),
                alt.Tooltip("measure:N", title=" "),
                alt.Tooltip("n_text:N", title=t("ret.book.persons", lang)),
            ],
        )
        .properties(height=200, width=320)
        .facet(column=alt.Column("agent:N", title=None))
        .configure(locale=vega_locale(lang))
    )
