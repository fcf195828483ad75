"""DKB age tables: stored, turned into workforce estimates that replace the build's spread, rolled back exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.data_support import SECRET, add_user, checksums, csv_bytes, signed_in
from ucj.db import run_query
from ucj.imports.kind import Request
from ucj.imports.problems import ImportRejected
from ucj.imports.rollback import roll_back
from ucj.imports.store import check, commit

HEADER = ["desa/kelurahan", "tahun", "semester", "kelompok umur", "jumlah"]
PADANG_TPAK = {"tpak": 67.27, "tpak_source": "BPS Kota Padang, Statistik Ketenagakerjaan 2025"}
METHOD = (
    "Perkiraan: penduduk usia kerja (15+) DKB semester 1 2024 × TPAK 67,27 % "
    "(BPS Kota Padang, Statistik Ketenagakerjaan 2025)"
)
# Two kelurahan of Kec. Padang Selatan (13.71.01), semester 1 2024; working age 130 + 1.000 + 50 = 1.180
# and 200 + 2.000 + 80 = 2.280, so 1.180 × 67,27 % = 793,786 → 794 and 2.280 × 67,27 % = 1.533,756 → 1.534.
AGES = [("0-4", 100), ("5-9", 110), ("10-14", 120), ("15–19", 130), ("20-74", 1000), ("75 ke atas", 50)]
AGES_2 = [("0-4", 90), ("5-14", 300), ("15 s/d 19", 200), ("20-74", 2000), (">= 75", 80)]
TWO_DESA = (
    [HEADER]
    + [["13.71.01.1001", 2024, 1, g, n] for g, n in AGES]
    + [["Alang Laweh", 2024, "I", g, n] for g, n in AGES_2]
)


def _request(rows, kode_kab: str = "13.71", options=PADANG_TPAK, name: str = "dkb.csv") -> Request:
    return Request("population_age", kode_kab, name, csv_bytes(rows), options=options)


def _commit(db, request: Request):
    with db.writer() as con:
        return commit(con, request, "editor1", SECRET)


def _workforce(db, where: str, params: list) -> list[tuple]:
    with db.reading() as con:
        sql = f"select kode_wilayah, level, period, persons, kind, method from workforce where {where} order by all"
        return con.execute(sql, params).fetchall()


def test_two_desa_get_working_age_times_tpak_and_the_map_shows_it(db, data_db):
    before = checksums(data_db)
    with db.reading() as con:
        spread_before = run_query(con, "map_workforce", kode_kab="13.71", level="desa")
    done = _commit(db, _request(TWO_DESA))
    assert done.stored_rows == 11  # the age rows; the workforce rows come with them
    assert [w.code for w in done.warnings] == ["age_kecamatan_partial"]  # 2 of 12: no kecamatan figure
    june = dt.date(2024, 6, 1)
    assert _workforce(db, "import_id = ?", [done.import_id]) == [
        ("13.71.01.1001", "desa", june, 794, "estimate", METHOD),
        ("13.71.01.1002", "desa", june, 1534, "estimate", METHOD),
    ]
    with db.reading() as con:
        ages = con.execute("select count(*), sum(persons) from population_age where import_id = ?", [done.import_id])
        assert ages.fetchone() == (11, 4180)
        shown = run_query(con, "map_workforce", kode_kab="13.71", level="desa")
        subsidy = run_query(con, "subsidy_kecamatan", kode_kab="13.71")
    mine = shown[shown["kode"].isin(["13.71.01.1001", "13.71.01.1002"])]
    assert mine[["kode", "persons", "method"]].values.tolist() == [
        ["13.71.01.1001", 794, METHOD],
        ["13.71.01.1002", 1534, METHOD],
    ]  # their spread estimates (August 2023, 2025) are no longer offered
    others = spread_before[~spread_before["kode"].isin(mine["kode"])]
    assert shown[~shown["kode"].isin(mine["kode"])].reset_index(drop=True).equals(others.reset_index(drop=True))
    assert subsidy.set_index("kode_kec").loc["13.71.01", "workforce_method"].startswith("Perkiraan: angka 13.71 ")

    roll_back(db, "13.71", done.import_id, "editor1")
    after = checksums(data_db)
    assert {t for t in before if after[t] != before[t]} == {"import_batch", "audit_log"}


def test_kecamatan_rows_replace_a_spread_row_of_the_same_period_until_rolled_back(db, data_db):
    """Probolinggo's spread estimates stand at December 2023, DKB semester 2 2023's reference month."""
    before = checksums(data_db)
    spread = _workforce(db, "kode_wilayah = '35.74.01' and period = '2023-12-01'", [])
    rows = [HEADER] + [["35.74.01", 2023, 2, g, n] for g, n in [("0-14", 9000), ("15-64", 30000), ("65+", 3000)]]
    options = {"tpak": 70.5, "tpak_source": "BPS Kota Probolinggo (uji)"}
    done = _commit(db, _request(rows, "35.74", options))
    december = dt.date(2023, 12, 1)
    (row,) = _workforce(db, "kode_wilayah = '35.74.01'", [])
    assert row[:5] == ("35.74.01", "kecamatan", december, 23265, "estimate")  # 33.000 × 70,5 % = 23.265
    with db.reading() as con:
        aside = con.execute("select import_id, kode_wilayah, persons, bound from workforce_replaced").fetchall()
        shown = run_query(con, "map_workforce", kode_kab="35.74", level="kecamatan")
    assert aside == [(done.import_id, "35.74.01", spread[0][3], "lower")]
    assert shown[shown["kode"] == "35.74.01"]["persons"].tolist() == [23265]

    roll_back(db, "35.74", done.import_id, "editor1")
    assert _workforce(db, "kode_wilayah = '35.74.01' and period = '2023-12-01'", []) == spread
    after = checksums(data_db)
    assert {t for t in before if after[t] != before[t]} == {"import_batch", "audit_log"}


def test_a_complete_kecamatan_is_the_sum_of_its_desa(db):
    with db.reading() as con:
        desa = con.execute("select kode_desa from desa where kode_kec = '13.71.01' order by 1").fetchall()
    rows = [HEADER] + [[kode, 2024, 2, g, n] for (kode,) in desa for g, n in [("0-14", 10), ("15+", 1000)]]
    done = _commit(db, _request(rows))
    found = _workforce(db, "import_id = ? and level = 'kecamatan'", [done.import_id])
    assert [(r[0], r[2], r[3]) for r in found] == [("13.71.01", dt.date(2024, 12, 1), 8072)]  # 12.000 × 67,27 %
    assert not done.warnings


def test_a_second_upload_of_the_same_semester_is_refused_another_semester_is_not(db):
    first = _commit(db, _request(TWO_DESA))
    again = [HEADER] + [["13.71.01.1002", 2024, 1, g, n + 1] for g, n in AGES]
    with pytest.raises(ImportRejected) as exc:
        _commit(db, _request(again, name="lagi.csv"))
    errors = [p for p in exc.value.problems if p.severity == "error"]
    assert [(p.code, p.row, p.params["import_id"]) for p in errors] == [("already_uploaded", 2, first.import_id)]
    later = [HEADER] + [["13.71.01.1002", 2024, 2, g, n] for g, n in AGES]
    assert _commit(db, _request(later, name="smt2.csv")).import_id == first.import_id + 1


def _replace(row: int, column: int, value) -> list[list]:
    rows = [list(r) for r in TWO_DESA]
    rows[row - 1][column] = value  # rows as the user counts them: the header is row 1
    return rows


@pytest.mark.parametrize(
    ("rows", "code", "row", "column"),
    [
        (_replace(3, 3, "10-19"), "age_group_straddles", 3, "kelompok umur"),
        (_replace(3, 3, "lima"), "bad_age_group", 3, "kelompok umur"),
        (_replace(7, 3, "20-74"), "duplicate_row", 7, "desa/kelurahan"),
        (_replace(7, 3, "15-24"), "age_groups_overlap", 7, "kelompok umur"),
        (_replace(7, 3, "70+"), "age_groups_overlap", 7, "kelompok umur"),
        (_replace(4, 4, "-5"), "negative", 4, "jumlah"),
        (_replace(2, 0, "13.03.01.2001"), "area_other_region", 2, "desa/kelurahan"),
        (_replace(2, 0, "13.03.01"), "area_other_region", 2, "desa/kelurahan"),
        (_replace(2, 0, "Kampung Entah"), "unknown_area", 2, "desa/kelurahan"),
        (_replace(2, 2, 3), "bad_semester", 2, "semester"),
        (_replace(7, 3, "75-79"), "age_groups_gap", 2, "kelompok umur"),
        (_replace(2, 0, "Jumlah"), "age_total_row", 2, "desa/kelurahan"),
    ],
)
def test_bad_rows_are_named_by_row_and_column(db, data_db, rows, code, row, column):
    before = checksums(data_db)
    with pytest.raises(ImportRejected) as exc:
        _commit(db, _request(rows))
    found = [(p.code, p.row, p.column) for p in exc.value.problems if p.severity == "error"]
    assert (code, row, column) in found, found
    assert all(p.text("id") and p.text("en") for p in exc.value.problems)
    assert checksums(data_db) == before


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        ({}, ["tpak_missing", "tpak_source_missing"]),
        ({"tpak": None, "tpak_source": "BPS"}, ["tpak_missing"]),
        ({"tpak": 0.0, "tpak_source": "BPS"}, ["tpak_range"]),
        ({"tpak": 100.5, "tpak_source": "BPS"}, ["tpak_range"]),
        ({"tpak": -3, "tpak_source": "BPS"}, ["tpak_range"]),
        ({"tpak": 67.27, "tpak_source": "  "}, ["tpak_source_missing"]),
    ],
)
def test_the_tpak_must_be_a_percentage_with_its_source(db, data_db, options, codes):
    before = checksums(data_db)
    with pytest.raises(ImportRejected) as exc:
        _commit(db, _request(TWO_DESA, options=options))
    assert [p.code for p in exc.value.problems if p.severity == "error"] == codes
    assert checksums(data_db) == before


def test_english_headers_are_read(db):
    rows = [["village", "year", "half year", "age group", "population"]] + [r for r in TWO_DESA[1:]]
    with db.reading() as con:
        checked = check(con, _request(rows), SECRET)
    assert len(checked.records) == 11 and len(checked.stored) == 13


def test_the_data_page_prefills_the_tpak_previews_and_commits(db, data_db, fast_hashing):
    add_user(data_db, "editor1", "editor")
    at = signed_in("padang", "editor1")
    at.selectbox(key="data_kind").set_value("population_age").run()
    assert at.number_input(key="data_tpak_13.71").value == pytest.approx(67.27)
    assert at.text_input(key="data_tpak_source_13.71").value.startswith("BPS Kota Padang, Statistik Ketenagakerjaan")
    at.file_uploader(key="data_file_0").set_value(("dkb.csv", csv_bytes(TWO_DESA), "text/csv")).run()
    assert not at.exception, at.exception
    assert "11 baris file, ditambah 2 perkiraan tenaga kerja" in at.success[0].value
    preview = next(d.value for d in at.dataframe if "kelompok umur" in d.value.columns)
    derived = preview[preview["kelompok umur"] == "15+"]
    assert derived["jumlah penduduk"].tolist() == [794, 1534]
    assert derived["Cara dihitung"].str.startswith("Perkiraan: penduduk usia kerja (15+) DKB semester 1 2024").all()
    at.button(key="data_commit").click().run()
    assert not at.exception, at.exception
    assert "Impor #1 tersimpan (11 baris)" in at.success[0].value
    assert [r[3] for r in _workforce(db, "import_id = 1", [])] == [794, 1534]
