"""Beranda: the chosen region's headline figures, each with its kind, date and source."""

import streamlit as st

from ucj import fmt
from ucj.i18n import t
from ucj.markdown_table import markdown_table
from ucj.markup import plain
from ucj.provenance import kind_label
from ucj.region.figure_table import discrepancy_values, published_table, segment_rates, value_text
from ucj.region.headline import region_headline
from ui.db import query
from ui.figures import figure_card
from ui.layout import context

ctx = context()
lang = ctx.lang
params = {"kode_kab": ctx.kode_kab}
h = region_headline(query, ctx.kode_kab)

st.title(plain(ctx.region_name))
st.caption(t("app.tagline", lang))

for column, figure in zip(st.columns(3), (h.workforce, h.active, h.coverage)):
    with column:
        figure_card(figure, lang)
for column, figure in zip(st.columns(3), (h.target, h.gap_points, h.gap_persons)):
    with column:
        figure_card(figure, lang)
figures = query("region_figures", **params)
for _, rate in segment_rates(figures, ctx.kode_kab).iterrows():
    st.caption(
        t(
            "home.segment_rate_not_coverage",
            lang,
            value=value_text(rate, lang),
            segment=t(f"segment.{rate['segment']}", lang),
            when=plain(rate["period_text"]),
            source=plain(rate["source_short"]),
        )
    )

st.subheader(t("home.by_segment", lang))
for column, figure in zip(st.columns(4), h.segments):
    with column:
        figure_card(figure, lang, label_key=figure.key.replace("segment.", "segment_short."))

st.subheader(t("home.subsidy", lang))
figure_card(h.subsidised, lang)
programmes = query("subsidy_programmes", **params)
if not programmes.empty:
    table = programmes.assign(
        headcount=programmes["headcount"].map(lambda v: fmt.number(v, lang)),
        months=programmes["months"].map(lambda v: fmt.number(v, lang)),
        budget_rp=programmes["budget_rp"].map(lambda v: fmt.rupiah(v, lang)),
        kind=programmes["kind"].map(lambda k: kind_label(k, lang)),
    )[
        [
            "name",
            "funding_source",
            "target_group",
            "headcount",
            "months",
            "budget_rp",
            "period_text",
            "kind",
            "source_short",
        ]
    ]
    # A few rows to read: Markdown, not a grid that loads its own front end into a fresh browser (issue 17).
    figures_right = frozenset(t(f"home.col.{c}", lang) for c in ("headcount", "months", "budget_rp"))
    st.markdown(markdown_table(table.rename(columns=lambda c: t(f"home.col.{c}", lang)), right=figures_right))

discrepancies = query("region_discrepancies", **params)
for _, row in discrepancies.iterrows():
    value_a, value_b = discrepancy_values(row, lang)
    st.warning(
        t(
            "home.discrepancy",
            lang,
            topic=row["topic_id"] if lang == "id" else row["topic_en"],
            a=value_a,
            source_a=plain(f"{row['source_a']}, {row['locator_a']}"),
            b=value_b,
            source_b=plain(f"{row['source_b']}, {row['locator_b']}"),
        )
    )

with st.expander(t("home.all_figures", lang), key="home_figures_box", on_change="rerun") as box:
    if box.open:  # the table of every figure is built and sent once asked for
        st.dataframe(published_table(figures, lang), hide_index=True, key="home_figures")
