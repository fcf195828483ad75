"""The choropleth on screen: cached geometry, and streamlit-folium set up so only a click reruns."""

from __future__ import annotations

from collections.abc import Callable

import folium
import streamlit as st
from streamlit_folium import st_folium

from ucj.map.geometry import FeatureCollection, feature_collection
from ui.db import database_path, query

MAP_HEIGHT = 460
# Only a click on an area changes these two: panning and zooming send nothing back.
RETURNED = ["last_object_clicked", "last_active_drawing"]


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _features(db: str, kode_kab: str, level: str, parent: str | None) -> FeatureCollection:
    rows = query("map_boundaries", kode_kab=kode_kab, level=level)
    if parent is not None:
        rows = rows[rows["kode_kec"] == parent]
    return feature_collection(rows)


def features(kode_kab: str, level: str, parent: str | None = None) -> FeatureCollection:
    """Simplified polygons of a region's kecamatan, or of one kecamatan's desa (`parent`)."""
    return _features(str(database_path()), kode_kab, level, parent)


def show(base: folium.Map, layer: folium.FeatureGroup, key: str, on_click: Callable[[str], None]) -> None:
    """Draw the map; a click on an area calls `on_click(kode)` before the rerun it causes.

    The base map depends only on the area shown, and the coloured layer goes in as
    `feature_group_to_add`: a filter change swaps the layer inside the same map, which keeps
    its centre and zoom. A new base (another region, a drill-down) starts a fresh map.
    """

    def clicked() -> None:
        drawing = (st.session_state.get(key) or {}).get("last_active_drawing") or {}
        kode = drawing.get("properties", {}).get("kode")
        if kode:
            on_click(kode)

    st_folium(
        base,
        key=key,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=RETURNED,
        feature_group_to_add=layer,
        on_change=clicked,
    )
