"""A scenario's results as labelled tables: the screen, the Excel file and the PDF use the same ones.

Frames hold raw values (numbers stay numbers); `Section.formats` says how each column is written
(rupiah, number, percent, month or text) so each medium formats them its own way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.subsidy.citations import rule_rows
from ucj.subsidy.cost import cost_by
from ucj.subsidy.evaluate import SUMMARY_KEYS, Results, summary
from ucj.subsidy.headcount import Region
from ucj.subsidy.rules import RuleBook

WHOLE_REGION = "*"  # a line not split by kecamatan
BREAKDOWNS = ("kecamatan", "target_group", "funding", "month")
POT_FORMATS = {
    "funding": "text",
    "budget_rp": "rupiah",
    "cost_per_worker_rp": "rupiah",
    "workers": "number",
    "spent_rp": "rupiah",
    "left_rp": "rupiah",
}
RETENTION_FORMATS = {
    "month": "month",
    "active": "number",
    "incentive": "text",
    "self_paid_rp": "rupiah",
    "incentive_rp": "rupiah",
}
ALLOCATION_FORMATS = {
    "nama": "text",
    "uncovered": "number",
    "workers": "number",
    "cost_rp": "rupiah",
    "coverage_before": "percent",
    "coverage_after": "percent",
}
LINE_FORMATS = {"kecamatan": "text", "target_group": "text", "funding": "text", "workers": "number"}
CLAIM_FORMATS = {"claim": "text", "expected": "decimal", "expected_rp": "rupiah"}
MONEY_SUMMARY = frozenset({"total_cost_rp", "cost_per_worker_month_rp", "budget_rp", "left_rp", "expected_claims_rp"})


FORMATTERS: dict[str, Callable[[object, Lang], str]] = {
    "rupiah": lambda v, lang: fmt.rupiah(v, lang),
    "number": lambda v, lang: fmt.number(v, lang),
    "decimal": lambda v, lang: fmt.number(v, lang, decimals=2),
    "percent": lambda v, lang: fmt.percent(v, lang),
    "month": lambda v, lang: fmt.month(None if pd.isna(v) else pd.Timestamp(v).date(), lang),
}


@dataclass(frozen=True)
class Section:
    key: str  # kalk.section.<key> is its title
    frame: pd.DataFrame
    formats: dict[str, str]


@dataclass(frozen=True)
class Labels:
    """Display names of kecamatan, target groups and funding sources in one language."""

    kecamatan: dict[str, str]
    groups: dict[str, str]
    funding: dict[str, str]

    @classmethod
    def of(cls, book: RuleBook, region: Region, extra_groups: tuple[str, ...], lang: Lang) -> Labels:
        return cls(
            kecamatan={WHOLE_REGION: t("kalk.whole_region", lang)} | region.names(),
            groups={g: grp.label(lang) for g, grp in book.groups.items()} | {g: g for g in extra_groups},
            funding={f: src.label(lang) for f, src in book.funding.items()},
        )

    def of_column(self, column: str) -> dict[str, str]:
        return {"kecamatan": self.kecamatan, "target_group": self.groups, "funding": self.funding}.get(column, {})


def breakdown_formats(column: str) -> dict[str, str]:
    return {column: "month" if column == "month" else "text", "worker_months": "number", "cost_rp": "rupiah"}


def cost_breakdown(r: Results, column: str, labels: Labels) -> pd.DataFrame:
    """Worker-months and cost per kecamatan, target group, funding source or month, with names."""
    grouped = cost_by(r.cost.assign(kecamatan=r.cost["kecamatan"].fillna(WHOLE_REGION)), column)
    names = labels.of_column(column)
    if names:
        grouped[column] = grouped[column].map(lambda v: names.get(v, v))
    return grouped


def reach_by_funding(r: Results, labels: Labels) -> pd.DataFrame:
    """Per funding source (the APBDes pots of all kecamatan together): workers fully paid, rupiah left."""
    frame = pd.DataFrame([vars(x) for x in r.reach], columns=list(POT_FORMATS))
    summed = frame.groupby("funding", sort=False).agg(
        budget_rp=("budget_rp", "sum"),
        cost_per_worker_rp=("cost_per_worker_rp", "first"),
        workers=("workers", "sum"),
        spent_rp=("spent_rp", "sum"),
        left_rp=("left_rp", "sum"),
    )
    return summed.reset_index().assign(funding=lambda f: f["funding"].map(labels.funding))


def allocation_table(r: Results, labels: Labels) -> pd.DataFrame:
    return r.allocation.table(r.areas).assign(nama=lambda f: f["kecamatan"].map(labels.kecamatan))


def pots_table(r: Results, labels: Labels) -> pd.DataFrame:
    return r.allocation.pot_table().assign(funding=lambda f: f["funding"].map(labels.funding))


def retention_table(r: Results, lang: Lang) -> pd.DataFrame:
    """The months after the subsidy, with the incentive months marked in words."""
    if r.retention.empty:
        return r.retention
    return r.retention.assign(incentive=r.retention["incentive"].map(lambda v: t("kalk.yes", lang) if v else ""))


def claims_table(r: Results, lang: Lang) -> pd.DataFrame:
    """Expected claims by kind; the non-fatal JKK amount is missing (not 0) when no cost is assumed."""
    p = r.protection
    injury_rp = p.injury_rp if r.claim_rates.injury_cost_rp else None
    rows = [
        ("jkm", p.jkm_claims, p.jkm_rp),
        ("jkk_death", p.jkk_deaths, p.jkk_death_rp),
        ("injury", p.injuries, injury_rp),
    ]
    return pd.DataFrame(
        [(t(f"kalk.claim.{c}", lang), n, rp) for c, n, rp in rows], columns=["claim", "expected", "expected_rp"]
    )


def inputs_table(r: Results, labels: Labels, lang: Lang) -> pd.DataFrame:
    """Every input as (what, value) text, assumptions marked as such."""
    s = r.scenario
    rates = r.claim_rates
    rows = [
        ("name", s.name or t("kalk.unnamed", lang)),
        ("package", t(f"kalk.package.{s.package}", lang)),
        ("income", fmt.rupiah(s.declared_income, lang)),
        ("start", fmt.month(s.start, lang)),
        ("months", fmt.number(s.months, lang)),
        *((f"budget.{f}", fmt.rupiah(v, lang)) for f, v in sorted(s.budgets.items())),
        ("dapil", ", ".join(labels.kecamatan.get(k, k) for k in s.dapil) or "-"),
        ("per_desa", fmt.number(s.per_desa, lang)),
        ("rule", t(f"kalk.rule_name.{s.rule}", lang)),
        ("min_share", fmt.percent(s.min_share_pct / 100, lang)),
        ("dropout", fmt.percent(r.dropout, lang)),
        ("incentives", ", ".join(t(f"kalk.inc.{i}", lang) for i in s.incentives) or "-"),
        ("death_rate_annual", fmt.percent(rates.death_rate_annual, lang, decimals=3)),
        ("fatal_accident_rate_annual", fmt.percent(rates.fatal_accident_rate_annual, lang, decimals=3)),
        ("injury_rate_annual", fmt.percent(rates.injury_rate_annual, lang, decimals=3)),
        ("injury_cost_rp", fmt.rupiah(rates.injury_cost_rp, lang)),
    ]
    return pd.DataFrame(
        [
            (t(f"kalk.input.{k.split('.')[0]}", lang, funding=labels.funding.get(k.partition(".")[2], "")), v)
            for k, v in rows
        ],
        columns=["input", "value"],
    )


def lines_table(r: Results, labels: Labels) -> pd.DataFrame:
    rows = [
        (
            labels.kecamatan.get(line.kecamatan or WHOLE_REGION, line.kecamatan),
            labels.groups.get(line.target_group, line.target_group),
            labels.funding.get(line.funding, line.funding),
            line.workers,
        )
        for line in r.plan.lines
    ]
    return pd.DataFrame(rows, columns=["kecamatan", "target_group", "funding", "workers"])


def sections(r: Results, book: RuleBook, region: Region, lang: Lang) -> list[Section]:
    """Everything an export holds, in reading order."""
    labels = Labels.of(book, region, r.scenario.extra_groups, lang)
    figures = summary(r)
    summary_frame = pd.DataFrame(
        [(t(f"kalk.sum.{k}", lang), summary_cell(k, figures[k], lang)) for k in SUMMARY_KEYS],
        columns=["figure", "value"],
    )
    rules = pd.DataFrame(rule_rows(list(dict.fromkeys(r.rules)), lang))
    result = [
        Section("inputs", inputs_table(r, labels, lang), {"input": "text", "value": "text"}),
        Section("lines", lines_table(r, labels), LINE_FORMATS),
        Section("summary", summary_frame, {"figure": "text", "value": "text"}),
    ]
    result += [Section(f"cost_by_{c}", cost_breakdown(r, c, labels), breakdown_formats(c)) for c in BREAKDOWNS]
    result += [
        Section("reach", reach_by_funding(r, labels), POT_FORMATS),
        Section("allocation", allocation_table(r, labels), ALLOCATION_FORMATS),
        Section("pots", pots_table(r, labels), POT_FORMATS),
        Section("retention", retention_table(r, lang), RETENTION_FORMATS),
        Section("claims", claims_table(r, lang), CLAIM_FORMATS),
        Section("rules", rules, dict.fromkeys(rules.columns, "text")),
    ]
    return result


def formatted(frame: pd.DataFrame, formats: dict[str, str], lang: Lang) -> pd.DataFrame:
    """The columns named in `formats`, in that order, as text; headers are `kalk.col.<column>` labels."""
    out = pd.DataFrame(index=frame.index)
    for column, kind in formats.items():
        write = FORMATTERS.get(kind)
        out[t(f"kalk.col.{column}", lang)] = (
            frame[column].map(lambda v, w=write: w(v, lang)) if write else frame[column]
        )
    return out


def summary_cell(name: str, value: float | int | None, lang: Lang) -> str:
    """A summary figure as text: rupiah for money, a count otherwise."""
    return fmt.rupiah(value, lang) if name in MONEY_SUMMARY else fmt.number(value, lang)
