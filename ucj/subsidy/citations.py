"""The rule rows a result rests on, as table rows: what the rule says, when, and which regulation says it."""

from __future__ import annotations

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.subsidy.rules import Bracket, Rule

PERCENT_UNITS = frozenset({"ratio_of_income", "ratio_of_wage", "ratio_off"})
PER_PERIOD_UNITS = frozenset({"rupiah_per_month", "rupiah_per_31_months"})


def value_text(item: Rule | Bracket, lang: Lang = "id") -> str:
    """The value as a reader says it: '1,00 %', 'Rp 6.800 per bulan', '48 × upah', a bracket's nominal."""
    if isinstance(item, Bracket):
        return t(
            "kalk.rules.bracket_value",
            lang,
            income=fmt.rupiah(item.declared_income_rp, lang),
            jkk=fmt.rupiah(item.jkk_rp, lang),
        )
    if item.unit in PERCENT_UNITS:
        return f"{fmt.percent(float(item.value), lang, decimals=2)} {t(f'kalk.unit.{item.unit}', lang)}"
    if item.unit == "rupiah":
        return fmt.rupiah(float(item.value), lang)
    if item.unit in PER_PERIOD_UNITS:
        return f"{fmt.rupiah(float(item.value), lang)} {t(f'kalk.unit.{item.unit}', lang)}"
    return f"{fmt.number(float(item.value), lang)} {t(f'kalk.unit.{item.unit}', lang)}"


def rule_rows(items: list[Rule | Bracket], lang: Lang = "id") -> list[dict[str, str]]:
    """One row per rule or bracket: name, who it applies to, value, period, regulation and source."""
    rows = []
    for item in items:
        name = "bpu.jkk.bracket" if isinstance(item, Bracket) else item.rule
        applies = "" if isinstance(item, Bracket) else " · ".join(x for x in (item.group, item.funding) if x != "*")
        period = item.period
        rows.append(
            {
                "rule": t(f"kalk.rule.{name}", lang),
                "applies_to": applies,
                "value": value_text(item, lang),
                "effective_from": fmt.date(period.start, lang),
                "effective_to": fmt.date(period.end, lang) if period.end else t("kalk.rules.open_ended", lang),
                "regulation": item.citation.text(lang),
                "source": item.citation.source,
            }
        )
    return rows
