"""The maps must draw with no internet: no outside URL in the HTML, and a real browser proves it."""

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import branca.colormap
import folium
import folium.plugins
import pytest
from branca.element import Element
from playwright.sync_api import Page

from tests.apps.offline_map_app import GEOJSON, choropleth
from tests.browser_support import AREAS, StreamlitServer, map_drawn, wait_for_app
from ucj.map.offline_map import (
    LOCAL_ASSETS,
    STATIC_DIR,
    STATIC_URL,
    ExternalAssetError,
    asset_url,
    check_script,
    offline_map,
)

APP = Path(__file__).resolve().parent / "apps" / "offline_map_app.py"
URL_RE = re.compile(r"(?:https?:)?//[\w.-]+\.\w+", re.IGNORECASE)
LOCAL_REF_RE = re.compile(r'(?:src|href)="' + re.escape(STATIC_URL) + r'/([^"]+)"')


def _geojson() -> dict[str, Any]:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


def _names() -> set[str]:
    return {f["properties"]["nama_kec"] for f in _geojson()["features"]}


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def test_choropleth_html_has_no_outside_url() -> None:
    html = choropleth(_geojson()).get_root().render()

    assert URL_RE.findall(html) == []
    for relative in LOCAL_ASSETS.values():
        assert asset_url(relative) in html


def test_streamlit_folium_gets_only_local_assets() -> None:
    """st_folium loads each element's default_js/default_css itself, after rendering."""
    m = choropleth(_geojson())
    m.get_root().render()

    urls = [url for el in _walk(m) for attr in ("default_js", "default_css") for _, url in getattr(el, attr, [])]
    assert urls
    assert all(url.startswith(STATIC_URL) for url in urls), urls


def test_referenced_assets_are_vendored() -> None:
    """Catches a missing scripts/fetch_assets.sh run before a blank map does."""
    html = choropleth(_geojson()).get_root().render()
    referenced = LOCAL_REF_RE.findall(html)

    assert sorted(referenced) == sorted(LOCAL_ASSETS.values())
    for relative in referenced:
        assert (STATIC_DIR / relative).is_file(), f"run scripts/fetch_assets.sh: {relative} is missing"
    css = STATIC_DIR / LOCAL_ASSETS["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"]
    for image in re.findall(r"url\((images/[^)]+)\)", css.read_text(encoding="utf-8")):
        assert (css.parent / image).is_file(), image


def test_no_tiles_unless_asked() -> None:
    def tile_layers(m: folium.Map) -> list[Element]:
        return [el for el in _walk(m) if isinstance(el, folium.TileLayer)]

    assert tile_layers(offline_map()) == []
    assert len(tile_layers(offline_map(basemap="osm"))) == 1


@pytest.mark.parametrize(
    "make",
    [folium.plugins.Fullscreen, lambda: branca.colormap.LinearColormap(["#ffffff", "#000000"])],
    ids=["plugin-from-cdn", "branca-legend"],
)
def test_refuses_elements_that_need_the_internet(make: Callable[[], Element]) -> None:
    m = offline_map()
    make().add_to(m)

    with pytest.raises(ExternalAssetError):
        m.get_root().render()


def test_a_map_script_that_calls_jquery_is_refused() -> None:
    """The maps load no jQuery: the choropleth's tooltips (template literals, `${…}`) pass, a Popup does not."""
    m = choropleth(_geojson())
    m.get_root().render()
    check_script(m.get_root().script.render())

    folium.Popup("<b>Padang</b>").add_to(m)
    m.get_root().render()
    with pytest.raises(ExternalAssetError, match="jQuery"):
        check_script(m.get_root().script.render())


def _point_inside(page: Page, index: int) -> dict[str, float]:
    """A point of path `index` that really hits it: a bbox centre can miss a concave polygon. Polled,
    because on a busy machine Leaflet may still be laying out or zooming to the bounds."""
    path = page.locator(AREAS).nth(index).element_handle()
    found = page.wait_for_function(
        """(el) => {
            const r = el.getBoundingClientRect();
            for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
                const x = r.left + (r.width * j) / 10, y = r.top + (r.height * i) / 10;
                if (el.getRootNode().elementFromPoint(x, y) === el) return {x: x - r.left, y: y - r.top};
            }
            return null;
        }""",
        arg=path,
        timeout=15_000,
    )
    return found.json_value()


@pytest.mark.browser
def test_map_draws_offline_in_chromium(streamlit_server: StreamlitServer, page: Page) -> None:
    with streamlit_server(APP) as base_url:
        page.goto(base_url)
        wait_for_app(page)
        map_drawn(page, 15_000)
        polygons = page.locator(AREAS)

        assert polygons.count() == 5
        tooltip = page.locator(".leaflet-tooltip")
        shown = set()
        for index in range(5):
            polygons.nth(index).hover(position=_point_inside(page, index))
            tooltip.wait_for()
            shown |= {name for name in _names() if name in tooltip.inner_text()}
            page.locator(".leaflet-control-zoom-in").hover()
            tooltip.wait_for(state="detached")
        assert shown == _names()
