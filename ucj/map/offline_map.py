"""Folium maps that load nothing from the internet.

Meeting rooms and Pemda intranets have no internet, and folium points every map
at public CDNs, so the map stays blank there. `offline_map` returns a map whose
scripts and styles come from the app's own `static/vendor/` (filled by
`scripts/fetch_assets.sh`) and which draws boundaries on a plain background.
"""

import re
from collections.abc import Iterator
from typing import Any

import branca.colormap
import folium
from branca.element import CssLink, Element, Figure, JavascriptLink

from ucj.paths import ROOT

STATIC_DIR = ROOT / "static"

# Streamlit serves static/ at <base>/app/static/. The URL is relative to
# streamlit-folium's iframe (<base>/component/streamlit_folium.st_folium/), where
# st_folium's own front end would draw; the app draws its maps in the page and
# turns it into the page's path (ui/map/view.py).
STATIC_URL = "../../app/static"

# Each CDN address folium uses for a file we vendor -> that file under static/.
LOCAL_ASSETS: dict[str, str] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": ("vendor/leaflet-1.9.3/leaflet.js"),
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": ("vendor/leaflet-1.9.3/leaflet.css"),
}

# folium.Map's defaults for Bootstrap and folium.Icon markers: unused here, dropped. jQuery too: only folium's
# Popup, objects kept in front and GeoJSON loaded by URL call it (`check_script` refuses them), and every fresh
# map page parsed its 87 KB (issue 17).
UNUSED_ASSETS: frozenset[str] = frozenset(
    {
        "https://code.jquery.com/jquery-3.7.1.min.js",
        "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js",
        "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js",
        "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css",
        "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css",
        "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css",
        "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css",
        "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css",
    }
)

# An optional online basemap: never needed to read the map.
BASEMAPS: dict[str, str] = {"osm": "OpenStreetMap"}


# `$(…)`, `$.ajax`, `jQuery(…)`; not a template literal's `${…}`.
JQUERY_CALL = re.compile(r"(?<![\w$.])(?:\$|jQuery)(?=\s*[(.])")


class ExternalAssetError(RuntimeError):
    """A map element needs a file from the internet that is not vendored."""


def check_script(code: str) -> None:
    """Refuse a map script that calls jQuery, which the maps do without (see UNUSED_ASSETS)."""
    if found := JQUERY_CALL.search(code):
        context = code[max(found.start() - 60, 0) : found.end() + 60].strip()
        raise ExternalAssetError(f"a map element calls jQuery, which the maps do not load: …{context}…")


def asset_url(relative: str) -> str:
    """URL of a file under static/, as streamlit-folium's iframe would request it."""
    return f"{STATIC_URL}/{relative}"


def _localise(url: str, owner: Element) -> str | None:
    """The local URL for `url`, None to drop it; raise rather than go online."""
    if url.startswith(STATIC_URL):
        return url
    if url in LOCAL_ASSETS:
        return asset_url(LOCAL_ASSETS[url])
    if url in UNUSED_ASSETS:
        return None
    raise ExternalAssetError(
        f"{type(owner).__name__} needs {url}: vendor it in scripts/fetch_assets.sh "
        "and map it in ucj/offline_map.LOCAL_ASSETS, or do without it"
    )


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


class OfflineMap(folium.Map):
    """A folium Map that rewrites every element's assets to local URLs on render.

    streamlit-folium reads each element's `default_js`/`default_css` after
    rendering and loads them itself, so the lists are rewritten in place (per
    instance) rather than only in the HTML header.
    """

    def render(self, **kwargs: Any) -> None:
        for element in _walk(self):
            if isinstance(element, branca.colormap.ColorMap):
                raise ExternalAssetError(
                    "branca colour maps (also folium.Choropleth's legend) load d3 "
                    "from the internet: draw the legend as plain HTML instead"
                )
            for attr in ("default_js", "default_css"):
                assets = getattr(element, attr, None)
                if assets:
                    setattr(element, attr, _localised(assets, element))
        super().render(**kwargs)
        _check_header(self.get_root())


def _localised(assets: list[tuple[str, str]], owner: Element) -> list[tuple[str, str]]:
    pairs = ((name, _localise(url, owner)) for name, url in assets)
    return [(name, url) for name, url in pairs if url is not None]


def _check_header(root: Element) -> None:
    """Catch links that elements add to the page header outside default_js/css."""
    if not isinstance(root, Figure):
        return
    for link in root.header._children.values():
        if isinstance(link, (JavascriptLink, CssLink)) and not link.url.startswith(STATIC_URL):
            raise ExternalAssetError(f"the page header links {link.url}")


def offline_map(basemap: str | None = None, **folium_kwargs: Any) -> OfflineMap:
    """A folium map that works with no internet.

    `basemap="osm"` adds OpenStreetMap tiles for those online; the boundaries
    never depend on them. Other keyword arguments go to `folium.Map`.
    """
    tiles = BASEMAPS[basemap] if basemap else None
    return OfflineMap(tiles=tiles, **folium_kwargs)
