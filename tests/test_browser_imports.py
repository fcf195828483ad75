"""End to end in headless chromium: a viewer cannot import; an editor uploads a bad file and sees its
row-level errors, uploads a good one, sees it on the coverage map, and rolls it back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import SERVER, StreamlitServer, map_properties, wait_for_app
from tests.data_support import PARTICIPANTS_HEADER, csv_bytes

pytestmark = pytest.mark.browser

P = PARTICIPANTS_HEADER
KECAMATAN = [f"13.71.{i:02d}" for i in range(1, 12)]
# June 2024, the month the map opens at: every kecamatan's figure there is otherwise an estimate.
GOOD = csv_bytes([P, *[[k, 2024, 6, "ALL", "aktif", 4321 + i] for i, k in enumerate(KECAMATAN)]], ";")
BAD = csv_bytes([P, ["Kototangah", 2024, 6, "ALL", "aktif", 10], ["Pauh", 2024, 13, "ALL", "aktif", -4]])
MAP = "peta?region=padang&lang=id&metric=active&segment=ALL&month=2024-06"
SLOW = 30_000  # ms: argon2 and a full check on a busy test machine


def _sign_in(page: Page) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Masuk (penyunting/admin)").click()
    sidebar.get_by_label("Nama akun").fill("editor1")
    sidebar.get_by_label("Kata sandi").fill("kata-sandi-uji-123")
    sidebar.get_by_role("button", name="Masuk").click()
    wait_for_app(page)
    # the first sign-in also rehashes the test account's cheap hash with the real argon2 parameters
    expect(sidebar.get_by_text("Masuk sebagai")).to_be_visible(timeout=SLOW)


def _upload(page: Page, name: str, data: bytes) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )
    wait_for_app(page)


def _map_areas(page: Page, base_url: str, timeout_ms: int = 20_000, view: str = MAP) -> dict[str, tuple[str, str]]:
    """Each kecamatan on the coverage map: (figure, kind) as its tooltip says them."""
    page.goto(f"{base_url}/{view}")
    wait_for_app(page, timeout_ms)
    properties = map_properties(page, timeout_ms)
    return {p["kode"]: (p["nilai"], p["jenis"]) for p in properties}


def test_upload_see_on_the_map_and_roll_back(
    streamlit_server: StreamlitServer, page: Page, server_db: Path, tmp_path: Path
) -> None:
    env = {"UCJ_WORKSPACE": str(server_db), "UCJ_SECRET_FILE": str(tmp_path / "nik.key")}
    with streamlit_server(SERVER, env=env) as base_url:
        before = _map_areas(page, base_url)
        page.goto(f"{base_url}/data?region=padang&lang=id")
        wait_for_app(page)
        main = page.get_by_test_id("stMain")
        # a viewer is told why, and has no way to upload
        expect(main.get_by_text("memerlukan akun penyunting")).to_be_visible(timeout=SLOW)
        assert page.get_by_test_id("stFileUploaderDropzoneInput").count() == 0

        _sign_in(page)
        _upload(page, "juni.csv", BAD)
        expect(main.get_by_text("File ditolak: 3 masalah")).to_be_visible(timeout=SLOW)
        with page.expect_download() as download:
            main.get_by_role("button", name="Unduh daftar masalah (CSV)").click()
        rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
        assert [(r["Baris"], r["Kolom"]) for r in rows] == [("2", "kecamatan"), ("3", "bulan"), ("3", "jumlah")]
        assert rows[0]["Masalah"] == "Kecamatan 'Kototangah' tidak dikenal. Maksudnya 'Koto Tangah'?"

        _upload(page, "juni.csv", GOOD)
        expect(main.get_by_text("Semua pemeriksaan lolos: 11 baris file")).to_be_visible(timeout=SLOW)
        wait_for_app(page)  # the message streams in mid-run: click once the run has finished
        main.get_by_role("button", name="Simpan sebagai impor baru").click()
        wait_for_app(page)
        expect(main.get_by_text("Impor #1 tersimpan (12 baris)")).to_be_visible(timeout=SLOW)

        areas = _map_areas(page, base_url)
        # every kecamatan shows its uploaded figure, which wins over the estimate for that month
        assert areas["13.71.01"] == ("4.321", "Data unggahan")
        assert {kind for _, kind in areas.values()} == {"Data unggahan"} != {kind for _, kind in before.values()}

        page.goto(f"{base_url}/data?region=padang&lang=id")
        wait_for_app(page)
        _sign_in(page)  # a new browser session: signed out again
        main.get_by_role("tab", name="Riwayat impor").click()
        wait_for_app(page)
        main.get_by_text("Saya yakin: hapus semua baris impor ini").click()
        wait_for_app(page)
        main.get_by_role("button", name="Batalkan impor").click()
        wait_for_app(page)
        expect(main.get_by_text("Impor #1 dibatalkan")).to_be_visible(timeout=SLOW)

        assert _map_areas(page, base_url) == before  # the map is exactly as before the upload
