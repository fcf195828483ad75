"""Kalkulator Subsidi: what a contribution subsidy costs, how far a budget goes, where it should go,
how many stay protected after it ends and what the protection is worth — every rate cited."""

import streamlit as st

from ucj.i18n import t
from ucj.subsidy.evaluate import evaluate
from ucj.subsidy.rules import RuleNotFound, load
from ui.layout import context
from ui.subsidy import area_map, budget, cost, data, protection, retention, scenarios, state

ctx = context()
lang = ctx.lang
book = load()
evidence = data.dropout_evidence(book, ctx.kode_kab)
region = data.region(book, ctx.kode_kab)
state.init(book, ctx.kode_kab, region, evidence)

st.title(t("nav.kalkulator", lang))
st.caption(t("kalk.intro", lang))
if error := st.session_state.pop(state.key("url_error"), None):
    st.warning(t("kalk.url_error", lang, error=error.message(lang)))
cost.terms(book, lang)

tab_names = ("cost", "budget", "retention", "protection", "scenarios")
# A tab runs and is sent only while open (a click on it reruns the page): a fresh browser drew the inputs
# of all five and the results of four before the first tab could be read; the scenario tab's comparison
# evaluates every saved plan, and its copyable link pulls half a megabyte of code highlighter (issue 17).
# The cost tab's inputs always run (its lines are the scenario's); a closed tab's inputs keep their values.
labels = [t(f"kalk.tab.{n}", lang) for n in tab_names]
tabs = dict(zip(tab_names, st.tabs(labels, key=state.key("tab"), on_change="rerun")))
# Inputs first in every tab; results go into these placeholders once the whole scenario is known.
with tabs["cost"]:
    cost.examples(book, region, evidence, data.presets(ctx.kode_kab), ctx.kode_kab, lang)
    lines = cost.lines(book, region, lang)
    cost_out = st.container()
with tabs["budget"]:
    if tabs["budget"].open:
        budget.budget_inputs(book, region, lang)
        uncovered = budget.uncovered_inputs(region, lang)
        budget.rule_inputs(lang)
    else:
        uncovered = budget.keep_inputs(book)
    budget_out = st.container()
with tabs["retention"]:
    if tabs["retention"].open:
        retention.inputs(evidence, lang)
    else:
        retention.keep_inputs()
    retention_out = st.container()
with tabs["protection"]:
    if tabs["protection"].open:
        protection.inputs(book, lang)
    else:
        protection.keep_inputs()
    protection_out = st.container()

scenario = state.assemble(book, ctx.kode_kab, lines, uncovered, evidence)
encoded = state.publish(scenario)
try:
    results = evaluate(scenario, book, region)
except RuleNotFound as err:  # e.g. a shared link whose months lie before the rules in the data
    st.error(t("kalk.rule_missing", lang, error=err.message(lang)))
    st.stop()

# A tab's results are sent only while it is open: with all four, a fresh browser drew a dozen tables, the
# allocation map and the retention charts before the first tab could be read (issue 17).
if tabs["cost"].open:
    with cost_out:
        cost.results(results, book, region, lang)
if tabs["budget"].open:
    with budget_out:
        budget.results(results, book, region, lang)
else:
    area_map.keep_choice()
if tabs["retention"].open:
    with retention_out:
        retention.results(results, lang, data.measured_cohorts(ctx.kode_kab))
if tabs["protection"].open:
    with protection_out:
        protection.results(results, lang)
if tabs["scenarios"].open:
    with tabs["scenarios"]:
        scenarios.save_and_load(book, region, evidence, scenario, lang)
        scenarios.compare(results, book, region, ctx.kode_kab, lang)
        scenarios.share_and_export(results, book, region, encoded, lang)
else:
    scenarios.keep_choices()
