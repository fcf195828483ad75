"""The region's published figures as a table a reader can check against the texts: each figure in its
unit and the language's format, with its period as the source states it, the source and the quote."""

from __future__ import annotations

import pandas as pd

from ucj import fmt
from ucj.figures import published_decimals
from ucj.fmt import Lang, missing
from ucj.i18n import t


def _one(value: float, unit: str, lang: Lang) -> str:
    if unit == "percent":
        return fmt.percent(value / 100, lang, published_decimals(value))
    if unit == "rupiah":
        return fmt.rupiah(value, lang)
    text = fmt.number(value, lang, decimals=0 if float(value).is_integer() else 1)
    return t(f"fig.unit.{unit}", lang, value=text) if unit in ("workers_per_desa", "months", "rank") else text


def value_text(row: pd.Series, lang: Lang) -> str:
    """The figure as stated: a single value, the range 'low – high' the source gives instead, '> low'
    where it gives only a floor ('lebih dari 46.000') or '< high' where it gives only a ceiling
    ('belum mencapai 50%': the seeds store the floor as 0)."""
    unit = str(row["unit"])
    if not missing(row["value"]):
        return _one(float(row["value"]), unit, lang)
    low, high = row.get("value_low"), row.get("value_high")
    if not missing(high) and (missing(low) or low == 0):
        return t("figure.bound.upper", lang, value=_one(float(high), unit, lang))
    if not missing(low) and missing(high):
        return t("figure.bound.lower", lang, value=_one(float(low), unit, lang))
    parts = [_one(float(v), unit, lang) for v in (low, high) if not missing(v)]
    return " – ".join(parts) if parts else fmt.MISSING[lang]


def discrepancy_values(row: pd.Series, lang: Lang) -> tuple[str, str]:
    """Both sides of a region_discrepancies row as stated, each in its unit ('12 bulan', '9 bulan')."""
    return tuple(  # type: ignore[return-value]
        value_text(pd.Series({c: row[f"{c}_{side}"] for c in ("value", "value_low", "value_high", "unit")}), lang)
        for side in ("a", "b")
    )


def _row(figure: pd.Series, lang: Lang) -> dict[str, object]:
    extra = [str(v) for v in (figure["group_label"], figure["segment"]) if not missing(v) and v != "ALL"]
    label = t(f"fig.{figure['indicator']}", lang)
    return {
        "indicator": f"{label} ({', '.join(extra)})" if extra else label,
        "place": figure["place"],
        "value": value_text(figure, lang),
        "when": figure["period_text"],
        "source": ", ".join(str(p) for p in (figure["source_short"], figure["locator"]) if not missing(p)),
        "quote": figure["quote"],
        "note": figure["note"],
    }


def published_table(figures: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """region_figures rows → the columns a reader needs, labelled in `lang` (one pass over the rows)."""
    columns = ("indicator", "place", "value", "when", "source", "quote", "note")
    table = pd.DataFrame([_row(f, lang) for _, f in figures.iterrows()], columns=list(columns))
    return table.rename(columns=lambda c: t(f"fig.col.{c}", lang))


def segment_rates(figures: pd.DataFrame, kode_kab: str) -> pd.DataFrame:
    """The region's published coverage rates for one segment only (e.g. Jember's 65 % of informal
    workers): not a UCJ coverage rate, so the headline leaves them out, and the page says why."""
    chosen = (
        (figures["kode_wilayah"] == kode_kab)
        & (figures["indicator"] == "coverage_rate")
        & figures["segment"].notna()
        & (figures["segment"] != "ALL")
        & figures["value"].notna()
    )
    return figures[chosen]
