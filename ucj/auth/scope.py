"""Which areas an account may change (and, where login is required, see), as DHIS2 scopes users to org units.

A scope is a tuple of area codes, kab/kota ("35.09") or kecamatan ("35.09.11"); the empty scope is the
whole workspace (admins, and every account made before scopes existed). Codes are Kemendagri's dotted
codes, so an area lies under a code exactly when its code continues that code after a dot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

Scope = tuple[str, ...]
WHOLE: Scope = ()
# kab/kota "35.09" or kecamatan "35.09.11": the two levels an account can be given
_SCOPE_CODE = re.compile(r"^\d{2}\.\d{2}(\.\d{2})?$")


def is_scope_code(code: str) -> bool:
    return bool(_SCOPE_CODE.match(code))


def parse(text: str) -> Scope:
    """Codes typed by an admin ("35.09, 35.74.01"), deduplicated and sorted; format is checked elsewhere."""
    return tuple(sorted({code for code in re.split(r"[\s,;]+", text.strip()) if code}))


def kab_of(code: str) -> str:
    """The kab/kota a code lies in ("35.09.11.2001" → "35.09")."""
    return code[:5]


def covers(scope: Sequence[str], kode: str) -> bool:
    """True when the area equals or lies under one of the scope's codes ("35.09" covers "35.09.11", not "35.091")."""
    return not scope or any(kode == code or kode.startswith(code + ".") for code in scope)


def opens(scope: Sequence[str], kode_kab: str) -> bool:
    """True when the account may open the kab/kota: a kecamatan scope opens its kab/kota (to change its rows)."""
    return not scope or any(kab_of(code) == kode_kab for code in scope)


def first_outside(scope: Sequence[str], kode_kab: str, areas: Iterable[str] | None = None) -> int | None:
    """Where a write breaks the scope: None when allowed, -1 for the kab/kota, else the first area's index.

    Without `areas` the write changes the whole kab/kota, which only a scope covering it may do; with
    them it changes only those areas' rows, which an opened kab/kota allows when each is covered.
    """
    if areas is None:
        return None if covers(scope, kode_kab) else -1
    if not opens(scope, kode_kab):
        return -1
    return next((i for i, kode in enumerate(areas) if not covers(scope, kode)), None)
