"""End to end in headless chromium, no internet: an editor of a workspace sets up Kab. Sidoarjo from the
national list, sees its kecamatan on the coverage map, and finds the research regions as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import SERVER, StreamlitServer, map_properties, wait_for_app
from tests.test_browser_imports import SLOW, _sign_in
from ucj.workspace import national

pytestmark = pytest.mark.browser


def _map_areas(page: Page, base_url: str, slug: str) -> dict[str, tuple[str, str, str]]:
    """Each area on the region's coverage map: (name, figure, kind) as its tooltip says them."""
    page.goto(f"{base_url}/peta?region={slug}&lang=id")
    wait_for_app(page, timeout_ms=3 * SLOW)
    properties = map_properties(page, SLOW)
    return {p["kode"]: (p["nama"], p["nilai"], p["jenis"]) for p in properties}


def test_set_up_sidoarjo_see_its_map_and_the_demo_regions_untouched(
    streamlit_server: StreamlitServer,
    page: Page,
    server_db: Path,
    tmp_path: Path,
) -> None:
    env = {"UCJ_WORKSPACE": str(server_db), "UCJ_SECRET_FILE": str(tmp_path / "nik.key")}
    with streamlit_server(SERVER, env=env) as base_url:
        page.goto(base_url)
        wait_for_app(page, timeout_ms=3 * SLOW)  # the first run of a fresh server on a busy machine
        before = {slug: _map_areas(page, base_url, slug) for slug in ("padang", "jember")}

        page.goto(f"{base_url}/data?region=padang&lang=id")
        wait_for_app(page, timeout_ms=3 * SLOW)
        _sign_in(page)
        main = page.get_by_test_id("stMain")
        main.get_by_role("tab", name="Wilayah baru").click()
        wait_for_app(page, timeout_ms=3 * SLOW)
        picker = main.get_by_test_id("stSelectbox").filter(has_text="Kab/kota")
        picker.click()
        page.keyboard.type("35.15 Kabupaten Sidoarjo")
        page.get_by_role("option", name="35.15 Kabupaten Sidoarjo (Jawa Timur)").click()
        wait_for_app(page, timeout_ms=3 * SLOW)
        main.get_by_role("button", name="Tambahkan ke ruang kerja").click()
        wait_for_app(page, timeout_ms=3 * SLOW)
        expect(main.get_by_text("Kabupaten Sidoarjo tersimpan: 18 kecamatan, 346 desa/kelurahan")).to_be_visible(
            timeout=SLOW
        )

        sidoarjo = _map_areas(page, base_url, "sidoarjo")
        codes = national.codes()
        listed = codes[(codes["level"] == "kecamatan") & (codes["kode_kab"] == "35.15")]
        assert {k: v[0] for k, v in sidoarjo.items()} == dict(zip(listed["kode"], listed["nama"]))
        assert {v[1] for v in sidoarjo.values()} == {"tidak ada data"}  # no figure yet, and none invented

        assert {slug: _map_areas(page, base_url, slug) for slug in ("padang", "jember")} == before
