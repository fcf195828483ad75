"""The vocabulary every feature shares: a headline figure, the segments, and reading a query row.

Query rows carry NaN, NaT or pd.NA where a value is missing: `ucj.fmt.missing` is the one test for
that, `date_or_none` and `text_or_none` read such a cell, and `row_provenance` is the one way a row's
kind, period, source and quote become a `Provenance`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from ucj import bounds, fmt
from ucj.bounds import Bound
from ucj.fmt import Lang, missing
from ucj.i18n import t
from ucj.provenance import Provenance

Unit = Literal["persons", "ratio", "points"]
SEGMENTS: tuple[str, ...] = ("PU", "BPU", "JAKON", "PMI")


def date_or_none(value: object) -> dt.date | None:
    return None if missing(value) else pd.Timestamp(value).date()


def text_or_none(value: object) -> str | None:
    return None if missing(value) else str(value)


@dataclass(frozen=True)
class Figure:
    """One headline number. `value` None means the sources give nothing: shown as 'no data'.

    A `bound` says the true value is above ('lower') or below ('upper') the number: a source's "more
    than 46.000", or anything computed from one, is shown as "> 46.000", never as a point.
    """

    key: str
    value: float | None
    unit: Unit
    provenance: Provenance | None
    decimals: int = 1  # for ratios: a published 52,15 % keeps both decimals
    qualifier: str | None = None  # a label key said after the label, e.g. 'status.registered'
    bound: Bound = None

    def text(self, lang: Lang = "id") -> str:
        if self.unit == "ratio":
            shown = fmt.percent(self.value, lang, self.decimals)
        elif self.unit == "points":
            if self.value is None:
                return fmt.MISSING[lang]
            shown = t("unit.points", lang, value=fmt.number(self.value * 100, lang, decimals=1))
        else:
            shown = fmt.number(self.value, lang)
        return t(f"figure.bound.{self.bound}", lang, value=shown) if self.bound and self.value is not None else shown


def row_bound(row: pd.Series) -> Bound:
    """The bound a query row carries ('lower', 'upper'), None for a point or a row without the column."""
    bound = row.get("bound")
    return bound if bound in (bounds.LOWER, bounds.UPPER) else None


def row_provenance(row: pd.Series, kind: str | None = None, method: str | None = None) -> Provenance:
    """Provenance of a query row; a published row stands at its source's stated period."""
    row_kind = row.get("kind", "published")
    start, end = date_or_none(row.get("period", row.get("period_start"))), None
    if row_kind == "published" and date_or_none(row.get("figure_start")) is not None:
        start, end = date_or_none(row.get("figure_start")), date_or_none(row.get("figure_end"))
    elif start is not None and start.day == 1:  # monthly rows stand for their month
        end = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
    return Provenance(
        kind=kind or row_kind,
        source=row["source_short"],
        as_of=start,
        as_of_end=end,
        method=method or text_or_none(row.get("method")),
        quote=text_or_none(row.get("quote")),
        stated_as=text_or_none(row.get("period_text")),
    )


def published_decimals(percent: float) -> int:
    """How many decimals a published percentage has (36 → 1, 52.15 → 2), at least one."""
    return max(1, min(2, len(f"{percent:.2f}".rstrip("0").split(".")[1])))
