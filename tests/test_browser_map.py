"""The coverage map in headless chromium: panning sends nothing, a filter keeps the view, a click opens
the detail, and the copied URL opens the same view, at 1280×720; and the page fits a phone."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser_support import AREAS, MAP, SERVER, StreamlitServer, map_drawn, wait_for_app


def _view(box: Locator) -> list:
    return box.evaluate("box => [box.ucjMap.getZoom(), box.ucjMap.getCenter().lat, box.ucjMap.getCenter().lng]")


def _open_map(page: Page, url: str) -> Locator:
    page.goto(url)
    wait_for_app(page)
    return map_drawn(page)


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
        box = _open_map(page, f"{base_url}/peta?region=padang&lang=id")
        areas = page.locator(AREAS)
        assert areas.count() == 11
        hatched = {fill for fill in areas.evaluate_all("paths => paths.map(p => p.getAttribute('fill'))")}
        assert all(fill.startswith("url(#ucj-hatch-") for fill in hatched)  # every kecamatan figure is an estimate
        # each hatch is defined beside the map, in its shadow root, where url(#…) finds it
        assert box.evaluate(
            "(box, ids) => ids.every(id => box.getRootNode().getElementById(id))",
            [fill[len("url(#") : -1] for fill in hatched],
        )
        assert page.locator("iframe").count() == 0  # drawn in the page, not in streamlit-folium's iframe

        # zooming and panning send nothing to the server, so the app does not rerun
        time.sleep(1)
        before = len(sent)
        page.locator(".leaflet-control-zoom-in").click()
        box.evaluate("box => box.ucjMap.panBy([80, 40], {animate: false})")
        time.sleep(1.5)
        assert len(sent) == before
        zoomed = _view(box)

        # a filter change swaps the layer but keeps the view
        _pick(page, "Ukuran", "Peserta aktif")
        expect(page.locator(".ucj-legend")).to_contain_text("Peserta aktif")
        assert _view(map_drawn(page)) == pytest.approx(zoomed)

        # a click on a kecamatan opens its detail and puts it in the URL
        areas.nth(3).click(force=True)
        page.wait_for_url("**kec=13.71.*", timeout=20_000)
        wait_for_app(page)
        kode = page.url.split("kec=")[1].split("&")[0]
        heading = page.locator('[data-testid="stHeading"] h3').first.inner_text()
        # the kecamatan's chart: Vega loads only now (the region's charts are in a closed box)
        expect(page.get_by_text("Peserta aktif per segmen").first).to_be_visible()

        copied = page.url
        page.goto("about:blank")
        _open_map(page, copied)
        assert page.locator('[data-testid="stHeading"] h3').first.inner_text() == heading
        assert f"kec={kode}" in page.url and "metric=active" in page.url
        expect(page.locator(".ucj-legend")).to_contain_text("Peserta aktif")


@pytest.mark.browser
def test_fits_a_phone(streamlit_server: StreamlitServer, page: Page, app_db: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    with streamlit_server(SERVER, env={"UCJ_DEMO_DB": str(app_db)}) as base_url:
        _open_map(page, f"{base_url}/peta?region=jember&lang=id&kec=35.09.11")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator(MAP).bounding_box()
        assert box is not None and 300 < box["width"] <= 390
        expect(page.get_by_role("region", name="Rincian desa/kelurahan")).to_be_visible()  # the desa table


@pytest.mark.browser
def test_says_so_when_leaflet_cannot_load(streamlit_server: StreamlitServer, page: Page, app_db: Path) -> None:
    page.route("**/leaflet.js", lambda route: route.abort())
    with streamlit_server(SERVER, env={"UCJ_DEMO_DB": str(app_db)}) as base_url:
        page.goto(f"{base_url}/peta?region=padang&lang=id")
        wait_for_app(page)
        expect(page.get_by_text("Peta tidak dapat digambar")).to_be_visible(timeout=20_000)
        assert page.locator(MAP).count() == 0


def _column(page: Page, index: int) -> list[str]:
    return page.locator(f".ucj-table tbody tr td:nth-child({index})").all_inner_texts()


@pytest.mark.browser
def test_the_ranking_sorts_by_its_headings_without_the_data_grid(
    streamlit_server: StreamlitServer, page: Page, app_db: Path
) -> None:
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    with streamlit_server(SERVER, env={"UCJ_DEMO_DB": str(app_db)}) as base_url:
        _open_map(page, f"{base_url}/peta?region=jember&lang=id&metric=workforce")
        ranked = _column(page, 2)
        assert len(ranked) == 31
        figure = page.locator(".ucj-table th button", has_text="Tenaga kerja")
        heading = page.locator(".ucj-table th", has_text="Tenaga kerja")

        figure.click()  # ascending: the figures as numbers, though written 47.488
        expect(heading).to_have_attribute("aria-sort", "ascending")
        numbers = [int(text.replace(".", "")) for text in _column(page, 3)]
        assert numbers == sorted(numbers) and numbers != sorted(numbers, reverse=True)

        page.keyboard.press("Enter")  # the heading keeps the focus: descending
        expect(heading).to_have_attribute("aria-sort", "descending")
        assert [int(text.replace(".", "")) for text in _column(page, 3)] == sorted(numbers, reverse=True)

        page.keyboard.press("Enter")  # and back to the ranking's own order
        expect(heading).to_have_attribute("aria-sort", "none")
        assert _column(page, 2) == ranked

        page.locator(".ucj-table th button", has_text="Kecamatan").click()
        names = _column(page, 2)
        assert names[0] == "Ajung" and names == sorted(names, key=str.casefold)
        page.locator(".ucj-table th button", has_text="Peringkat").dblclick()  # 31 first, not "9" as text would
        ranks = [int(text) for text in _column(page, 1)]
        assert ranks == sorted(ranks, reverse=True) and ranks[0] > 9
    assert not [url for url in scripts if "/DataFrame." in url]  # st.dataframe's grid is never loaded
