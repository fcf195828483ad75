"""Kolaborasi: framework scorecards with append-only rounds, the stakeholder register and the action tracker."""

import datetime as dt

import streamlit as st

from ucj.i18n import t
from ui import kolaborasi_actions, kolaborasi_register, kolaborasi_round_form, kolaborasi_scorecard
from ui.data import query
from ui.kolaborasi_state import show_flash
from ui.layout import context

ctx = context()
lang = ctx.lang
today = dt.date.today()
params = {"kode_kab": ctx.kode_kab}
ref = kolaborasi_scorecard.Reference.load()
rounds = query("kolaborasi_rounds", **params)
scores = query("kolaborasi_scores", **params)
stakeholders = query("kolaborasi_stakeholders", **params)
actions = query("kolaborasi_actions", **params)

st.title(t("kolab.title", lang, region=ctx.region_name))
st.caption(t("kolab.intro", lang))
show_flash()
framework = kolaborasi_scorecard.framework_choice(ref, rounds, lang)

scores_tab, compare_tab, people_tab, actions_tab = st.tabs(
    [
        t("kolab.tab.scores", lang),
        t("kolab.tab.compare", lang),
        t("kolab.tab.people", lang),
        t("kolab.tab.actions", lang),
    ]
)
with scores_tab:
    kolaborasi_scorecard.render(ctx, ref, framework, rounds, scores, actions)
    kolaborasi_round_form.render(ctx, ref, framework, rounds, scores, stakeholders, today)
with compare_tab:
    kolaborasi_scorecard.render_comparison(ref, framework, query("regions"), lang)
with people_tab:
    kolaborasi_register.render(stakeholders, query("kolaborasi_stakeholder_needs", **params), lang)
with actions_tab:
    kolaborasi_actions.render(ctx, actions, ref.indicators, stakeholders, today)
