"""A small participant extract through the importer: counts checked against hand counts, privacy, rollback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.data_support import csv_bytes, xlsx_bytes
from ucj.db import Database
from ucj.imports import membership, membership_store, recipients
from ucj.imports.problems import ImportRejected
from ucj.imports.rollback import roll_back
from ucj.imports.store import load_region
from ucj.membership import crypto

HEADER = ["NIK", "Nama", "No KPJ", "Segmen", "Tanggal Daftar", "Status", "Bulan Terakhir Bayar", "Desa"]
# As of 31 March 2024 (window April 2022 – March 2024). Hand counts are in the tests below.
ROWS = [
    ["1371014508850011", "Sari Dewanti", "24087654321", "BPU", "2023-12-05", "aktif", "2024-02", "13.71.01.1001"],
    ["1371021506900004", "Budi Santoso", "24087654322", "PU", "20/01/2024", "aktif", "2024-03", ""],
    ["1371025508800005", "Rina Wati", "", "PU", "2022-01-10", "aktif", "Maret 2024", "Alang Laweh"],  # desa wins
    ["1306011506850006", "Joni Luar", "", "BPU", "2023-06-01", "aktif", "2024-03", ""],  # NIK of Kab. Pariaman
    ["1371031506850007", "Ani Belum", "", "BPU", "2023-01-15", "aktif", "", ""],  # never paid
]
EXTRACT_DATE = dt.date(2024, 3, 31)


def _file(tmp_path: Path, rows, name: str = "ekstrak.csv", data: bytes | None = None) -> Path:
    path = tmp_path / name
    path.write_bytes(data if data is not None else csv_bytes([HEADER, *rows]))
    return path


def _stage(db: Database, path: Path, kode_kab: str = "13.71", **options) -> membership.Staged:
    with db.reading() as con:
        region = load_region(con, kode_kab)
    return membership.stage(
        path, path.name, region, membership.Options(**({"extract_date": EXTRACT_DATE} | options)), b"s" * 32
    )


def _count(counts, kode, period, segment="ALL", status="active") -> int:
    found = counts[
        (counts["kode_wilayah"] == kode)
        & (counts["period"].dt.date == period)
        & (counts["segment"] == segment)
        & (counts["status"] == status)
    ]
    return int(found["persons"].sum()) if not found.empty else -1


@pytest.fixture
def committed(db, tmp_path):
    staged = _stage(db, _file(tmp_path, ROWS))
    with db.writer() as con:
        result = membership_store.commit(con, staged, "tester")
    staged.discard()
    return result


@pytest.mark.parametrize(
    ("kode", "period", "segment", "status", "expected"),
    [
        ("13.71", dt.date(2024, 3, 1), "ALL", "active", 3),  # Budi, Rina, Joni (Siti stopped in February)
        ("13.71", dt.date(2024, 3, 1), "ALL", "registered", 5),
        ("13.71", dt.date(2024, 2, 1), "BPU", "active", 2),  # Siti, Joni
        ("13.71", dt.date(2023, 12, 1), "ALL", "active", 3),  # Siti, Rina, Joni; Budi not yet registered
        ("13.71", dt.date(2023, 5, 1), "ALL", "registered", 2),  # Rina, Ani
        ("13.71.01", dt.date(2024, 3, 1), "ALL", "active", 1),  # Rina (by her desa, not her NIK's 13.71.02)
        ("13.71.01", dt.date(2024, 2, 1), "ALL", "active", 2),
        ("13.71.01", dt.date(2024, 3, 1), "ALL", "registered", 2),
        ("13.71.02", dt.date(2024, 3, 1), "PU", "active", 1),  # Budi, by his NIK
        ("13.71.03", dt.date(2024, 3, 1), "ALL", "active", 0),  # Ani never paid
        ("13.71.03", dt.date(2024, 3, 1), "ALL", "registered", 1),
        ("13.71.04", dt.date(2024, 3, 1), "ALL", "active", 0),  # nobody: zero, not missing
        ("13.71.01.1001", dt.date(2024, 2, 1), "ALL", "active", 1),  # desa figures: 13.71.01 is complete
        ("13.71.01.1001", dt.date(2024, 3, 1), "ALL", "active", 0),
        ("13.71.01.1002", dt.date(2024, 3, 1), "ALL", "active", 1),
        ("13.71.02.1001", dt.date(2024, 3, 1), "ALL", "active", -1),  # none for 13.71.02: Budi has no desa
    ],
)
def test_counts_match_hand_counts(db, tmp_path, kode, period, segment, status, expected):
    staged = _stage(db, _file(tmp_path, ROWS))
    assert _count(staged.counts, kode, period, segment, status) == expected
    staged.discard()


def test_outside_niks_are_counted_apart(db, tmp_path):
    staged = _stage(db, _file(tmp_path, ROWS))
    assert staged.outside.to_dict("records") == [{"kode_kab_nik": "13.06", "participants": 1}]
    assert staged.facts == membership.Facts(EXTRACT_DATE, "paid", False)
    staged.discard()


def test_the_grace_rule_counts_more_months(db, tmp_path):
    staged = _stage(db, _file(tmp_path, ROWS), active_rule="paid_3m")
    assert _count(staged.counts, "13.71.01.1001", dt.date(2024, 3, 1)) == 1  # Siti paid February: within grace
    staged.discard()


def test_committed_counts_are_uploads_that_cite_the_extract(db, committed):
    rows = db.query("map_participants", level="kecamatan", kode_kab="13.71")
    march = rows[(rows["period"].dt.date == dt.date(2024, 3, 1)) & (rows["segment"] == "ALL")]
    uploads = march[(march["kind"] == "upload") & (march["status"] == "active")].set_index("kode")
    assert uploads.loc["13.71.01", "persons"] == 1 and uploads.loc["13.71.02", "persons"] == 1
    assert uploads["source_short"].str.startswith("ekstrak.csv, diunggah").all()
    assert uploads["method"].str.contains("menurut kode wilayah NIK").all()


def test_the_database_holds_no_nik_name_or_kpj_in_clear(db, committed, data_db):
    db.close()
    data = Path(data_db).read_bytes()
    for row in ROWS:
        for clear in (row[0], row[1], row[2]):
            if clear:
                assert clear.encode() not in data, clear
    stored = db.query("membership_sample", import_id=committed.import_id)
    assert sorted(crypto.decrypt(bytes(b)) for b in stored["name_enc"]) == sorted(r[1] for r in ROWS)
    assert recipients.nik_hash(ROWS[0][0], b"s" * 32) in set(stored["nik_hash"])


def test_a_second_extract_for_the_same_months_is_refused_until_the_first_is_rolled_back(db, tmp_path, committed):
    staged = _stage(db, _file(tmp_path, ROWS[:2]))
    with pytest.raises(ImportRejected) as caught, db.writer() as con:
        membership_store.commit(con, staged, "tester")
    assert caught.value.problems[0].code == "already_uploaded"
    roll_back(db, "13.71", committed.import_id, "tester")
    assert db.query("membership_sample", import_id=committed.import_id).empty
    rows = db.query("map_participants", level="kecamatan", kode_kab="13.71")
    assert not (rows["kind"] == "upload").any()
    with db.writer() as con:
        again = membership_store.commit(con, staged, "tester")
    assert again.stored_rows == 2


def test_an_excel_extract_reads_like_a_csv_one(db, tmp_path):
    path = _file(tmp_path, [], "ekstrak.xlsx", xlsx_bytes({"Peserta": [HEADER, *ROWS]}))
    staged = _stage(db, path)
    assert staged.file_rows == 5 and staged.sheet == "Peserta"
    assert _count(staged.counts, "13.71", dt.date(2024, 3, 1)) == 3
    staged.discard()


def test_the_synthetic_mark_and_date_come_from_the_file(db, tmp_path):
    rows = [["1371014500850003", "Rekaan Satu", "99000000001", "BPU", "2023-12-05", "aktif", "2024-02", ""]]
    text = "CONTOH SINTETIS: data latihan per 2024-03-31\r\n" + csv_bytes([HEADER, *rows]).decode()
    staged = _stage(db, _file(tmp_path, [], data=text.encode()), extract_date=None)
    assert staged.facts == membership.Facts(EXTRACT_DATE, "paid", True)
    staged.discard()
    with pytest.raises(ImportRejected) as caught:  # the same NIK (birth month 00) without the mark
        _stage(db, _file(tmp_path, rows))
    assert [p.code for p in caught.value.problems] == ["nik_birth_date"]
