"""Peta Cakupan: where coverage is low, by kecamatan and desa/kelurahan, and how it moves."""

import datetime as dt

import folium
import streamlit as st

from ucj.i18n import t
from ucj.map.choropleth import base_map, choropleth_layer
from ucj.map.coverage_metrics import as_mappings, bounds_of, default_month, months_of, target_for
from ucj.map.metric_style import classes_for, formatter
from ui import url_state
from ui.db import database_path, query
from ui.layout import context
from ui.map import detail, panels, state, view

ctx = context()
lang = ctx.lang
st.title(t("nav.peta", lang))

kecamatan = query("map_boundaries", kode_kab=ctx.kode_kab, level="kecamatan")
desa = query("map_boundaries", kode_kab=ctx.kode_kab, level="desa")
names = dict(zip(kecamatan["kode"], kecamatan["nama"])) | dict(zip(desa["kode"], desa["nama"]))
with_desa_map = set(desa["kode_kec"])
focus = state.focus().checked(set(kecamatan["kode"]), with_desa_map, set(desa["kode"]))
state.set_focus(focus)

kec_inputs = panels.inputs(ctx.kode_kab, "kecamatan")
map_inputs = panels.inputs(ctx.kode_kab, "desa") if focus.drilled else kec_inputs
options = months_of(kec_inputs, map_inputs)
if not options:  # a region with boundaries but no figures yet: an all-grey map says so
    st.info(t("peta.no_data_region", lang))
    options = [dt.date.today().replace(day=1)]
features = view.features(ctx.kode_kab, focus.level, focus.kec if focus.drilled else None)
areas = [f["properties"]["kode"] for f in features["features"]]
month = default_month(map_inputs.participants, map_inputs.workforce) or options[-1]
selection = panels.filters(lang, options, month, lambda: panels.first_view(ctx.kode_kab, focus.level, areas, month))
values = panels.values(ctx.kode_kab, focus.level, areas, selection)
region_target = target_for(kec_inputs.targets, ctx.kode_kab, ctx.kode_kab, selection.month.year)
classes = classes_for(selection.metric, values["value"], region_target[0].value if region_target else None)
selected = focus.desa if focus.drilled else focus.kec
shown_area = (str(database_path()), ctx.kode_kab, focus.level, focus.kec if focus.drilled else None)


def draw() -> tuple[folium.Map, folium.FeatureGroup]:
    layer = choropleth_layer(
        features,
        *as_mappings(values),
        classes,
        label=t(f"peta.metric.{selection.metric}", lang),
        fmt_value=formatter(selection.metric, lang),
        lang=lang,
        selected=selected,
        bounds=bounds_of(values),
    )
    return base_map(features), layer


def on_click(kode: str) -> None:
    current = state.focus()
    state.set_focus(current.click(kode, has_desa=kode in with_desa_map))


panels.breadcrumb(ctx, focus, names)
if values["value"].isna().all():
    st.info(t("peta.no_data_selection", lang))
map_col, table_col = st.columns([11, 9])
with map_col:
    view.show(
        (shown_area, values, classes, selection.metric, selected, lang), draw, "peta_map", lang=lang, on_click=on_click
    )
    st.caption(t("peta.map_hint_desa" if focus.drilled else "peta.map_hint", lang))
with table_col:
    area_level = "desa" if focus.drilled else "kecamatan"
    withheld = panels.withheld_areas(ctx.kode_kab, focus.level, selection)
    panels.ranking_table(values, names, selection.metric, lang, area_level, withheld)

if focus.kec:
    detail.selected_area(ctx.kode_kab, focus, kecamatan, desa, names, values, kec_inputs, map_inputs, selection, lang)

detail.region_context(ctx)

url_state.write(
    {
        "metric": selection.metric,
        "segment": selection.segment,
        "month": state.month_key(selection.month),
        "since": state.month_key(selection.since) if selection.since else None,
        **state.focus_params(focus),
    }
)
