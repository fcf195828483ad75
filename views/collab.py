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

scores_tab, compare_tab, people_tab, actions_tab = st.tabs(
    [
        t("kolab.tab.scores", lang),
        t("kolab.tab.compare", lang),
        t("kolab.tab.people", lang),
        t("kolab.tab.actions", lang),
    ]
)
with scores_tab:
    scorecard.render(ctx, ref, framework, rounds, scores, action_rows)
    round_form.render(ctx, ref, framework, rounds, scores, stakeholders, today)
with compare_tab:
    scorecard.render_comparison(ref, framework, query("regions"), lang)
with people_tab:
    register.render(stakeholders, query("collab_stakeholder_needs", **params), lang)
with actions_tab:
    actions.render(ctx, action_rows, ref.indicators, stakeholders, today)
