"""Shared fixtures: a database built in code from the seeds, never the shipped data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ucj.build import build

pytest_plugins = ["tests.browser_support", "tests.data_fixtures", "tests.retention_support"]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database built once per test session into a temporary folder."""
    path = tmp_path_factory.mktemp("db") / "ucj_test.duckdb"
    build(out=path)
    return path


@pytest.fixture
def app_db(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the test database."""
    monkeypatch.setenv("UCJ_DB", str(demo_db))
    return demo_db
