"""Provinsi: the kab/kota of a province on one map with whatever figures each has; a click opens one."""

import folium
import pandas as pd
import streamlit as st

from ucj.i18n import t
from ucj.map.choropleth import base_map, choropleth_layer
from ucj.map.metric_style import classes_for, formatter
from ucj.workspace import national
from ui.access import visible_scope
from ui.layout import context
from ui.map import view
from ui.province import features, kabkota_rows, kabkota_table, open_on_click, opened

ctx = context()
lang = ctx.lang
st.title(t("nav.provinsi", lang))
st.caption(t("prov.intro", lang))
opened()

listed = national.kabkota()
provinces = dict(zip(listed["kode_prov"], listed["provinsi"]))
if "prov_kode" not in st.session_state:
    st.session_state["prov_kode"] = ctx.kode_kab[:2]
kode_prov = st.selectbox(t("prov.pick", lang), sorted(provinces), key="prov_kode", format_func=provinces.__getitem__)

rows = kabkota_rows(kode_prov, visible_scope())
shapes = features(kode_prov)


def draw() -> tuple[folium.Map, folium.FeatureGroup]:
    values = {k: None if pd.isna(v) else float(v) for k, v in zip(rows["kode"], rows["coverage"])}
    kinds = {k: kind for k, kind in zip(rows["kode"], rows["kind"]) if isinstance(kind, str)}
    layer = choropleth_layer(
        shapes,
        values,
        kinds,
        classes_for("coverage", list(values.values())),
        label=t("peta.metric.coverage", lang),
        fmt_value=formatter("coverage", lang),
        lang=lang,
    )
    return base_map(shapes), layer


map_col, table_col = st.columns([11, 9])
with map_col:
    view.show(
        (kode_prov, rows, lang),
        draw,
        "prov_map",
        lang=lang,
        on_click=open_on_click(dict(zip(rows["kode"], rows["slug"]))),
    )
    st.caption(t("prov.map_hint", lang))
with table_col:
    kabkota_table(rows, lang)
    st.caption(t("prov.population_source", lang, year=national.POPULATION_YEAR))
