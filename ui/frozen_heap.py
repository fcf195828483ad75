"""Python's collector and the modules the pages import: once loaded, they are left out of every later full collection.

A full collection walks every object the collector tracks, and the functions, classes and constants of pandas,
Altair, folium, geopandas and the app's own modules are most of them; they live as long as the server. With all
pages loaded a full collection took 50–120 ms, in which no session's script could run (issue 17). `gc.freeze`
moves what is tracked into a generation no collection walks. The pages import their heavy modules lazily, so
the run after one that imported something new collects the heap and freezes it again. It does so before it
starts, when the runs before it are over: their garbage cycles, frozen, would never be freed. Each page's first
view thus costs one full collection to the run after it, and the views after that none. What is alive at a
freeze and only later becomes cyclic garbage (a session open at the time) is never freed: `bench/profile_pages.py`
counts it (7 154 objects with every page opened in two regions).
"""

from __future__ import annotations

import gc
import sys

_modules_when_frozen = 0


def freeze_loaded_modules() -> None:
    """Collect and freeze the heap if modules were imported since the last freeze; else nothing but a length check."""
    global _modules_when_frozen
    loaded = len(sys.modules)
    if loaded != _modules_when_frozen:
        _modules_when_frozen = loaded
        gc.collect()
        gc.freeze()
