"""The coverage map page's detail of one area and its region context: figures, targets, trends."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.figures import Figure
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.coverage_metrics import (
    Inputs,
    Selection,
    area_values,
    coverage_by_year,
    ranking,
    segment_trend,
    target_for,
    target_rates_by_year,
)
from ucj.map.focus import Focus
from ucj.map.metric_style import formatter
from ucj.map.trend_charts import segment_trend_chart, target_chart
from ucj.markup import plain
from ucj.region.headline import coverage_figures
from ucj.region.national_context import national_figures
from ui.charts import altair_chart, for_screen, spec
from ui.db import database_path, query
from ui.figures import figure_card, kind_badge
from ui.layout import Context
from ui.map import panels, state


def _trend(trend: pd.DataFrame, lang: Lang, title_key: str) -> None:
    if trend.empty:
        st.caption(t("peta.no_trend", lang))
    else:
        altair_chart(segment_trend_chart, trend, lang, t(title_key, lang), width="stretch")


def detail(
    kode: str,
    names: dict[str, str],
    values: pd.DataFrame,
    area_inputs: Inputs,
    selection: Selection,
    lang: Lang,
) -> None:
    """One area: its figure and rank, target against realisation, participants by segment over time."""
    row = ranking(values, names).set_index("kode").loc[kode]
    write = formatter(selection.metric, lang)
    st.subheader(plain(names.get(kode, kode)))
    value = fmt.MISSING[lang] if pd.isna(row["value"]) else write(row["value"])
    if isinstance(row["bound"], str) and pd.notna(row["value"]):  # "> 8.382": the source gives only a floor
        value = t(f"figure.bound.{row['bound']}", lang, value=value)
    rank = t("peta.rank_of", lang, rank=row["rank"], total=int(values["value"].notna().sum()))
    st.markdown(
        f"{t(f'peta.metric.{selection.metric}', lang)}: **{value}** · "
        f"{t('peta.tt.rank', lang)}: **{rank if pd.notna(row['rank']) else fmt.MISSING[lang]}**"
    )
    if isinstance(row["kind"], str):  # kind · date · source, as under every figure
        st.markdown(f"{kind_badge(row['kind'], lang)} {fmt.month(row['as_of'], lang)} · {plain(row['source'])}")
    if isinstance(row["method"], str):
        st.caption(plain(row["method"]))
    _target_vs_realisation(kode, area_inputs, selection, lang)
    _trend(segment_trend(area_inputs.participants, kode), lang, "peta.chart.by_segment")


def selected_area(
    kode_kab: str,
    focus: Focus,
    kecamatan: pd.DataFrame,
    desa: pd.DataFrame,
    names: dict[str, str],
    values: pd.DataFrame,
    kec_inputs: Inputs,
    map_inputs: Inputs,
    selection: Selection,
    lang: Lang,
) -> None:
    """The clicked kecamatan (or desa): its detail, and for a kecamatan with desa boundaries the desa
    breakdown and the way down to their map."""
    with st.container(border=True):
        if focus.desa:
            detail(focus.desa, names, values, map_inputs, selection, lang)
            return
        # On the desa map the values are the desa's: the kecamatan's rank needs the kecamatan's values.
        kec_values = values
        if focus.drilled:
            kec_values = panels.values(kode_kab, "kecamatan", list(kecamatan["kode"]), selection)
        detail(focus.kec, names, kec_values, kec_inputs, selection, lang)
        if focus.drilled or focus.kec not in set(desa["kode_kec"]):
            return
        desa_inputs = panels.inputs(kode_kab, "desa")
        kec_desa = [k for k in desa["kode"] if k.startswith(f"{focus.kec}.")]
        st.markdown(f"**{t('peta.desa_breakdown', lang)}**")
        desa_values = panels.values(kode_kab, "desa", kec_desa, selection)
        panels.desa_breakdown(desa_values, names, desa_inputs, selection.metric, lang)
        st.button(
            t("peta.open_desa_map", lang),
            key="peta_drill",
            on_click=state.set_focus,
            args=(focus.click(focus.kec, has_desa=True),),
        )


def _target_vs_realisation(kode: str, area_inputs: Inputs, selection: Selection, lang: Lang) -> None:
    coverage_sel = Selection("coverage", selection.month, "ALL")
    coverage = area_values([kode], area_inputs.within(kode), coverage_sel).iloc[0]
    target = target_for(area_inputs.targets, kode, area_inputs.kode_kab, selection.month.year)
    cols = st.columns(2)
    cols[0].metric(t("peta.realised", lang), fmt.percent(coverage["value"], lang))
    if target is None:
        cols[1].metric(t("peta.chart.target", lang), fmt.MISSING[lang])
        return
    part, scope = target
    cols[1].metric(
        f"{t('peta.chart.target', lang)} ({t(f'peta.target.{scope}', lang)})", fmt.percent(part.value, lang, 2)
    )
    if pd.notna(coverage["value"]):
        st.progress(
            min(coverage["value"] / part.value, 1.0),
            text=t("peta.progress", lang, share=fmt.percent(coverage["value"] / part.value, lang)),
        )


@dataclass(frozen=True)
class _RegionContext:
    coverage: Figure
    national: Figure
    target: Figure
    trend: dict[str, Any] | None  # the PU/BPU chart's spec, None without monthly figures
    targets: dict[str, Any]


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _region_context(db: str, kode_kab: str, lang: Lang) -> _RegionContext:
    # Independent of the filters and the focus: computed once per region and language, not on every rerun.
    params = {"kode_kab": kode_kab}
    kab_inputs = panels.inputs(kode_kab, "kabupaten")
    _, _, coverage = coverage_figures(
        query("region_workforce", **params),
        query("participants_by_segment", **params),
        query("published_coverage_rates", **params),
    )
    national, target = national_figures(
        query("published_coverage_rates", kode_kab="ID"), query("region_targets", kode_kab="ID")
    )
    monthly = segment_trend(kab_inputs.participants, kode_kab)
    monthly = monthly[monthly["segment"].isin(["PU", "BPU"])]
    title = t("peta.chart.pu_bpu", lang)
    trend = None if monthly.empty else for_screen(spec(segment_trend_chart, monthly, lang, title))
    realised = coverage_by_year(
        kab_inputs.participants, kab_inputs.workforce, query("published_coverage_rates", **params), kode_kab
    )
    targets = target_rates_by_year(kab_inputs.targets, kode_kab)
    by_year = for_screen(spec(target_chart, realised, targets, lang, t("peta.chart.target_by_year", lang)))
    return _RegionContext(coverage, national, target, trend, by_year)


def region_context(ctx: Context) -> None:
    """The region against the national UCJ figure and target; in a box, PU and BPU by month and targets by year."""
    lang = ctx.lang
    st.subheader(t("peta.region.title", lang, region=ctx.region_name))
    found = _region_context(str(database_path()), ctx.kode_kab, lang)
    for column, figure, label in zip(
        st.columns(3),
        (found.coverage, found.national, found.target),
        ("peta.region.coverage", "peta.region.national", "peta.region.target"),
    ):
        with column:
            figure_card(figure, lang, label_key=label)
    # Built and sent only once opened: the charts' front end (~1 MB of Vega) loaded beside the map's and
    # the ranking table's delayed the polygons of a fresh load by ~0,2 s (issue 17).
    with st.expander(t("peta.region.charts", lang), key="peta_region_charts", on_change="rerun") as box:
        if not box.open:
            return
        left, right = st.columns(2)
        with left:
            if found.trend is None:
                st.caption(t("peta.no_trend", lang))
            else:
                st.vega_lite_chart(spec=found.trend, width="stretch")
        with right:
            st.vega_lite_chart(spec=found.targets, width="stretch")
