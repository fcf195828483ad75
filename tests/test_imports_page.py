"""The Data page in AppTest: what a viewer, an editor and an admin can reach and do."""

from __future__ import annotations

import pytest

from tests.apptest_support import open_app
from tests.data_support import PARTICIPANTS_HEADER, add_user, checksums, csv_bytes, new_kota_files, signed_in
from ucj.db import Database

P = PARTICIPANTS_HEADER
GOOD = csv_bytes([P, ["Koto Tangah", 2031, 6, "BPU", "aktif", 250], ["Koto Tangah", 2031, 6, "BPU", "terdaftar", 300]])
BAD = csv_bytes([P, ["Kototangah", 2031, 6, "BPU", "aktif", 250], ["Pauh", 2031, 13, "BPU", "aktif", -4]])


@pytest.fixture
def editor(data_db, fast_hashing):
    add_user(data_db, "editor1", "editor")
    return signed_in("padang", "editor1")


def _frame(at, column: str):
    """The first table on screen with this column (AppTest finds tables by position, not by key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _section(at, label: str):
    at.session_state["data_section"] = label
    return at.run()


def test_a_viewer_cannot_reach_the_import(data_db):
    at = open_app("padang", page="views/imports.py")
    assert "akun penyunting" in at.info[0].value
    assert not at.get("file_uploader")
    assert not at.tabs
    assert at.subheader[0].value == "Ringkasan penerima (publik)"


def test_an_editor_uploads_sees_row_errors_commits_and_rolls_back(editor):
    at = editor
    assert [t.label for t in at.tabs] == ["Impor", "Riwayat impor", "Daftar penerima", "Wilayah baru"]
    at.file_uploader(key="data_file_0").set_value(("juni.csv", BAD, "text/csv")).run()
    assert "File ditolak: 3 masalah" in at.error[0].value
    problems = _frame(at, "Masalah")
    assert problems[["Baris", "Kolom"]].values.tolist() == [[2, "kecamatan"], [3, "bulan"], [3, "jumlah"]]
    assert "Maksudnya 'Koto Tangah'?" in problems["Masalah"].iloc[0]
    assert "data_commit" not in [b.key for b in at.button]

    at.file_uploader(key="data_file_0").set_value(("juni.csv", GOOD, "text/csv")).run()
    assert "Semua pemeriksaan lolos: 2 baris file" in at.success[0].value
    at.button(key="data_commit").click().run()
    assert "Impor #1 tersimpan (2 baris)" in at.success[0].value
    assert at.file_uploader(key="data_file_1").value is None  # a fresh uploader for the next file

    at = _section(at, "Riwayat impor")
    batches = _frame(at, "Berlaku")
    assert batches[["Impor #", "File", "Oleh", "Berlaku"]].values.tolist() == [[1, "juni.csv", "editor1", True]]
    at.checkbox(key="data_rollback_sure_1").check().run()
    at.button(key="data_rollback").click().run()
    assert "Impor #1 dibatalkan" in at.success[0].value
    assert _frame(at, "Berlaku")["Berlaku"].tolist() == [False]


def test_errors_in_english(data_db, fast_hashing):
    add_user(data_db, "editor1", "editor")
    at = signed_in("padang", "editor1", lang="en")
    at.file_uploader(key="data_file_0").set_value(("june.csv", BAD, "text/csv")).run()
    assert "File rejected: 3 problems" in at.error[0].value
    problems = _frame(at, "Problem")
    assert problems["Problem"].tolist()[0] == "Unknown kecamatan 'Kototangah'. Did you mean 'Koto Tangah'?"


def test_an_admin_manages_accounts_and_reads_the_audit_log(data_db, fast_hashing):
    add_user(data_db, "admin1", "admin")
    at = signed_in("padang", "admin1")
    assert [t.label for t in at.tabs][-3:] == ["Akun", "Log audit", "Cadangan"]
    at = _section(at, "Akun")
    at.text_input(key="data_user_name").input("penyunting2")
    at.selectbox(key="data_user_role").set_value("editor")
    at.text_input(key="data_user_password").input("sandi-penyunting-2")
    at.button(key="data_user_create").click().run()
    assert at.success[0].value == "Akun dibuat."
    assert _frame(at, "Nama akun")["Nama akun"].tolist() == ["admin1", "penyunting2"]
    at = _section(at, "Log audit")
    log = _frame(at, "Tindakan")
    assert log[["Oleh", "Tindakan"]].values.tolist()[:2] == [["admin1", "create_user"], ["test", "create_user"]]
    assert {b.key for b in at.get("download_button")} >= {"data_audit_csv", "data_audit_xlsx"}


def test_an_admin_downloads_a_backup_that_holds_everything(data_db, fast_hashing, tmp_path):
    add_user(data_db, "admin1", "admin")
    at = _section(signed_in("padang", "admin1"), "Cadangan")
    assert not [b for b in at.get("download_button") if b.key == "data_backup_download"]
    at.button(key="data_backup_take").click().run()
    (button,) = [b for b in at.get("download_button") if b.key == "data_backup_download"]
    assert button.proto.label.startswith("Unduh cadangan (") and button.proto.label.endswith(" MB)")
    _, data = at.session_state["data_backup_file"]
    copy = tmp_path / "cadangan.duckdb"
    copy.write_bytes(data)
    restored = Database(copy)
    assert restored.query("auth_accounts")["username"].tolist() == ["admin1"]  # the account is in it
    restored.close()
    backup, now = checksums(copy), checksums(data_db)
    assert backup.pop("audit_log")[0] == now.pop("audit_log")[0] - 1  # all but the backup's own entry
    assert backup == now
    log = Database(data_db).query("audit_log_entries")
    assert log[["actor", "action"]].values.tolist()[0] == ["admin1", "backup"]  # recorded after the copy


def test_an_editor_does_not_see_admin_sections(editor):
    labels = [t.label for t in editor.tabs]
    assert "Akun" not in labels and "Cadangan" not in labels


def test_wrong_password_says_so(data_db, fast_hashing):
    add_user(data_db, "editor1", "editor")
    at = signed_in("padang", "editor1", password="bukan-sandinya")
    assert at.error[0].value == "Nama akun atau kata sandi salah."
    assert not at.tabs


def test_sign_out(editor):
    editor.button(key="auth_logout").click().run()
    assert not editor.tabs and "akun penyunting" in editor.info[0].value


def test_viewing_can_require_a_login(data_db, monkeypatch):
    monkeypatch.setenv("UCJ_REQUIRE_LOGIN", "1")
    at = open_app("padang")
    assert not at.title and not at.metric
    assert at.sidebar.warning[0].value == "Dasbor ini hanya bisa dilihat setelah masuk."


def test_a_viewer_account_cannot_import_either(data_db, fast_hashing):
    add_user(data_db, "pembaca1", "viewer")
    at = signed_in("padang", "pembaca1")
    assert "Masuk sebagai **pembaca1** (pembaca)" in at.sidebar.caption[0].value
    assert not at.tabs and not at.get("file_uploader")


def test_a_recipient_list_is_only_ever_shown_masked(editor):
    at = editor
    at.selectbox(key="data_kind").set_value("recipients").run()
    at.text_input(key="data_list_opd").input("Dinas Sosial").run()
    nik = "1371014506850003"
    at.file_uploader(key="data_file_0").set_value(
        ("sk.csv", csv_bytes([("nik", "nama"), (nik, "Siti Aminah")]), "text/csv")
    ).run()
    preview = _frame(at, "nik")
    assert preview[["nik", "nama"]].values.tolist() == [["1371************", "S*** A***"]]
    shown = " ".join(str(e.value) for e in at.main if hasattr(e, "value"))
    assert "1371************" in shown and nik not in shown and "Siti Aminah" not in shown
    at.button(key="data_commit").click().run()
    at = _section(at, "Daftar penerima")
    assert _frame(at, "OPD")["Penerima"].tolist() == [1]
    assert _frame(at, "Kecamatan")["Penerima"].tolist() == ["<5"]  # the public summary suppresses small counts


def test_an_editor_adds_a_region_from_its_boundaries(editor):
    at = _section(editor, "Wilayah baru")
    kecamatan, desa = new_kota_files()
    at.file_uploader(key="data_region_kec_0").set_value(("kec.geojson", kecamatan, "application/geo+json")).run()
    at.file_uploader(key="data_region_desa_0").set_value(("desa.geojson", desa, "application/geo+json")).run()
    assert "wilayah 13.75, 4 kecamatan, 8 desa/kelurahan" in at.success[0].value
    assert at.text_input(key="data_region_name").value == "Kota Contoh"  # taken from the file's properties
    at.button(key="data_region_commit").click().run()
    assert "Kota Contoh tersimpan" in at.success[0].value
    assert "Kota Contoh" in at.selectbox(key="region").options  # the frame lists it at once
