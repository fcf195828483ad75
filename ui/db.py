"""Cached access to the database: one shared connection per process, cached query results.

The file is the workspace configuration names (ucj.workspace.config), else the research demo. The
demo is read-only and rebuilt freely (when it is missing or made by another release); a workspace
is never rebuilt, only upgraded by its numbered migrations, after a backup copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from ucj.db import Database
from ucj.secret import install_secret, secret_path
from ucj.workspace.config import Target, target
from ucj.workspace.opening import open_target

T = TypeVar("T")


def database_target() -> Target:
    """The file this process opens, and whether it is the demo."""
    return target()


def database_path() -> Path:
    return database_target().path


def is_demo() -> bool:
    """True when the app shows the read-only research demo (no workspace configured)."""
    return database_target().is_demo


@st.cache_resource(show_spinner=False)
def _open(path: str, demo: bool) -> Database:
    # Keyed by path, so a test pointing the app elsewhere gets its own database.
    return open_target(Target(Path(path), demo))


def database() -> Database:
    """The process-wide database."""
    where = database_target()
    return _open(str(where.path), where.is_demo)


@st.cache_resource(show_spinner=False)
def _secret(path: str) -> bytes:
    return install_secret(Path(path))


def install_key() -> bytes:
    """The install's secret key (UCJ_SECRET_FILE, else data/nik_secret.key), read once per process."""
    return _secret(str(secret_path()))


# A resource, not st.cache_data: cache_data unpickles a fresh copy on every hit, a quarter of Beranda's script
# CPU (issue 17). `query` hands out a shallow copy instead, which under pandas' copy-on-write no caller can
# change the shared frame through.
@st.cache_resource(show_spinner=False, ttl=600)
def _cached_query(path: str, demo: bool, name: str, **params: Any) -> pd.DataFrame:
    return _open(path, demo).query(name, **params)


def query(name: str, **params: Any) -> pd.DataFrame:
    """A named query from queries/, cached by database, name and parameters."""
    where = database_target()
    return _cached_query(str(where.path), where.is_demo, name, **params).copy(deep=False)


def clear_cache() -> None:
    """After a write, so every session reads the new state: the query results, and everything derived from
    them (map geometry, charts), cached with st.cache_data, all go."""
    _cached_query.clear()
    st.cache_data.clear()


def write(change: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Run `change` in one transaction (all of it lands or none) and clear the caches after it landed.

    In the demo this raises ucj.db.ReadOnly before anything runs: the demo never holds anyone's work.
    """
    with database().writer() as con:
        result = change(con)
    clear_cache()
    return result
