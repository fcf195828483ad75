"""An account's scope as stored (user_scope), checked against the workspace's areas and named for people."""

from __future__ import annotations

import duckdb
import pandas as pd

from ucj.auth import AccountError
from ucj.auth.scope import WHOLE, Scope, is_scope_code
from ucj.db import run_query


def scope_of(con: duckdb.DuckDBPyConnection, username: str) -> Scope:
    """The areas this account may change; the whole workspace for an admin, an unscoped account or a
    name that is no account (the command line, the build)."""
    table = run_query(con, "auth_scopes")
    return tuple(table.loc[table["username"] == username, "kode_wilayah"])


def known_areas(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """kode, level, nama of every kab/kota and kecamatan of the workspace."""
    return run_query(con, "auth_scope_areas")


def checked(con: duckdb.DuckDBPyConnection, scope: Scope) -> Scope:
    """The scope when each code is a kab/kota or kecamatan of this workspace, else AccountError naming the
    first code that is not."""
    known = set(known_areas(con)["kode"])
    for code in scope:
        if not is_scope_code(code) or code not in known:
            raise AccountError("unknown_area", area=code)
    return scope


def label(known: pd.DataFrame, scope: Scope) -> str:
    """The scope as a person reads it, from `known_areas`: "Kec. Wuluhan, Kota Padang" (the code where no
    name is known)."""
    if scope == WHOLE:
        return ""
    areas = known.set_index("kode")
    names = []
    for code in scope:
        if code not in areas.index:
            names.append(code)
        elif areas.at[code, "level"] == "kecamatan":
            names.append(f"Kec. {areas.at[code, 'nama']}")
        else:
            names.append(str(areas.at[code, "nama"]))
    return ", ".join(names)
