"""The controls and tables of the coverage map page: filters, the way back up, ranking, desa breakdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.figures import SEGMENTS
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.coverage_metrics import (
    METRICS,
    RATIO_METRICS,
    SEGMENT_FREE,
    Inputs,
    Metric,
    Selection,
    area_values,
    first_with_data,
    latest_counts,
    ranking,
    read_inputs,
)
from ucj.map.focus import Focus
from ucj.map.metric_style import formatter
from ucj.map.public_export import suppress, withheld
from ucj.markup import plain
from ucj.provenance import kind_label
from ucj.table_export import XLSX_MIME, to_csv, to_xlsx
from ui.db import database_path, query
from ui.deferred_download import deferred_download
from ui.layout import Context
from ui.map.state import init_choice, month_key, parse_month, set_focus
from ui.sortable_table import sortable_table


def inputs(kode_kab: str, level: str) -> Inputs:
    """Every kind of participant, workforce and target row for the region at `level`, through the page cache."""
    return read_inputs(query, kode_kab, level)


@st.cache_data(show_spinner=False, ttl=600, max_entries=256)
def _values(db: str, kode_kab: str, level: str, areas: tuple[str, ...], selection: Selection) -> pd.DataFrame:
    # Picking each area's figure closest in time costs 30–80 ms a run; the choice changes only with its inputs.
    return area_values(areas, inputs(kode_kab, level), selection)


def values(kode_kab: str, level: str, areas: list[str], selection: Selection) -> pd.DataFrame:
    """`area_values` of `areas` from the region's inputs at `level`, cached by database and selection."""
    return _values(str(database_path()), kode_kab, level, tuple(areas), selection)


@st.cache_data(show_spinner=False, ttl=600, max_entries=256)
def _withheld(db: str, kode_kab: str, level: str, selection: Selection) -> set[str]:
    return withheld(inputs(kode_kab, level), selection)


def withheld_areas(kode_kab: str, level: str, selection: Selection) -> set[str]:
    """The areas whose figure the downloads write '<5' (ucj.map.public_export), cached like `values`."""
    return _withheld(str(database_path()), kode_kab, level, selection)


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _first_view(db: str, kode_kab: str, level: str, areas: tuple[str, ...], month: dt.date) -> tuple[Metric, str]:
    return first_with_data(list(areas), inputs(kode_kab, level), month)


def first_view(kode_kab: str, level: str, areas: list[str], month: dt.date) -> tuple[Metric, str]:
    """`first_with_data` (the metric and segment a first view opens with), cached by database and month."""
    return _first_view(str(database_path()), kode_kab, level, tuple(areas), month)


def filters(
    lang: Lang, months: list[dt.date], default: dt.date, first_view: Callable[[], tuple[Metric, str]]
) -> Selection:
    """Metric, segment, month (and the start of a change), kept in the URL.

    `first_view` gives the metric and segment to open with, asked only when neither URL nor session has one.
    """
    keys = [month_key(m) for m in months]
    first_view = cache(first_view)
    metric_key = init_choice("metric", list(METRICS), lambda: first_view()[0])
    segment_key = init_choice("segment", ["ALL", *SEGMENTS], lambda: first_view()[1])
    month_k = init_choice("month", keys, month_key(default))
    since_k = init_choice("since", keys, keys[0])
    cols = st.columns(4)
    metric: Metric = cols[0].selectbox(
        t("peta.filter.metric", lang), METRICS, key=metric_key, format_func=lambda m: t(f"peta.metric.{m}", lang)
    )
    segment = cols[1].selectbox(
        t("peta.filter.segment", lang),
        ["ALL", *SEGMENTS],
        key=segment_key,
        format_func=lambda s: t(f"segment.{s}", lang),
        disabled=metric in SEGMENT_FREE,
    )
    month_label = lambda k: fmt.month(parse_month(k), lang)  # noqa: E731
    month = cols[2].selectbox(t("peta.filter.month", lang), keys, key=month_k, format_func=month_label)
    since = None
    if metric == "change":
        since = cols[3].selectbox(t("peta.filter.since", lang), keys, key=since_k, format_func=month_label)
    st.caption(t(f"peta.help.{metric}", lang))
    return Selection(metric, parse_month(month), segment, parse_month(since) if since else None)


