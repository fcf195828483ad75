"""Retensi: who stayed protected, who lapsed, who is registered twice, measured in the region's own
participant extracts; every figure kind "upload" with the extract's date, "contoh sintetis" when synthetic."""

import streamlit as st

from ucj.i18n import t
from ucj.subsidy.rules import load
from ui.layout import context
from ui.retention import agents, cohorts, data, double, worklist
from ui.retention.provenance import source_line

ctx = context()
lang = ctx.lang
st.title(t("ret.title", lang, region=ctx.region_name))
st.caption(t("ret.intro", lang))
extracts = data.extracts(ctx.kode_kab)
if not extracts:
    st.info(t("ret.no_extract", lang))
    st.stop()
newest = extracts[0]
source_line(newest, lang)

tab_names = ("cohorts", "worklist", "double", "agents")
tabs = dict(zip(tab_names, st.tabs([t(f"ret.tab.{n}", lang) for n in tab_names])))
with tabs["cohorts"]:
    cohorts.render(ctx, newest)
with tabs["worklist"]:
    worklist.render(ctx, newest)
with tabs["double"]:
    double.render(ctx, newest, load())
with tabs["agents"]:
    agents.render(ctx, newest)
