"""A scenario shared from Kalkulator Subsidi, on the budget slide: the calculator's own results.

The calculator shares a scenario as `s=<encoded>` in its link; the Rapat page takes the same
parameter, and this module evaluates it with ucj.subsidy.evaluate exactly as the calculator does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from ucj import fmt
from ucj.i18n import t
from ucj.provenance import Provenance
from ucj.slides.model import Query, SlideFigure, SlideTable, slide_figure
from ucj.subsidy.calendar import add_months
from ucj.subsidy.cost import cost_by
from ucj.subsidy.evaluate import Results, evaluate, summary
from ucj.subsidy.inputs import calculator_region, dropout_evidence
from ucj.subsidy.report import summary_cell
from ucj.subsidy.rules import Bracket, Rule, RuleBook
from ucj.subsidy.scenario import PARAM, ScenarioError, decode

FIGURES = ("workers", "total_cost_rp", "cost_per_worker_month_rp", "active_after_24", "expected_claims_rp")


def scenario_from_link(text: str) -> str | None:
    """The encoded scenario in a link the calculator shared (or the encoded text itself); None if none."""
    text = text.strip()
    found = parse_qs(urlsplit(text).query).get(PARAM)
    if found:
        return found[0]
    return text if text and not any(c in text for c in "/?&= ") else None


def results(encoded: str, book: RuleBook, query: Query, kode_kab: str) -> Results:
    """The shared scenario evaluated; unreadable, or made for another region, raises ScenarioError."""
    scenario = decode(encoded, book)
    if scenario.region and scenario.region != kode_kab:
        raise ScenarioError("err.other_region", made_for=scenario.region, shown=kode_kab)
    return evaluate(scenario, book, calculator_region(query, kode_kab, dropout_evidence(query, book, kode_kab)))


def regulations(rules: Iterable[Rule | Bracket], lang: fmt.Lang) -> tuple[str, ...]:
    """The regulations behind the rule rows a cost rests on, each once: the slide cites them as sources."""
    return tuple(dict.fromkeys(r.citation.text(lang) for r in rules))


def provenance(found: Results, lang: fmt.Lang) -> Provenance:
    """The scenario's figures: estimates of the calculator over the scenario's months (the method says how)."""
    plan = found.plan
    method = t(
        "rapat.budget.calculator_method",
        lang,
        name=found.scenario.name or t("rapat.budget.unnamed", lang),
        months=plan.months,
        start=fmt.month(plan.start, lang),
    )
    last_day = add_months(plan.end, 1) - dt.timedelta(days=1)
    return Provenance("estimate", t("rapat.budget.calculator_source", lang), plan.start, last_day, method)


def figures(found: Results, prov: Provenance, lang: fmt.Lang) -> list[SlideFigure]:
    """The scenario's summary figures, labelled and written as the calculator writes them."""
    shown = summary(found)
    return [slide_figure(t(f"kalk.sum.{k}", lang), summary_cell(k, shown[k], lang), prov, lang) for k in FIGURES]


def cost_table(found: Results, lang: fmt.Lang) -> SlideTable:
    """Cost per funding source, as the calculator breaks it down."""
    by_funding = cost_by(found.cost, "funding")
    rows = tuple(
        (str(r["funding"]), fmt.number(r["worker_months"], lang), fmt.rupiah(r["cost_rp"], lang))
        for _, r in by_funding.iterrows()
    )
    columns = tuple(t(f"rapat.budget.col.{c}", lang) for c in ("funding", "worker_months", "cost"))
    return SlideTable(columns, rows, (False, True, True))
