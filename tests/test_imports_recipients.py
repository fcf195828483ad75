"""Recipient lists: NIK checks, masking, keyed hashes, duplicates within and across lists, suppression."""

from __future__ import annotations

import stat

import duckdb
import pytest

from tests.data_support import SECRET, csv_bytes, xlsx_bytes
from ucj.db import run_query
from ucj.imports import recipients
from ucj.imports.kind import Request
from ucj.imports.masking import mask_nik, mask_nik_shaped
from ucj.imports.problems import ImportRejected
from ucj.imports.rollback import roll_back
from ucj.imports.store import check, commit, safe_file_name
from ucj.imports.values import CellError
from ucj.secret import install_secret

# Padang (13.71), kecamatan 01; born 5 June 1985 (a woman: day + 40); serial 0003.
SITI = "1371014506850003"
BUDI = "1371010512900001"
RINA = "1371114101990002"


@pytest.mark.parametrize(
    ("nik", "codes"),
    [
        (SITI, []),
        (BUDI, []),
        ("1371013101000001", []),  # 31 January
        ("1371017101000001", []),  # 31 January, a woman
        ("1371012902000001", []),  # 29 February: the century is unknown, so allowed
        ("1303014506850003", ["nik_region"]),  # Sijunjung's code in a Padang list
        ("1371013202000001", ["nik_birth_date"]),  # day 32
        ("1371010002000001", ["nik_birth_date"]),  # day 0
        ("1371014002000001", ["nik_birth_date"]),  # day 40 (= 0 for a woman)
        ("1371017202000001", ["nik_birth_date"]),  # day 72
        ("1371013004000001", []),  # 30 April
        ("1371013104000001", ["nik_birth_date"]),  # 31 April
        ("1371011513000001", ["nik_birth_date"]),  # month 13
        ("1371011500000001", ["nik_birth_date"]),  # month 0
        ("1371014506850000", ["nik_serial"]),
        ("137101450685000", ["nik_digits"]),  # 15 digits
        ("13710145068500031", ["nik_digits"]),
        ("13710145068500O3", ["nik_digits"]),  # a letter O
        ("1303013202000000", ["nik_region", "nik_birth_date", "nik_serial"]),
    ],
)
def test_nik_errors(nik, codes):
    assert recipients.nik_errors(nik, "13.71") == codes


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (SITI, SITI),
        (" 1371 0145 0685 0003 ", SITI),
        ("'" + SITI, SITI),
        ("1.37101E+15", None),
        (1371014506850003, None),
        (1.371014506850003e15, None),
    ],
)
def test_parse_nik_refuses_number_cells(cell, expected):
    if expected is None:
        with pytest.raises(CellError, match="nik_number_cell"):
            recipients.parse_nik(cell)
    else:
        assert recipients.parse_nik(cell) == expected


@pytest.mark.parametrize(("nik", "masked"), [(SITI, "1371************"), ("123", "***"), ("", "")])
def test_mask_nik(nik, masked):
    assert mask_nik(nik) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [("Siti Aminah", "S*** A***"), ("  budi  ", "b***"), ("Ni Luh Putu Ayu", "N*** L*** P*** A***"), ("", "***")],
)
def test_mask_name(name, masked):
    assert recipients.mask_name(name) == masked


def test_hash_is_keyed():
    assert recipients.nik_hash(SITI, b"a" * 32) == recipients.nik_hash(SITI, b"a" * 32)
    assert recipients.nik_hash(SITI, b"a" * 32) != recipients.nik_hash(SITI, b"b" * 32)
    assert recipients.nik_hash(SITI, b"a" * 32) != recipients.nik_hash(BUDI, b"a" * 32)


def test_install_secret_is_made_once_and_private(tmp_path):
    path = tmp_path / "sub" / "nik.key"
    first = install_secret(path)
    assert len(first) == 32 and install_secret(path) == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _people(*rows):
    return csv_bytes([("NIK", "Nama Lengkap", "Kecamatan", "Pekerjaan"), *rows])


def _upload(db, data, opd="Dinsos", list_kind="subsidy", name="sk.csv"):
    request = Request(
        "recipients", "13.71", name, data, options={"opd": opd, "list_kind": list_kind, "reference": f"SK {opd}"}
    )
    with db.writer() as con:
        return commit(con, request, "editor1", SECRET)


def test_a_list_is_stored_masked_and_hashed_only(db, data_db):
    done = _upload(
        db, _people((SITI, "Siti Aminah", "Padang Selatan", "petani"), (RINA, "Rina Wati", "Koto Tangah", ""))
    )
    assert done.stored_rows == 2
    with duckdb.connect(str(data_db), read_only=True) as con:
        stored = con.execute(
            "select nik_masked, name_masked, kode_kec, group_label from recipient order by row_number"
        ).fetchall()
        # No column of any table holds the NIK or the name in clear.
        tables = con.execute(
            "select table_name, column_name from information_schema.columns where data_type = 'VARCHAR'"
        ).fetchall()
        for table, column in tables:
            hits = con.execute(
                f'select count(*) from "{table}" where "{column}" like ? or "{column}" like ? or "{column}" like ?',
                [f"%{SITI}%", "%Siti Aminah%", f"%{RINA[6:12]}%"],
            ).fetchone()[0]
            assert hits == 0, (table, column)
    assert stored == [
        ("1371************", "S*** A***", "13.71.01", "petani"),
        ("1371************", "R*** W***", "13.71.11", None),
    ]


def test_duplicates_within_a_list_block_it(db, data_db):
    with pytest.raises(ImportRejected) as exc:
        _upload(db, _people((SITI, "Siti", "", ""), (BUDI, "Budi", "", ""), (SITI, "Siti A.", "", "")))
    assert [(p.code, p.row) for p in exc.value.problems] == [("duplicate_row", 4)]


