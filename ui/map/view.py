"""Maps on screen: cached geometry, and streamlit-folium's arguments worked out once per map, not per run."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

import folium
import streamlit as st
import streamlit_folium
from streamlit_folium import st_folium

from ucj.map.geometry import FeatureCollection, feature_collection
from ui.db import database_path, query

MAP_HEIGHT = 460
# Only a click on an area changes these two: panning and zooming send nothing back.
CLICKS = ("last_object_clicked", "last_active_drawing")

# A map to draw: the base (the area shown) and the coloured layer on it, or a whole map and None.
Build = Callable[[], tuple[folium.Map, folium.FeatureGroup | None]]

_COMPONENT = streamlit_folium._component_func  # the component itself, as st_folium calls it
_CAPTURING = threading.Lock()


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _features(db: str, kode_kab: str, level: str, parent: str | None) -> FeatureCollection:
    rows = query("map_boundaries", kode_kab=kode_kab, level=level)
    if parent is not None:
        rows = rows[rows["kode_kec"] == parent]
    return feature_collection(rows)


def features(kode_kab: str, level: str, parent: str | None = None) -> FeatureCollection:
    """Simplified polygons of a region's kecamatan, or of one kecamatan's desa (`parent`)."""
    return _features(str(database_path()), kode_kab, level, parent)


@st.cache_data(show_spinner=False, ttl=600, max_entries=128)
def _arguments(identity: Hashable, key: str, height: int, returned: tuple[str, ...], _build: Build) -> dict[str, Any]:
    """What st_folium sends the browser for this map, captured from st_folium itself.

    st_folium renders every folium element through Jinja and serialises the GeoJSON on every call: 20–40 ms
    of a map page's run (issue 17), for the same text while the data is the same. Captured once, the
    arguments are shared by every session; the lock keeps a capture from meeting another (every map of the
    app comes through here, so no other caller of st_folium can meet the stand-in either).
    """
    base, layer = _build()
    captured: dict[str, Any] = {}
    with _CAPTURING:
        streamlit_folium._component_func = lambda **arguments: captured.update(arguments)
        try:
            st_folium(
                base,
                key=key,
                height=height,
                use_container_width=True,
                returned_objects=list(returned),
                feature_group_to_add=layer,
            )
        finally:
            streamlit_folium._component_func = _COMPONENT
    del captured["on_change"]
    return captured


def show(
    identity: Hashable,
    build: Build,
    key: str,
    *,
    height: int = MAP_HEIGHT,
    on_click: Callable[[str], None] | None = None,
) -> None:
    """Draw a map; a click on an area calls `on_click(kode)` before the rerun it causes.

    `identity` holds everything `build` draws from (the data, the language, the selection): the same identity
    is the same map. The base map depends only on the area shown, and a coloured layer goes in as
    `feature_group_to_add`: a filter change swaps the layer inside the same map, which keeps its centre and
    zoom. A new base (another region, a drill-down) starts a fresh map. Without `on_click` the map sends
    nothing back and never reruns the page.
    """
    returned = CLICKS if on_click else ()
    arguments = _arguments(identity, key, height, returned, build)
    state_key = arguments["key"]  # st_folium keys the component by a hash of the base map's script

    def changed() -> None:
        st.session_state[key] = st.session_state.get(state_key, {})
        drawing = st.session_state[key].get("last_active_drawing") or {}
        kode = drawing.get("properties", {}).get("kode")
        if kode and on_click:
            on_click(kode)

    _COMPONENT(**arguments, on_change=changed)