def breadcrumb(ctx: Context, focus: Focus, names: dict[str, str]) -> None:
    """Where the map is, and the way back up one step."""
    trail = [ctx.region_name] + [names.get(k, k) for k in (focus.kec, focus.desa) if k]
    cols = st.columns([4, 1])
    cols[0].markdown(" › ".join(f"**{plain(name)}**" for name in trail))
    if focus.kec:
        cols[1].button(t("peta.up", ctx.lang), key="peta_up", on_click=set_focus, args=(focus.up(),), width="stretch")


def _figure_table(shown: pd.DataFrame, label: str, metric: Metric, lang: Lang, key: str, caption: str) -> None:
    """A sortable table: the figure column sorts as numbers and shows in Indonesian format."""
    sortable_table(shown, key, formats={label: formatter(metric, lang)}, missing=fmt.MISSING[lang], caption=caption)


def ranking_table(
    values: pd.DataFrame, names: dict[str, str], metric: Metric, lang: Lang, area_level: str, withheld: set[str]
) -> None:
    """The areas by rank, sortable, with CSV and Excel downloads (which write figures of 1–4 people '<5')."""
    table = ranking(values, names)
    label = t(f"peta.metric.{metric}", lang)
    shown = pd.DataFrame(
        {
            t("peta.col.rank", lang): table["rank"],
            t(f"peta.level.{area_level}", lang): table["nama"],
            label: table["value"],
            t("peta.tt.kind", lang): table["kind"].map(lambda k: kind_label(k, lang)),
        }
    )
    _figure_table(shown, label, metric, lang, "peta_ranking", f"{t('peta.col.rank', lang)}: {label}")
    sources = "; ".join(dict.fromkeys(s for cell in table["source"].dropna() for s in cell.split("; ")))
    if sources:
        st.caption(t("peta.sources", lang, sources=plain(sources)))
    shown = shown.assign(
        **{
            t("peta.col.as_of", lang): table["as_of"].to_numpy(),
            t("peta.col.source", lang): table["source"].fillna("").to_numpy(),
            t("peta.col.method", lang): table["method"].fillna("").to_numpy(),
        }
    )
    shown = suppress(shown, table["kode"], withheld, label)
    if withheld:
        st.caption(t("peta.withheld_note", lang))
    stem = f"peringkat_{metric}"
    percent = (label,) if metric in RATIO_METRICS else ()
    cols = st.columns(2)
    deferred_download(cols[0], "CSV", lambda: to_csv(shown), f"{stem}.csv", "text/csv", "peta_csv", width="stretch")
    deferred_download(
        cols[1],
        "Excel",
        lambda: to_xlsx(shown, label, percent_columns=percent),
        f"{stem}.xlsx",
        XLSX_MIME,
        "peta_xlsx",
        width="stretch",
    )


def desa_breakdown(
    values: pd.DataFrame, names: dict[str, str], desa_inputs: Inputs, metric: Metric, lang: Lang
) -> None:
    """The desa/kelurahan of a kecamatan with the figure shown and the latest count any source gives."""
    table = ranking(values, names)
    latest = _latest_text(desa_inputs.participants, lang)
    label = t(f"peta.metric.{metric}", lang)
    shown = pd.DataFrame(
        {
            t("peta.level.desa", lang): table["nama"],
            label: table["value"],
            t("peta.tt.kind", lang): table["kind"].map(lambda k: kind_label(k, lang)),
            t("peta.col.latest", lang): table["kode"].map(lambda k: latest.get(k, "")),
        }
    )
    _figure_table(shown, label, metric, lang, "peta_desa_table", t("peta.desa_breakdown", lang))


def _latest_text(participants: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """Per area: 'BPU terdaftar 482 (Januari 2021, Angka terbitan)' for each latest figure."""
    texts: dict[str, list[str]] = {}
    for _, r in latest_counts(participants).iterrows():
        when = fmt.month(pd.Timestamp(r["period"]).date(), lang)
        segment = t("segment.ALL", lang) if r["segment"] == "ALL" else r["segment"]
        texts.setdefault(r["kode"], []).append(
            f"{segment} {t('status.' + r['status'], lang)} {fmt.number(r['persons'], lang)} "
            f"({when}, {kind_label(r['kind'], lang)})"
        )
    return {kode: "; ".join(parts) for kode, parts in texts.items()}
