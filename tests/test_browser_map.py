"""The coverage map in headless chromium: panning sends nothing, a filter keeps the view, a click opens
the detail, and the copied URL opens the same view, at 1280×720; and the page fits a phone."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Frame, Page

from tests.browser_support import SERVER, StreamlitServer, frame_for_map, wait_for_app

AREAS = "path.leaflet-interactive"


def _view(frame: Frame) -> list:
    return frame.evaluate("[window.map.getZoom(), window.map.getCenter().lat, window.map.getCenter().lng]")


def _open_map(page: Page, url: str) -> Frame:
    page.goto(url)
    wait_for_app(page)
    frame = frame_for_map(page)
    frame.wait_for_selector(AREAS, timeout=20_000)
    return frame


def _pick(page: Page, label: str, option: str) -> None:
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).locator("input").click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)


@pytest.mark.browser
def test_pan_filter_click_and_copied_link(streamlit_server: StreamlitServer, page: Page, app_db: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})  # a projector
    sent: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(str(payload))))
    with streamlit_server(SERVER, env={"UCJ_DEMO_DB": str(app_db)}) as base_url:
        frame = _open_map(page, f"{base_url}/peta?region=padang&lang=id")
        assert len(frame.query_selector_all(AREAS)) == 11
        hatched = {p.get_attribute("fill") for p in frame.query_selector_all(AREAS)}
        assert all(fill.startswith("url(#ucj-hatch-") for fill in hatched)  # every kecamatan figure is an estimate
        assert frame.evaluate("document.querySelectorAll('pattern').length") > 0

        # zooming and panning send nothing to the server, so the app does not rerun
        time.sleep(1)
        before = len(sent)
        frame.click(".leaflet-control-zoom-in")
        frame.evaluate("window.map.panBy([80, 40], {animate: false})")
        time.sleep(1.5)
        assert len(sent) == before
        zoomed = _view(frame)

        # a filter change swaps the layer but keeps the view
        _pick(page, "Ukuran", "Peserta aktif")
        frame = frame_for_map(page)
        frame.wait_for_function("document.querySelector('.ucj-legend').innerText.includes('Peserta aktif')")
        assert _view(frame) == pytest.approx(zoomed)

        # a click on a kecamatan opens its detail and puts it in the URL
        frame.locator(AREAS).nth(3).click(force=True)
        page.wait_for_url("**kec=13.71.*", timeout=20_000)
        wait_for_app(page)
        kode = page.url.split("kec=")[1].split("&")[0]
        heading = page.locator('[data-testid="stHeading"] h3').first.inner_text()
        assert page.get_by_text("Peserta aktif per segmen").first.is_visible()

        copied = page.url
        page.goto("about:blank")
        _open_map(page, copied)
        assert page.locator('[data-testid="stHeading"] h3').first.inner_text() == heading
        assert f"kec={kode}" in page.url and "metric=active" in page.url
        frame = frame_for_map(page)
        frame.wait_for_function("document.querySelector('.ucj-legend').innerText.includes('Peserta aktif')")


@pytest.mark.browser
def test_fits_a_phone(streamlit_server: StreamlitServer, page: Page, app_db: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    with streamlit_server(SERVER, env={"UCJ_DEMO_DB": str(app_db)}) as base_url:
        _open_map(page, f"{base_url}/peta?region=jember&lang=id&kec=35.09.11")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
        assert box is not None and 300 < box["width"] <= 390
        assert page.get_by_text("Rincian desa/kelurahan").is_visible()
