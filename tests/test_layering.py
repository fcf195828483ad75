"""The layout's one rule: a lower layer never imports a higher one.

Layers, lowest first: the shared domain modules (`ucj/*.py`), the domain features (`ucj/<feature>/`),
the shared Streamlit glue (`ui/*.py`), the features' glue (`ui/<feature>/`), the pages (`views/`).
The domain imports no Streamlit at all, so every rule in it is tested without a browser or AppTest.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ucj.paths import ROOT

SHARED_UCJ, UCJ_FEATURE, SHARED_UI, UI_FEATURE, VIEW = range(5)


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] == "views":
        return VIEW
    if parts[0] not in ("ucj", "ui") or len(parts) == 1:
        return None
    is_feature = (ROOT / parts[0] / parts[1]).is_dir()
    if parts[0] == "ucj":
        return UCJ_FEATURE if is_feature else SHARED_UCJ
    return UI_FEATURE if is_feature else SHARED_UI


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


SOURCES = sorted(p for folder in ("ucj", "ui", "views") for p in (ROOT / folder).rglob("*.py"))


def _feature(module: str) -> str:
    return ".".join(module.split(".")[:2])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_points_up(path):
    here = _module(path)
    mine = _layer(here)
    for name in _imports(path):
        target = _layer(name)
        if target is None or _feature(name) == _feature(here):
            continue
        assert target <= mine, f"{here} imports {name}, a higher layer"


@pytest.mark.parametrize("path", [p for p in SOURCES if p.is_relative_to(ROOT / "ucj")], ids=str)
def test_the_domain_imports_no_streamlit(path):
    assert not [name for name in _imports(path) if name.split(".")[0] == "streamlit"]


def test_the_layers_are_ordered():
    assert _layer("ui.map.view") > _layer("ucj.map.geometry") > _layer("ucj.fmt")
    assert _layer("views.map") > _layer("ui.db") > _layer("ucj.map.geometry")
    assert _layer("streamlit") is None
