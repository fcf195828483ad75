"""Shared fixtures: a database built in code from the seeds, never the shipped data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ucj.build import build
from ui.layout import RAISE_ENV

pytest_plugins = ["tests.browser_support", "tests.data_fixtures", "tests.retention_support"]


@pytest.fixture(autouse=True)
def raise_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that fails fails its test (the app itself shows viewers one plain sentence instead)."""
    monkeypatch.setenv(RAISE_ENV, "1")


@pytest.fixture(autouse=True)
def no_configured_workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests open only what they name: a data/workspace.toml of this checkout never leaks in."""
    monkeypatch.setenv("UCJ_WORKSPACE", "")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database built once per test session into a temporary folder."""
    path = tmp_path_factory.mktemp("db") / "ucj_test.duckdb"
    build(out=path)
    return path


@pytest.fixture
def app_db(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the test database as its (read-only) demo: no workspace is configured."""
    monkeypatch.setenv("UCJ_DEMO_DB", str(demo_db))
    return demo_db
