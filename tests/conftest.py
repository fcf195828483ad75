"""Shared fixtures: a database built in code from the seeds, never the shipped data file."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from ucj.build import build

pytest_plugins = ["tests.browser_support", "tests.data_fixtures"]


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


@pytest.fixture(autouse=True)
def navigation_v2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep AppTest in st.navigation mode on every run.

    AppTest resets PagesManager to the legacy pages/ mode before each run, so the first pass would
    run the page alone, ui.layout.context() would rerun, and a button click of that run is lost.
    The real server's first request (where that rerun matters) is covered by the browser tests.
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
