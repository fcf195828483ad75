"""AppTest of the participant-extract import on the Data page, and of the map drawing its counts."""

from __future__ import annotations

import pytest

from tests.apptest_support import open_app, sortable_tables
from tests.data_support import add_user, csv_bytes, signed_in
from tests.test_membership_import import HEADER, ROWS

TITLED = ("Ekstrak rekonsiliasi per 2024-03-31\r\n" + csv_bytes([HEADER, *ROWS]).decode()).encode()


@pytest.fixture
def editor(data_db, fast_hashing):
    add_user(data_db, "editor1", "editor")
    at = signed_in("padang", "editor1")
    at.selectbox(key="data_kind").set_value("membership").run()
    assert not at.exception, at.exception
    return at


def _frame(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_an_extract_is_checked_previewed_masked_and_committed(editor, db):
    at = editor
    assert any("Satu baris per peserta" in c.value for c in at.caption)
    at.file_uploader(key="membership_file_0").set_value(("ekstrak.csv", TITLED, "text/csv")).run()
    assert not at.exception, at.exception
    assert "5 baris siap disimpan: data per 31 Maret 2024" in at.success[0].value
    by_kecamatan = _frame(at, "Aktif BPU").set_index("Kecamatan")
    assert by_kecamatan.loc["Padang Selatan", "Aktif"] == 1 and by_kecamatan.loc["Padang Selatan", "Terdaftar"] == 2
    assert by_kecamatan["Aktif"].sum() == 2  # the NIK from Kab. Padang Pariaman is counted apart
    assert any("dihitung terpisah" in c.value and ": 1 peserta" in c.value for c in at.caption)
    sample = _frame(at, "Dasar wilayah")
    shown = " ".join(str(v) for d in at.dataframe for v in d.value.to_numpy().ravel())
    clear = [value for row in ROWS for value in row[:3] if value and value in shown]
    assert not clear  # no NIK, name or KPJ number of the file on screen
    assert set(sample["Dasar wilayah"]) == {
        "menurut desa/kelurahan",
        "menurut kode wilayah NIK",
        "NIK dari luar wilayah (dihitung terpisah)",
    }
    assert "S*** D***" in set(sample["Nama"])

    at.button(key="data_commit").click().run()
    assert "Impor #1 tersimpan (5 baris)" in at.success[0].value
    stored = db.query("import_batches", kode_kab="13.71")
    assert stored[["kind", "file_rows", "stored_rows"]].values.tolist() == [["membership", 5, 5]]


def test_a_bad_extract_names_row_and_column_and_stores_nothing(editor, db):
    rows = [ROWS[0], ROWS[0], [*ROWS[1][:5], "pensiun", *ROWS[1][6:]]]
    bad = ("per 2024-03-31\r\n" + csv_bytes([HEADER, *rows]).decode()).encode()
    at = editor
    at.file_uploader(key="membership_file_0").set_value(("buruk.csv", bad, "text/csv")).run()
    assert "File ditolak: 2 masalah" in at.error[0].value
    problems = _frame(at, "Masalah")
    assert problems[["Baris", "Kolom"]].values.tolist() == [[4, "NIK"], [5, "Status"]]
    assert "data_commit" not in [b.key for b in at.button]
    assert db.query("import_batches", kode_kab="13.71").empty


def test_the_map_shows_extract_counts_per_kecamatan(editor, db):
    at = editor
    at.file_uploader(key="membership_file_0").set_value(("ekstrak.csv", TITLED, "text/csv")).run()
    at.button(key="data_commit").click().run()
    at = open_app("padang", page="views/map.py", metric="active", period="2024-03")
    ranking = sortable_tables(at)[0].set_index("Kecamatan")
    assert ranking.loc["Padang Selatan", "Peserta aktif"] == 1
    assert ranking.loc["Padang Timur", "Peserta aktif"] == 1
    assert ranking.loc["Padang Barat", "Peserta aktif"] == 0
    assert (ranking["Jenis angka"] == "Data unggahan").all()
