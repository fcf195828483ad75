"""Every kind of upload the Data page offers, by key (the page's choice is checked against this)."""

from __future__ import annotations

from ucj.imports import measures, membership, participants, perisai, population_age, recipient_list, targets
from ucj.imports.kind import ImportKind

KINDS: dict[str, ImportKind] = {
    kind.key: kind
    for kind in (
        participants.KIND,
        measures.WORKFORCE,
        measures.POPULATION,
        population_age.KIND,
        targets.KIND,
        recipient_list.KIND,
        perisai.KIND,
    )
}
# Kinds read in bulk through DuckDB rather than as records (ucj.imports.membership).
EXTRACTS: dict[str, membership.ExtractKind] = {membership.KIND.key: membership.KIND}
# The table each kind's rows go into, for rollback.
TABLES: dict[str, str] = {key: kind.table for key, kind in (KINDS | EXTRACTS).items()}
