"""Maps on screen: cached geometry, and folium maps drawn in the page itself, worked out once per map.

streamlit-folium turns a folium map into Leaflet scripts; its own front end runs them in an iframe that first
loads a 225 KB bundle, and on a fresh load the polygons came 1,3 s after the page (issue 17). The scripts are
taken from st_folium and run by `page_map.js`, a component of the page (st.components.v2) that loads only
Leaflet.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import folium
import streamlit as st
import streamlit_folium
from streamlit import config
from streamlit_folium import st_folium

from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.geometry import FeatureCollection, feature_collection
from ucj.map.offline_map import STATIC_URL, check_script
from ui.db import database_path, query

MAP_HEIGHT = 460
# What the page needs of st_folium's arguments; a click is sent as the trigger "clicked", panning sends nothing.
DRAWN = ("script", "feature_group", "header", "html", "height")

# A map to draw: the base (the area shown) and the coloured layer on it, or a whole map and None.
Build = Callable[[], tuple[folium.Map, folium.FeatureGroup | None]]

_CAPTURING = threading.Lock()
_PAGE_MAP = st.components.v2.component(
    "ucj_page_map", js=(Path(__file__).parent / "page_map.js").read_text(encoding="utf-8")
)


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _features(db: str, kode_kab: str, level: str, parent: str | None) -> FeatureCollection:
    rows = query("map_boundaries", kode_kab=kode_kab, level=level)
    if parent is not None:
        rows = rows[rows["kode_kec"] == parent]
    return feature_collection(rows)


def features(kode_kab: str, level: str, parent: str | None = None) -> FeatureCollection:
    """Simplified polygons of a region's kecamatan, or of one kecamatan's desa (`parent`)."""
    return _features(str(database_path()), kode_kab, level, parent)


def _in_page(url: str) -> str:
    """An asset's URL as the page requests it: folium's are relative to streamlit-folium's iframe."""
    base = config.get_option("server.baseUrlPath").strip("/")
    return url.replace(STATIC_URL, f"/{base}/app/static" if base else "/app/static", 1)


@st.cache_data(show_spinner=False, ttl=600, max_entries=128)
def _drawn(identity: Hashable, height: int, clickable: bool, _build: Build) -> dict[str, Any]:
    """What the page's map is drawn from, taken from st_folium itself.

    st_folium renders every folium element through Jinja and serialises the GeoJSON on every call: 20–40 ms
    of a map page's run (issue 17), for the same text while the data is the same. Taken once, it is shared by
    every session; the lock keeps one capture from meeting another.
    """
    base, layer = _build()
    captured: dict[str, Any] = {}
    with _CAPTURING:
        component = streamlit_folium._component_func
        streamlit_folium._component_func = lambda **arguments: captured.update(arguments)
        try:
            st_folium(base, height=height, returned_objects=[], feature_group_to_add=layer)
        finally:
            streamlit_folium._component_func = component
    drawn = {name: captured[name] for name in DRAWN}
    for code in (drawn["script"], drawn["feature_group"]):
        check_script(code or "")
    return drawn | {
        "css_links": [_in_page(url) for url in captured["css_links"]],
        "js_links": [_in_page(url) for url in captured["js_links"]],
        "clickable": clickable,
    }


def show(
    identity: Hashable,
    build: Build,
    key: str,
    *,
    lang: Lang,
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

    def clicked() -> None:
        kode = st.session_state[key].get("clicked")
        if kode and on_click:
            on_click(kode)

    data = _drawn(identity, height, on_click is not None, build) | {"failed": t("peta.map_failed", lang)}
    _PAGE_MAP(key=key, data=data, height=height, on_clicked_change=clicked)
