"""Altair charts of the map page: participants by segment over months, coverage against targets.

Estimates are drawn hollow and say so in the tooltip; axes use the Indonesian number and month
format (a Vega locale made from Babel's data), tooltips the texts of ucj.fmt.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ucj import fmt
from ucj.fmt import Lang, babel_locale
from ucj.i18n import t
from ucj.provenance import kind_label

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
SEGMENT_COLOURS = {"ALL": "#000000", "PU": "#0072B2", "BPU": "#E69F00", "JAKON": "#009E73", "PMI": "#CC79A7"}
SCOPE_COLOURS = {"kabupaten": "#D55E00", "nasional": "#56B4E9"}


def vega_locale(lang: Lang) -> dict[str, dict[str, object]]:
    """Number separators and month names for Vega, from Babel's locale data."""
    loc = babel_locale(lang)
    months = loc.months["format"]
    days = loc.days["format"]
    return {
        "number": {
            "decimal": loc.number_symbols["latn"]["decimal"],
            "thousands": loc.number_symbols["latn"]["group"],
            "grouping": [3],
            "currency": ["Rp", ""],
        },
        "time": {
            "dateTime": "%A, %e %B %Y %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": [days["wide"][(i - 1) % 7] for i in range(7)],  # Vega starts on Sunday
            "shortDays": [days["abbreviated"][(i - 1) % 7] for i in range(7)],
            "months": [months["wide"][i] for i in range(1, 13)],
            "shortMonths": [months["abbreviated"][i] for i in range(1, 13)],
        },
    }


def segment_trend_chart(trend: pd.DataFrame, lang: Lang, title: str) -> alt.LayerChart:
    """Participants per month, a line per segment; estimated points hollow."""
    data = trend.assign(
        period=pd.to_datetime(trend["period"]),
        segment_label=trend["segment"].map(lambda s: t(f"segment.{s}", lang)),
        month_text=trend["period"].map(lambda d: fmt.month(pd.Timestamp(d).date(), lang)),
        persons_text=trend["persons"].map(lambda v: fmt.number(v, lang)),
        kind_label=trend["kind"].map(lambda k: kind_label(k, lang)),
        estimate=trend["kind"] == "estimate",
    )
    present = [s for s in SEGMENT_COLOURS if s in set(trend["segment"])]
    colour = alt.Color(
        "segment_label:N",
        title=None,
        scale=alt.Scale(domain=[t(f"segment.{s}", lang) for s in present], range=[SEGMENT_COLOURS[s] for s in present]),
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=0),
    )
    base = alt.Chart(data, title=title).encode(
        x=alt.X("period:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount="month")),
        y=alt.Y("persons:Q", title=t("peta.chart.persons", lang), axis=alt.Axis(format=",d")),
        color=colour,
        tooltip=[
            alt.Tooltip("segment_label:N", title=t("peta.chart.segment", lang)),
            alt.Tooltip("month_text:N", title=t("peta.chart.month", lang)),
            alt.Tooltip("persons_text:N", title=t("peta.chart.persons", lang)),
            alt.Tooltip("kind_label:N", title=t("peta.tt.kind", lang)),
            alt.Tooltip("source_short:N", title=t("peta.col.source", lang)),
        ],
    )
    points = base.mark_point(size=60, strokeWidth=2).encode(
        fill=alt.condition("datum.estimate", alt.value("white"), colour),
        shape=alt.Shape("kind_label:N", title=t("peta.tt.kind", lang), legend=alt.Legend(orient="bottom")),
    )
    return (base.mark_line() + points).properties(height=220).configure(locale=vega_locale(lang))


def target_chart(realised: pd.DataFrame, targets: pd.DataFrame, lang: Lang, title: str) -> alt.LayerChart:
    """Coverage per year as bars (estimates pale), targets per year as coloured ticks."""
    realised = realised.assign(
        value_text=realised["value"].map(lambda v: fmt.percent(v, lang)),
        kind_label=realised["kind"].map(lambda k: kind_label(k, lang)),
        estimate=realised["kind"] == "estimate",
    )
    dated = targets.dropna(subset=["year"])
    dated = dated.assign(
        year=dated["year"].astype(int),
        value_text=dated["value"].map(lambda v: fmt.percent(v, lang, 2)),  # targets are set to the hundredth
        scope_label=dated["scope"].map(lambda s: t(f"peta.target.{s}", lang)),
    )
    y = alt.Y("value:Q", title=t("peta.metric.coverage", lang), axis=alt.Axis(format=".0%"))
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(realised)
        .mark_bar(stroke="#333")
        .encode(
            x=x,
            y=y,
            opacity=alt.condition("datum.estimate", alt.value(0.45), alt.value(0.9)),
            tooltip=[
                alt.Tooltip("year:O", title=t("peta.chart.year", lang)),
                alt.Tooltip("value_text:N", title=t("peta.chart.realised", lang)),
                alt.Tooltip("kind_label:N", title=t("peta.tt.kind", lang)),
                alt.Tooltip("source:N", title=t("peta.col.source", lang)),
            ],
        )
    )
    ticks = (
        alt.Chart(dated)
        .mark_tick(thickness=3, size=28)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "scope_label:N",
                title=None,
                scale=alt.Scale(
                    domain=[t(f"peta.target.{s}", lang) for s in SCOPE_COLOURS], range=list(SCOPE_COLOURS.values())
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("year:O", title=t("peta.chart.year", lang)),
                alt.Tooltip("scope_label:N", title=t("peta.chart.target", lang)),
                alt.Tooltip("value_text:N", title=t("peta.chart.target", lang)),
                alt.Tooltip("source:N", title=t("peta.col.source", lang)),
            ],
        )
    )
    return (bars + ticks).properties(height=220, title=title).configure(locale=vega_locale(lang))
