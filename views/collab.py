"""Kolaborasi: framework scorecards with append-only rounds, the stakeholder register and the action tracker."""

import datetime as dt

import streamlit as st

from ucj.i18n import t
from ucj.markup import plain
from ui.collab import actions, register, round_form, scorecard
from ui.collab.state import show_flash
from ui.db import query
from ui.layout import context

ctx = context()
lang = ctx.lang
today = dt.date.today()
params = {"kode_kab": ctx.kode_kab}
ref = scorecard.Reference.load()
rounds = query("collab_rounds", **params)
scores = query("collab_scores", **params)
stakeholders = query("collab_stakeholders", **params)
action_rows = query("collab_actions", **params)

st.title(t("kolab.title", lang, region=plain(ctx.region_name)))
st.caption(t("kolab.intro", lang))
show_flash()
framework = scorecard.framework_choice(ref, rounds, lang)

names = ("scores", "compare", "people", "actions")
# Only the open tab runs and is sent (a click on another reruns the page): the four together were 129
# elements, and a fresh browser's work grows with every element it draws (issue 17).
labels = [t(f"kolab.tab.{name}", lang) for name in names]
tabs = dict(zip(names, st.tabs(labels, key="kolab_tab", on_change="rerun")))
if tabs["scores"].open:
    with tabs["scores"]:
        scorecard.render(ctx, ref, framework, rounds, scores, action_rows)
        round_form.render(ctx, ref, framework, rounds, scores, stakeholders, today)
if tabs["compare"].open:
    with tabs["compare"]:
        scorecard.render_comparison(ref, framework, query("regions"), lang)
if tabs["people"].open:
    with tabs["people"]:
        register.render(stakeholders, query("collab_stakeholder_needs", **params), lang)
if tabs["actions"].open:
    with tabs["actions"]:
        actions.render(ctx, action_rows, ref.indicators, stakeholders, today)
