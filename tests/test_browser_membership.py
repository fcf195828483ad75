"""End to end in headless chromium: an editor downloads the synthetic Padang extract from the Data page,
imports it, sees different coverage in different kecamatan on the map marked "contoh sintetis", and
rolls the import back."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import SERVER, StreamlitServer, wait_for_app
from tests.test_browser_imports import _map_areas, _sign_in, _upload

pytestmark = pytest.mark.browser

# January 2024: the month of Padang's published total, spread to every kecamatan as an estimate
JANUARY = "peta?region=padang&lang=id&metric=active&segment=ALL&month=2024-01"
LONG = 240_000  # ms: 144,649 rows read, checked, hashed and encrypted on a busy test machine


def test_import_the_synthetic_padang_extract_see_it_on_the_map_and_roll_back(
    streamlit_server: StreamlitServer, page: Page, server_db: Path, tmp_path: Path
) -> None:
    env = {
        "UCJ_WORKSPACE": str(server_db),
        "UCJ_SECRET_FILE": str(tmp_path / "nik.key"),
        "UCJ_PERSONAL_KEY_FILE": str(tmp_path / "personal.key"),
    }
    with streamlit_server(SERVER, env=env) as base_url:
        before = _map_areas(page, base_url, LONG, JANUARY)
        page.goto(f"{base_url}/data?region=padang&lang=id")
        wait_for_app(page, LONG)
        main = page.get_by_test_id("stMain")
        _sign_in(page)
        main.get_by_test_id("stSelectbox").filter(has_text="Jenis data").locator("input").click()
        page.get_by_role("option", name="Ekstrak kepesertaan (satu baris per peserta)").click()
        wait_for_app(page, LONG)
        main.get_by_text("Contoh file untuk latihan").click()
        with page.expect_download(timeout=LONG) as download:
            main.get_by_role("button", name="Unduh contoh sintetis Kota Padang (CSV)").click()
        example = Path(download.value.path()).read_bytes()
        assert example.startswith(b"CONTOH SINTETIS")

        _upload(page, "contoh_sintetis_padang.csv", example)
        expect(main.get_by_text("144.649 baris siap disimpan: data per 30 Juni 2024")).to_be_visible(timeout=LONG)
        expect(main.get_by_text("CONTOH SINTETIS: file ini berisi orang rekaan")).to_be_visible()
        wait_for_app(page, LONG)  # the messages stream in mid-run: click once the run has finished
        main.get_by_role("button", name="Simpan sebagai impor baru").click()
        wait_for_app(page, LONG)
        expect(main.get_by_text("Impor #1 tersimpan (144.649 baris)")).to_be_visible(timeout=LONG)

        areas = _map_areas(page, base_url, LONG, JANUARY)
        figures = {kode: figure for kode, (figure, _) in areas.items()}
        assert {kind for _, kind in before.values()} == {"Perkiraan"}
        assert {kind for _, kind in areas.values()} == {"Data unggahan"}
        assert len(set(figures.values())) == len(figures) == 11  # each kecamatan its own count
        expect(page.get_by_test_id("stMain").get_by_text("contoh sintetis").first).to_be_visible()

        page.goto(f"{base_url}/data?region=padang&lang=id")
        wait_for_app(page, LONG)
        _sign_in(page)
        main.get_by_role("tab", name="Riwayat impor").click()
        wait_for_app(page, LONG)
        main.get_by_text("Saya yakin: hapus semua baris impor ini").click()
        wait_for_app(page, LONG)
        main.get_by_role("button", name="Batalkan impor").click()
        wait_for_app(page, LONG)
        expect(main.get_by_text("Impor #1 dibatalkan")).to_be_visible(timeout=LONG)

        assert _map_areas(page, base_url, LONG, JANUARY) == before