def test_bad_niks_are_named_by_row(db):
    with pytest.raises(ImportRejected) as exc:
        _upload(db, _people(("1303014506850003", "A", "", ""), ("137101450685", "B", "", ""), (SITI, "", "", "")))
    found = [(p.code, p.row, p.column) for p in exc.value.problems]
    assert found == [("missing_value", 4, "Nama Lengkap"), ("nik_region", 2, "NIK"), ("nik_digits", 3, "NIK")]
    assert "1303014506850003" not in exc.value.problems[1].text()  # messages show masked NIKs only
    assert "1303************" in exc.value.problems[1].text()


def test_list_needs_its_opd(db):
    with pytest.raises(ImportRejected) as exc:
        _upload(db, _people((SITI, "Siti", "", "")), opd=" ")
    assert [p.code for p in exc.value.problems] == ["missing_opd"]


def test_excel_number_cells_are_refused(db, demo_db):
    data = xlsx_bytes({"SK": [["nik", "nama"], [1371014506850003, "Siti"]]})
    with duckdb.connect(str(demo_db), read_only=True) as con, pytest.raises(ImportRejected) as exc:
        check(
            con,
            Request("recipients", "13.71", "sk.xlsx", data, options={"opd": "Dinsos", "list_kind": "subsidy"}),
            SECRET,
        )
    assert [(p.code, p.row) for p in exc.value.problems] == [("nik_number_cell", 2)]


def test_other_opd_and_already_registered_are_flagged(db):
    _upload(db, _people((SITI, "Siti", "", ""), (BUDI, "Budi", "", "")), opd="Dinsos")
    _upload(db, _people((BUDI, "Budi", "", "")), opd="BPJSTK", list_kind="registered")
    # the same OPD again (next year's list, or paid twice): reported, not refused
    again = _upload(db, _people((SITI, "Siti", "", "")), opd="dinsos")
    assert [(p.code, p.row, p.severity, p.params["opd"]) for p in again.warnings] == [
        ("nik_same_opd", 2, "warning", "Dinsos")
    ]
    third = _upload(db, _people((SITI, "Siti", "", ""), (BUDI, "Budi", "", ""), (RINA, "Rina", "", "")), opd="Disnaker")
    flagged = sorted((p.code, p.row, p.params["opd"]) for p in third.warnings)
    assert flagged == [
        ("nik_already_registered", 3, "BPJSTK"),
        ("nik_other_opd", 2, "Dinsos"),
        ("nik_other_opd", 2, "dinsos"),
        ("nik_other_opd", 3, "Dinsos"),
    ]
    with db.reading() as con:
        duplicates = run_query(con, "recipient_duplicates", kode_kab="13.71")
        counts = run_query(con, "recipient_counts", kode_kab="13.71")
    assert set(duplicates["nik_masked"]) == {"1371************"}  # the region code only
    assert set(duplicates["person"]) == {1, 2}
    assert "nik_hash" not in duplicates.columns
    assert counts["recipients"].sum() == 7


def test_registered_list_from_elsewhere_is_only_a_warning(db):
    done = _upload(db, _people(("1303014506850003", "Pendatang", "", "")), opd="BPJSTK", list_kind="registered")
    assert [p.code for p in done.warnings] == ["nik_region"]


def test_the_same_file_twice_is_refused_until_the_first_is_rolled_back(db):
    data = _people((SITI, "Siti", "", ""), (BUDI, "Budi", "", ""))
    first = _upload(db, data, name="sk-2026.csv")
    with pytest.raises(ImportRejected) as refused:
        _upload(db, data, name="salinan sk-2026.csv")  # renamed, same bytes
    assert [(p.code, p.params["import_id"]) for p in refused.value.problems] == [("already_imported", first.import_id)]
    with db.reading() as con:
        assert run_query(con, "recipient_counts", kode_kab="13.71")["recipients"].sum() == 2  # not doubled
    roll_back(db, "13.71", first.import_id, "editor1")
    assert _upload(db, data).stored_rows == 2


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("petani 1371014506850003", "petani 1371************"),
        ("NIK 1371 0145 0685 0003, lihat", "NIK 1371************, lihat"),
        ("1371.0145.0685.0003", "1371************"),
        ("08123456789", "08123456789"),  # a phone number is no NIK
        ("13710145068500031", "13710145068500031"),  # 17 digits: no NIK either
    ],
)
def test_nik_shaped_text_is_masked(text, masked):
    assert mask_nik_shaped(text) == masked


def test_a_nik_in_a_free_text_cell_a_file_name_or_a_problem_is_never_kept_or_shown(db, data_db):
    name = safe_file_name("penerima_1371014506850003.csv")
    _upload(db, _people((SITI, "Siti", "", f"petani {RINA}")), name=name)
    with duckdb.connect(str(data_db), read_only=True) as con:
        stored = str(con.execute("select * from recipient").fetchall())
        stored += str(con.execute("select file_name, source_id from import_batch").fetchall())
        stored += str(con.execute("select short, seed_file from source where source_id like 'upload-%'").fetchall())
        stored += str(con.execute("select detail from audit_log").fetchall())
    assert RINA not in stored and "1371014506850003" not in stored and "1371************" in stored
    bad = _people(("x", "Siti", "", ""), (SITI, "Siti", "Kecamatan " + RINA, ""))
    with pytest.raises(ImportRejected) as refused:
        _upload(db, bad, name="daftar_" + RINA + ".csv")
    shown = " ".join(p.text() for p in refused.value.problems)
    assert RINA not in shown and "1371************" in shown
