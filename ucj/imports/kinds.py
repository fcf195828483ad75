"""Every kind of upload the Data page offers, by key (the page's choice is checked against this)."""

from __future__ import annotations

from ucj.imports import measures, participants, perisai, recipient_list, targets
from ucj.imports.kind import ImportKind

KINDS: dict[str, ImportKind] = {
    kind.key: kind
    for kind in (
        participants.KIND,
        measures.WORKFORCE,
        measures.POPULATION,
        targets.KIND,
        recipient_list.KIND,
        perisai.KIND,
    )
}
