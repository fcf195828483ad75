"""The heap is frozen out of the collector's full passes after new imports, and its garbage collected first."""

from __future__ import annotations

import gc
import sys
import types
import weakref

import pytest

from ui import frozen_heap


class _Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector():
    """Automatic collection off, so that only the code under test collects; the freeze undone after."""
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def _garbage_cycle() -> weakref.ref:
    return weakref.ref(_Node())


def test_a_new_import_collects_the_garbage_then_freezes_what_lives(collector, monkeypatch):
    monkeypatch.setitem(sys.modules, "ucj_test_new_module", types.ModuleType("ucj_test_new_module"))
    alive = [object()]  # a list is always tracked
    gone = _garbage_cycle()
    gc.unfreeze()

    frozen_heap.freeze_loaded_modules()

    assert gone() is None  # collected, not frozen: it would never have been freed
    assert gc.get_freeze_count() > 0
    # Still tracked, but in no generation a collection walks.
    assert gc.is_tracked(alive) and not any(o is alive for o in gc.get_objects())


def test_without_new_imports_nothing_is_collected_or_frozen(collector):
    frozen_heap.freeze_loaded_modules()
    frozen = gc.get_freeze_count()
    kept = _garbage_cycle()

    frozen_heap.freeze_loaded_modules()

    assert kept() is not None
    assert gc.get_freeze_count() == frozen
    gc.collect()
    assert kept() is None
