"""The one check every write calls: does the actor's scope let them change this kab/kota, or these areas?

It reads the scope inside the writing transaction, so a scope an admin narrowed a moment ago holds
at once, and it raises before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from ucj.auth.scope import first_outside
from ucj.auth.scope_store import known_areas, label, scope_of
from ucj.errors import Explained


class OutOfScope(Explained):
    """A write outside the account's scope ("Akun ini hanya boleh mengubah data Kec. Wuluhan"); nothing was written.

    `index` is the first area (of those the write named) outside the scope, -1 for the kab/kota itself.
    """

    def __init__(self, areas: str, index: int) -> None:
        super().__init__("auth.scope.refused", areas=areas)
        self.index = index


def require(con: duckdb.DuckDBPyConnection, actor: str, kode_kab: str, areas: Sequence[str] | None = None) -> None:
    """Refuse (OutOfScope) unless the actor may change the whole kab/kota or, given `areas`, each of them."""
    scope = scope_of(con, actor)
    where = first_outside(scope, kode_kab, areas)
    if where is not None:
        raise OutOfScope(label(known_areas(con), scope), where)
