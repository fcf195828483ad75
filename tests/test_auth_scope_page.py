"""Scoped accounts in the app: the Data page refuses an upload outside the scope, and where login is
required a scoped account's region picker offers only its regions."""

from __future__ import annotations

from tests.data_support import PARTICIPANTS_HEADER, add_user, checksums, csv_bytes, signed_in

P = PARTICIPANTS_HEADER
TWO_KEC = csv_bytes([P, ["13.71.01", 2031, 6, "BPU", "aktif", 25], ["13.71.02", 2031, 6, "BPU", "aktif", 30]])


def test_a_kecamatan_editor_sees_the_refusal_and_nothing_is_stored(data_db, fast_hashing):
    add_user(data_db, "kec1", "editor", scope=("13.71.01",))
    at = signed_in("padang", "kec1")
    before = checksums(data_db)
    at.file_uploader(key="data_file_0").set_value(("juni.csv", TWO_KEC, "text/csv")).run()
    assert not at.exception, at.exception
    assert "File ditolak: 1 masalah" in at.error[0].value
    problems = next(d.value for d in at.dataframe if "Masalah" in d.value.columns)
    assert problems[["Baris", "Kolom"]].values.tolist() == [[3, "kecamatan"]]
    assert problems["Masalah"].iloc[0].startswith("Akun ini hanya boleh mengubah data Kec. ")
    assert "data_commit" not in [b.key for b in at.button]
    assert checksums(data_db) == before


def test_an_editor_of_another_kota_is_refused_before_the_file_is_read(data_db, fast_hashing):
    add_user(data_db, "sijunjung1", "editor", scope=("13.03",))
    at = signed_in("padang", "sijunjung1")  # viewing is open here, so Padang opens; changing it is refused
    at.file_uploader(key="data_file_0").set_value(("juni.csv", TWO_KEC, "text/csv")).run()
    problems = next(d.value for d in at.dataframe if "Masalah" in d.value.columns)
    assert problems["Masalah"].tolist() == ["Akun ini hanya boleh mengubah data Kabupaten Sijunjung."]


def test_with_login_required_a_scoped_viewer_sees_only_its_region(data_db, fast_hashing, monkeypatch):
    monkeypatch.setenv("UCJ_REQUIRE_LOGIN", "1")
    add_user(data_db, "pembaca1", "viewer", scope=("13.03",))
    at = signed_in("padang", "pembaca1")  # the link names Padang
    assert not at.exception, at.exception
    picker = at.selectbox(key="region")
    assert picker.options == ["Kabupaten Sijunjung"] and picker.value == "sijunjung"
    assert at.warning[0].value == ("Akun ini hanya bisa melihat Kabupaten Sijunjung; ditampilkan Kabupaten Sijunjung.")
    assert at.query_params["region"] == "sijunjung"  # the link now names the region shown
    at.run()
    assert not at.warning  # said once, for the link that asked


def test_with_login_required_an_unscoped_viewer_sees_every_region(data_db, fast_hashing, monkeypatch):
    monkeypatch.setenv("UCJ_REQUIRE_LOGIN", "1")
    add_user(data_db, "pembaca2", "viewer")
    at = signed_in("padang", "pembaca2")
    assert len(at.selectbox(key="region").options) == 4


def test_an_admin_scopes_an_account_and_the_audit_log_names_the_scope(data_db, fast_hashing):
    add_user(data_db, "admin1", "admin")
    at = signed_in("padang", "admin1")
    at.session_state["data_section"] = "Akun"
    at.run()
    at.text_input(key="data_user_name").input("kec1")
    at.selectbox(key="data_user_role").set_value("editor")
    at.text_input(key="data_user_scope").input("13.71.01, 13.71.99")
    at.text_input(key="data_user_password").input("sandi-penyunting-2")
    at.button(key="data_user_create").click().run()
    assert at.error[0].value.startswith("Kode wilayah 13.71.99 tidak dikenal")
    at.text_input(key="data_user_name").input("kec1")
    at.selectbox(key="data_user_role").set_value("editor")
    at.text_input(key="data_user_scope").input("13.71.01")
    at.text_input(key="data_user_password").input("sandi-penyunting-2")
    at.button(key="data_user_create").click().run()
    assert at.success[0].value == "Akun dibuat."
    listed = next(d.value for d in at.dataframe if "Nama akun" in d.value.columns).set_index("Nama akun")
    assert listed.at["kec1", "Wilayah"] == "13.71.01"
    at.selectbox(key="data_user_pick").set_value("kec1").run()
    at.text_input(key="data_user_scope_kec1").input("13.71").run()
    at.button(key="data_user_set_scope").click().run()
    assert at.success[0].value == "Wilayah akun tersimpan."
    at.session_state["data_section"] = "Log audit"
    at.run()
    log = next(d.value for d in at.dataframe if "Tindakan" in d.value.columns)
    assert log[["Oleh", "Tindakan", "Rincian"]].values.tolist()[:2] == [
        ["admin1", "set_scope", "akun kec1: wilayah 13.71.01 → 13.71"],
        ["admin1", "create_user", "akun kec1 dibuat, peran editor, wilayah 13.71.01"],
    ]
