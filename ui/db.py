"""Cached access to the database: one shared connection per process, cached query results."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from ucj.build import build
from ucj.db import Database
from ucj.paths import DEMO_DB
from ucj.schema import upgrade
from ucj.secret import install_secret, secret_path

T = TypeVar("T")


def database_path() -> Path:
    """UCJ_DB points at another database (tests use a fixture copy); the demo database by default."""
    return Path(os.environ.get("UCJ_DB", DEMO_DB))


@st.cache_resource(show_spinner=False)
def _open(path: str) -> Database:
    # Keyed by path, so a test pointing UCJ_DB elsewhere gets its own database.
    if not Path(path).exists():
        build(out=Path(path))
    db = Database(Path(path))
    upgrade(db)
    return db


def database() -> Database:
    """The process-wide database; the demo database is built on first start if it is missing."""
    return _open(str(database_path()))


@st.cache_resource(show_spinner=False)
def _secret(path: str) -> bytes:
    return install_secret(Path(path))


def install_key() -> bytes:
    """The install's secret key (UCJ_SECRET_FILE, else data/nik_secret.key), read once per process."""
    return _secret(str(secret_path()))


@st.cache_data(show_spinner=False, ttl=600)
def _cached_query(path: str, name: str, **params: Any) -> pd.DataFrame:
    return _open(path).query(name, **params)


def query(name: str, **params: Any) -> pd.DataFrame:
    """A named query from queries/, cached by database, name and parameters."""
    return _cached_query(str(database_path()), name, **params)


def clear_cache() -> None:
    """After a write, so every session reads the new state: query results and everything derived from
    them (map geometry, charts) are cached with st.cache_data, so all of it goes."""
    st.cache_data.clear()


def write(change: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Run `change` in one transaction (all of it lands or none) and clear the caches after it landed."""
    with database().writer() as con:
        result = change(con)
    clear_cache()
    return result
