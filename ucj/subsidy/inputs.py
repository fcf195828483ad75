"""What the calculator reads from the database, in one place for the page and the meeting deck.

`query` is any callable running a named query (the page passes its cached one, the deck its own),
so both read the region and the drop-out evidence the same way.
"""

from __future__ import annotations

from ucj.db import Query
from ucj.retention.comparable import measured_evidence
from ucj.subsidy.headcount import Region, kecamatan_from
from ucj.subsidy.retention import Evidence, default_evidence, evidence
from ucj.subsidy.rules import RuleBook


def dropout_evidence(query: Query, book: RuleBook, kode_kab: str) -> list[Evidence]:
    """Every observation a monthly drop-out rate can be derived from: cohorts measured in the region's
    own extract first, then the published series and Perisai books."""
    months = int(book.assumptions["dukuhdempok_months"].value)
    regions = query("regions").set_index("kode_kab")["nama"]
    place = str(regions.get(kode_kab, kode_kab))
    published = evidence(query("subsidy_bpu_active_series"), query("subsidy_perisai_books"), months)
    return measured_evidence(query, kode_kab, place) + published


def calculator_region(query: Query, kode_kab: str, found: list[Evidence]) -> Region:
    """The region's kecamatan, with the default drop-out rate of the evidence found."""
    default = default_evidence(found)
    rows = query("subsidy_kecamatan", kode_kab=kode_kab)
    return Region(kecamatan_from(rows), default.monthly_dropout if default else None)
