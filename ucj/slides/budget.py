"""The budget slide: a scenario shared from the calculator, or else what a year of the region's plan costs.

Either way the rupiah come from the subsidy calculator's own arithmetic (ucj.subsidy over the rules
of ucj.subsidy.rules), so the slide and the calculator give the same figures for the same inputs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from ucj import fmt
from ucj.figures import Figure, row_provenance
from ucj.i18n import t
from ucj.provenance import Provenance
from ucj.region.headline import subsidised_figure
from ucj.slides import calculator_scenario
from ucj.slides.model import DeckContext, Query, Slide, SlideFigure, SlideTable, as_of_of, slide_figure, sources_of
from ucj.subsidy.calendar import add_months, first_of_month
from ucj.subsidy.cost import Line, Plan, cost_table, rules_used
from ucj.subsidy.evaluate import Results
from ucj.subsidy.rules import RuleBook, RuleNotFound, load
from ucj.subsidy.scenario import ScenarioError

PLAN_STATUSES = ("planned", "quota")
SCENARIO_MONTHS = 12
PACKAGE = "jkk_jkm"  # the basic package every programme in the research pays
TARGET_GROUP = "lainnya"
DEFAULT_FUNDING = "APBD"
MAX_ROWS = 5


def plan_figure(programmes: pd.DataFrame) -> Figure:
    """Workers the region plans (or budgets a quota) to protect: the rows of the latest such date."""
    planned = programmes[programmes["status"].isin(PLAN_STATUSES)].dropna(subset=["as_of", "headcount"])
    if planned.empty:
        return Figure("plan", None, "persons", None)
    latest = planned[planned["as_of"] == planned["as_of"].max()]
    first = latest.iloc[0].rename({"as_of": "period"})
    return Figure("plan", float(latest["headcount"].sum()), "persons", row_provenance(first))


def scenario(
    book: RuleBook, workers: int, funding: str, start: dt.date, lang: fmt.Lang
) -> tuple[int, int, Provenance, tuple[str, ...]]:
    """Monthly cost per worker and total cost of `workers` for a year, and the regulations behind them."""
    funding = funding if funding in book.funding else DEFAULT_FUNDING
    plan = Plan(
        PACKAGE,
        book.brackets_on(start)[0].declared_income_rp,
        start,
        SCENARIO_MONTHS,
        (Line(None, TARGET_GROUP, funding, workers),),
    )
    costs = cost_table(book, plan)
    per_worker = int(costs["per_worker_rp"].iloc[0])
    method = t(
        "rapat.budget.method",
        lang,
        workers=fmt.number(workers, lang),
        per_worker=fmt.rupiah(per_worker, lang),
        months=SCENARIO_MONTHS,
        start=fmt.month(start, lang),
    )
    last_day = add_months(start, SCENARIO_MONTHS) - dt.timedelta(days=1)
    prov = Provenance("estimate", t("rapat.budget.calculator_source", lang), start, last_day, method)
    regulations = calculator_scenario.regulations(rules_used(book, plan), lang)
    return per_worker, int(costs["cost_rp"].sum()), prov, regulations


def programme_table(programmes: pd.DataFrame, lang: fmt.Lang) -> SlideTable | None:
    """The newest programmes: name, funding source, workers and budget ('tidak ada data' if unstated)."""
    if programmes.empty:
        return None
    rows = tuple(
        (str(r["name"]), str(r["funding_source"]), fmt.number(r["headcount"], lang), fmt.rupiah(r["budget_rp"], lang))
        for _, r in programmes.head(MAX_ROWS).iterrows()
    )
    columns = tuple(t(f"rapat.budget.col.{c}", lang) for c in ("name", "funding", "workers", "budget"))
    return SlideTable(columns, rows, (False, False, True, True), essential=(True, False, True, True))


def budget_slide(query: Query, ctx: DeckContext) -> Slide:
    """The scenario shared from the calculator when the link carries one, else a year of the plan."""
    programmes = query("subsidy_programmes", kode_kab=ctx.kode_kab)
    current = subsidised_figure(programmes)
    context = slide_figure(t("home.subsidised", ctx.lang), current.text(ctx.lang), current.provenance, ctx.lang)
    unreadable: tuple[str, ...] = ()
    if ctx.scenario:
        try:
            found = calculator_scenario.results(ctx.scenario, load(), query, ctx.kode_kab)
        except (ScenarioError, RuleNotFound) as err:  # RuleNotFound: months beyond the rules in the data
            unreadable = (t("rapat.budget.unreadable", ctx.lang, reason=err.message(ctx.lang)),)
        else:
            return calculator_slide(found, context, current.provenance, ctx.lang)
    slide = plan_slide(programmes, current, context, ctx)
    return replace(slide, notes=(*unreadable, *slide.notes))


def calculator_slide(found: Results, context: SlideFigure, current: Provenance | None, lang: fmt.Lang) -> Slide:
    """The region's subsidised workers today, then the shared scenario's own figures and costs."""
    prov = calculator_scenario.provenance(found, lang)
    return Slide(
        key="budget",
        title=t("rapat.slide.budget", lang),
        figures=(context, *calculator_scenario.figures(found, prov, lang)),
        table=calculator_scenario.cost_table(found, lang),
        notes=(prov.method,),
        sources=(*sources_of([current, prov]), *calculator_scenario.regulations(found.rules, lang)),
        as_of=as_of_of([current], lang),
    )


def plan_slide(programmes: pd.DataFrame, current: Figure, context: SlideFigure, ctx: DeckContext) -> Slide:
    """Current subsidised workers, the plan, and a year of the plan (or of the current headcount)."""
    lang = ctx.lang
    plan = plan_figure(programmes)
    basis = plan if plan.value is not None else current
    figures = [context, slide_figure(t("rapat.budget.plan", lang), plan.text(lang), plan.provenance, lang)]
    provenances = [current.provenance, plan.provenance, *(row_provenance(r) for _, r in programmes.iterrows())]
    notes: tuple[str, ...] = ()
    regulations: tuple[str, ...] = ()
    if basis.value is None:
        notes = (t("rapat.budget.no_programme", lang),)
    else:
        # paid from the source of the newest programme (the query lists the newest first), from next month
        funding = programmes["funding_source"].iloc[0]
        start = add_months(first_of_month(ctx.today), 1)
        per_worker, total, prov, regulations = scenario(load(), int(basis.value), funding, start, lang)
        figures += [
            slide_figure(t("rapat.budget.per_worker", lang), fmt.rupiah(per_worker, lang), prov, lang),
            slide_figure(
                t("rapat.budget.scenario", lang, workers=fmt.number(basis.value, lang), months=SCENARIO_MONTHS),
                fmt.rupiah(total, lang),
                prov,
                lang,
            ),
        ]
        notes = (prov.method,)
        provenances.append(prov)
    return Slide(
        key="budget",
        title=t("rapat.slide.budget", lang),
        figures=tuple(figures),
        table=programme_table(programmes, lang),
        notes=notes,
        sources=(*sources_of(provenances), *regulations),
        # the data's date: the scenario's months lie ahead
        as_of=as_of_of([p for p in provenances if p is None or p.kind != "estimate"], lang),
    )
