"""Double registration: people a subsidy list pays for although someone already pays, in rupiah.

A person on a list counts as paid twice when, as the cover began, the newest extract shows them
active and paid by another payer than the list's source (their employer, a desa, a partner, or
themselves), or when a list of another OPD imported earlier holds them too (the later list pays the
second time). An SK is taken to cover the twelve months of its year; what that costs comes from the
rule book for the list's funding source, month by month, at the lowest declared-income bracket.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ucj.subsidy.calendar import months as month_list
from ucj.subsidy.cost import contribution
from ucj.subsidy.rules import RuleBook

COVER_MONTHS = 12
PACKAGE = "jkk_jkm"


def cover_cost(book: RuleBook, year: int, funding: str, target_group: str | None) -> int:
    """One worker's JKK+JKM for the twelve months of `year`, paid from `funding`, under the rules in force."""
    group = book.worker_group(target_group or "")
    total = 0
    for month in month_list(dt.date(year, 1, 1), COVER_MONTHS):
        lowest = book.brackets_on(month)[0].declared_income_rp
        total += contribution(book, month, PACKAGE, lowest, funding, group).total
    return total


def flagged(rows: pd.DataFrame, funding: str) -> pd.DataFrame:
    """The rows of `retention_double_registration` with what makes each a double, and whether it is."""
    payer = rows["payer"].fillna("")
    out = rows.assign(
        already_active=(payer != "") & (payer.str.upper() != funding.upper()),
        other_opd=rows["other_lists"] > 0,
        paid_before=rows["earlier_other_lists"] > 0,
    )
    return out.assign(double=out["already_active"] | out["paid_before"])


def with_cost(rows: pd.DataFrame, book: RuleBook, funding: str, default_year: int) -> pd.DataFrame:
    """Each flagged row with the rupiah its second payment wastes (0 when it is not a double)."""
    out = flagged(rows, funding)
    years = out["year"].fillna(default_year).astype(int)
    costs = {
        (year, group): cover_cost(book, year, funding, group)
        for year, group in set(zip(years, out["group_label"].where(out["group_label"].notna(), None)))
    }
    each = [costs[(y, g)] for y, g in zip(years, out["group_label"].where(out["group_label"].notna(), None))]
    return out.assign(year=years, wasted_rp=[c if d else 0 for c, d in zip(each, out["double"])])


def summary(costed: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Counts and rupiah per list (by=['list_id', 'opd', 'reference']) or per kecamatan."""
    keys = costed[by].fillna("-")
    grouped = costed.assign(**{c: keys[c] for c in by}).groupby(by, as_index=False, sort=True)
    return grouped.agg(
        recipients=("nik_hash", "nunique"),
        already_active=("already_active", "sum"),
        other_opd=("other_opd", "sum"),
        double=("double", "sum"),
        wasted_rp=("wasted_rp", "sum"),
    )


def by_payer(costed: pd.DataFrame) -> pd.DataFrame:
    """Who already paid for the people a list pays again (employer, desa, partner, self)."""
    active = costed[costed["already_active"]]
    return active.groupby("payer", as_index=False).agg(persons=("nik_hash", "count"), wasted_rp=("wasted_rp", "sum"))
