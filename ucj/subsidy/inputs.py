"""What the calculator reads from the database, in one place for the page and the meeting deck.

`query` is any callable running a named query (the page passes its cached one, the deck its own),
so both read the region and the drop-out evidence the same way.
"""

from __future__ import annotations

from ucj.db import Query
from ucj.subsidy.headcount import Region, kecamatan_from
from ucj.subsidy.retention import Evidence, default_evidence, evidence
from ucj.subsidy.rules import RuleBook


def dropout_evidence(query: Query, book: RuleBook) -> list[Evidence]:
    """Every observation a monthly drop-out rate can be derived from (published series, Perisai books)."""
    months = int(book.assumptions["dukuhdempok_months"].value)
    return evidence(query("subsidy_bpu_active_series"), query("subsidy_perisai_books"), months)


def calculator_region(query: Query, kode_kab: str, found: list[Evidence]) -> Region:
    """The region's kecamatan, with the default drop-out rate of the evidence found."""
    default = default_evidence(found)
    rows = query("subsidy_kecamatan", kode_kab=kode_kab)
    return Region(kecamatan_from(rows), default.monthly_dropout if default else None)
