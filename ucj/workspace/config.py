"""Which database file the app opens: the Pemda's workspace that configuration names, else the demo.

`UCJ_WORKSPACE` (a path; empty means none) wins over `data/workspace.toml` (`[workspace] path = ...`,
relative to data/). With neither, the app opens the research demo, read-only (`UCJ_DEMO_DB` points
tests at a demo built elsewhere).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ucj.paths import DATA, DEMO_DB

CONFIG = DATA / "workspace.toml"
DEFAULT_WORKSPACE = DATA / "workspace.duckdb"


@dataclass(frozen=True)
class Target:
    """The file to open and whether it is the demo (read-only, rebuilt freely) or a workspace."""

    path: Path
    is_demo: bool


def configured_workspace(config: Path = CONFIG) -> Path | None:
    """The workspace configuration names, or None."""
    if "UCJ_WORKSPACE" in os.environ:
        value = os.environ["UCJ_WORKSPACE"].strip()
        return Path(value) if value else None
    if not config.is_file():
        return None
    path = tomllib.loads(config.read_text(encoding="utf-8")).get("workspace", {}).get("path")
    return (config.parent / path).resolve() if path else None


def target(config: Path = CONFIG) -> Target:
    """The workspace when one is configured, else the demo."""
    workspace = configured_workspace(config)
    if workspace is not None:
        return Target(workspace, is_demo=False)
    return Target(Path(os.environ.get("UCJ_DEMO_DB", DEMO_DB)), is_demo=True)


def write_config(workspace: Path, config: Path = CONFIG) -> None:
    """Name `workspace` in data/workspace.toml, so the app opens it from the next start on."""
    try:
        shown = workspace.resolve().relative_to(config.parent.resolve())
    except ValueError:
        shown = workspace.resolve()
    config.write_text(
        "# The Pemda's workspace the app opens (python -m ucj.workspace). Delete this file to see the demo.\n"
        f'[workspace]\npath = "{shown.as_posix()}"\n',
        encoding="utf-8",
    )
