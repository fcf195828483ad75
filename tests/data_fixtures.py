"""Fixtures of the Data issue's tests, loaded for every test by tests/conftest.py."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from argon2 import PasswordHasher

from tests.data_support import add_user
from ucj.auth import passwords
from ucj.db import Database
from ui.db import database


@pytest.fixture
def data_db(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the test database (imports write to it), with its own NIK secret and personal-data key."""
    path = tmp_path / "data.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("UCJ_WORKSPACE", str(path))
    monkeypatch.setenv("UCJ_SECRET_FILE", str(tmp_path / "nik.key"))
    monkeypatch.setenv("UCJ_PERSONAL_KEY_FILE", str(tmp_path / "personal.key"))
    monkeypatch.delenv("UCJ_REQUIRE_LOGIN", raising=False)
    return path


@pytest.fixture
def db(data_db: Path) -> Iterator[Database]:
    """The app's own Database object for data_db: AppTest runs in this process and shares it (DuckDB
    refuses a second, differently configured connection to one file in one process)."""
    shared = database()
    assert shared.path == data_db
    yield shared
    shared.close()
    st.cache_resource.clear()


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with tiny parameters: the real ones take about a second per hash on a busy test box."""
    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def server_db(demo_db: Path, tmp_path: Path, fast_hashing: None) -> Path:
    """A copy of the test database with an editor account, for a browser test's own app server."""
    path = tmp_path / "browser.duckdb"
    shutil.copy(demo_db, path)
    add_user(path, "editor1", "editor")
    return path


@pytest.fixture
def own_db(demo_db: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the test database opened on its own (not through the app): the test writes."""
    database = Database(Path(shutil.copy(demo_db, tmp_path / "own.duckdb")))
    yield database
    database.close()
