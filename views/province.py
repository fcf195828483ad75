"""Provinsi: the kab/kota of a province on one map with whatever figures each has; a click opens one."""

import folium
import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.i18n import t
from ucj.map.choropleth import base_map, choropleth_layer
from ucj.map.metric_style import classes_for, formatter
from ucj.workspace import national
from ui.access import visible_scope
from ui.layout import context
from ui.map import view
from ui.province import features, kabkota_rows, open_on_click, opened
from ui.sortable_table import sortable_table

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
    coverage, as_of, population = (t(f"prov.col.{c}", lang) for c in ("coverage", "as_of", "population"))
    table = pd.DataFrame(
        {
            t("prov.col.kabkota", lang): rows["nama"],
            coverage: rows["coverage"],
            t("prov.col.kind", lang): rows["kind"].map(lambda k: t(f"kind.{k}", lang) if isinstance(k, str) else None),
            as_of: rows["as_of"],
            t("prov.col.source", lang): rows["source"],
            population: rows["population"],
        }
    )
    formats = {
        coverage: lambda v: fmt.percent(v, lang),
        as_of: lambda d: fmt.date(d, lang),
        population: lambda v: fmt.number(v, lang),
    }
    sortable_table(table, "prov_table", formats=formats, missing=fmt.MISSING[lang], caption=t("nav.provinsi", lang))
    st.caption(t("prov.population_source", lang, year=national.POPULATION_YEAR))
