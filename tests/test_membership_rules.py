"""The participant rules on their own: NIK parts, active in a month, extract cell values, masking, encryption."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from cryptography.exceptions import InvalidTag

from ucj.imports import recipients
from ucj.imports.values import CellError
from ucj.membership import active, crypto, masking, nik
from ucj.membership import values as member_values

D = dt.date


@pytest.mark.parametrize(
    ("digits", "synthetic", "codes"),
    [
        ("1371014506850003", False, []),
        ("1371010506850003", False, []),  # day 05, a man
        ("1371017107850003", False, []),  # 31 July, a woman (day + 40)
        ("1371017206850003", False, ["nik_birth_date"]),  # day 72
        ("1371013004850003", False, []),  # 30 April
        ("1371013104850003", False, ["nik_birth_date"]),  # 31 April
        ("1371012902850003", False, []),  # 29 February (century unknown)
        ("1371013002850003", False, ["nik_birth_date"]),  # 30 February
        ("1371011513850003", False, ["nik_birth_date"]),  # month 13
        ("1371011500850003", False, ["nik_birth_date"]),  # month 00: impossible for a real NIK …
        ("1371011500850003", True, []),  # … accepted only from a synthetic file
        ("1371013200850003", True, ["nik_birth_date"]),  # synthetic, but day 32
        ("1371011513850003", True, ["nik_birth_date"]),  # synthetic files may only use month 00
        ("1371014506850000", False, ["nik_serial"]),
        ("137101450685000", False, ["nik_digits"]),  # 15 digits
        ("13710145068500031", False, ["nik_digits"]),  # 17 digits
        ("13710145068500O3", False, ["nik_digits"]),  # a letter O
    ],
)
def test_nik_problems(digits, synthetic, codes):
    assert nik.problems(digits, synthetic) == codes


@pytest.mark.parametrize(
    ("digits", "region", "kode_kab", "kode_kec", "female", "day", "month"),
    [
        ("1371014506850003", "137101", "13.71", "13.71.01", True, 5, 6),
        ("3509110512990001", "350911", "35.09", "35.09.11", False, 5, 12),
    ],
)
def test_nik_region_rule(digits, region, kode_kab, kode_kec, female, day, month):
    parts = nik.parse(digits)
    assert (parts.region, parts.kode_kab, parts.kode_kec) == (region, kode_kab, kode_kec)
    assert (parts.female, parts.birth_day, parts.birth_month) == (female, day, month)


def test_parse_refuses_an_implausible_nik():
    with pytest.raises(ValueError, match="nik_birth_date"):
        nik.parse("1371011513850003")


@pytest.mark.parametrize(
    ("text", "digits"), [(" 1371 0145 0685 0003 ", "1371014506850003"), ("'1371014506850003", "1371014506850003")]
)
def test_nik_clean(text, digits):
    assert nik.clean(text) == digits


@pytest.mark.parametrize(
    ("registered", "last_paid", "month", "rule", "expected"),
    [
        (D(2024, 1, 15), D(2024, 3, 1), D(2024, 3, 1), "paid", True),  # paid for the month
        (D(2024, 1, 15), D(2024, 3, 1), D(2024, 4, 1), "paid", False),  # the month after the last paid
        (D(2024, 1, 15), D(2024, 3, 1), D(2024, 1, 1), "paid", True),  # the month of registration
        (D(2024, 1, 31), D(2024, 3, 1), D(2024, 1, 1), "paid", True),  # registered on the month's last day
        (D(2024, 2, 1), D(2024, 3, 1), D(2024, 1, 1), "paid", False),  # registered the day after
        (D(2024, 1, 15), None, D(2024, 1, 1), "paid", False),  # never paid
        (D(2023, 11, 2), D(2024, 12, 1), D(2024, 12, 1), "paid", True),  # December
        (D(2023, 11, 2), D(2024, 12, 1), D(2025, 1, 1), "paid", False),  # across the year end
        (D(2024, 1, 15), D(2024, 2, 1), D(2024, 2, 29), "paid", True),  # any day of the month means the month
        (D(2024, 1, 15), D(2024, 3, 1), D(2024, 5, 1), "paid_3m", True),  # two months of grace
        (D(2024, 1, 15), D(2024, 3, 1), D(2024, 6, 1), "paid_3m", False),
        (D(2024, 1, 15), D(2024, 11, 1), D(2025, 1, 1), "paid_3m", True),  # grace across the year end
    ],
)
def test_active_in_month(registered, last_paid, month, rule, expected):
    assert active.is_active(registered, last_paid, month, rule) is expected


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError):
        active.is_active(D(2024, 1, 1), D(2024, 1, 1), D(2024, 1, 1), "paid_forever")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2023-05-17", D(2023, 5, 17)),
        ("17/05/2023", D(2023, 5, 17)),
        ("17-05-2023", D(2023, 5, 17)),
        ("17.05.2023", D(2023, 5, 17)),
        ("2023-05-17 00:00:00", D(2023, 5, 17)),
        (dt.datetime(2023, 5, 17, 8, 0), D(2023, 5, 17)),
    ],
)
def test_dates(cell, expected):
    assert member_values.date(cell) == expected


@pytest.mark.parametrize("cell", ["2023-02-30", "17/13/2023", "kemarin", "1890-01-01", "2023/05"])
def test_bad_dates(cell):
    with pytest.raises(CellError, match="bad_date"):
        member_values.date(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-06", D(2024, 6, 1)),
        ("06/2024", D(2024, 6, 1)),
        ("Juni 2024", D(2024, 6, 1)),
        ("2024-06-17", D(2024, 6, 1)),
    ],
)
def test_paid_months(cell, expected):
    assert member_values.month(cell) == expected


@pytest.mark.parametrize(
    ("parse", "cell", "expected"),
    [
        (member_values.status, "Aktif", "aktif"),
        (member_values.status, "tidak aktif", "nonaktif"),
        (member_values.status, "meninggal dunia", "meninggal"),
        (member_values.segment, "Penerima Upah", "PU"),
        (member_values.segment, "jasa konstruksi", "JAKON"),
        (member_values.funding, "Dana Desa", "APBDES"),
        (member_values.funding, "Pokok Pikiran", "POKIR"),
        (member_values.programmes, "JKM dan JKK", "JKK,JKM"),
        (member_values.programmes, "jkk, jkm, jht", "JKK,JKM,JHT"),
    ],
)
def test_choices(parse, cell, expected):
    assert parse(cell) == expected


@pytest.mark.parametrize(
    ("parse", "cell", "code"),
    [
        (member_values.status, "pensiun", "bad_member_status"),
        (member_values.segment, "ALL", "bad_segment"),  # a participant has one segment
        (member_values.funding, "hibah", "bad_funding"),
        (member_values.programmes, "JKK, BPJS", "bad_programme"),
    ],
)
def test_refused_choices(parse, cell, code):
    with pytest.raises(CellError, match=code):
        parse(cell)


def test_encryption_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv(crypto.KEY_ENV, str(tmp_path / "key"))
    blob = crypto.encrypt("Siti Aminah")
    assert b"Siti" not in blob
    assert crypto.decrypt(blob) == "Siti Aminah"
    assert crypto.encrypt("Siti Aminah") != blob  # a fresh nonce each time
    assert (tmp_path / "key").stat().st_mode & 0o777 == 0o600


def test_a_batch_is_encrypted_value_by_value_each_with_its_own_nonce(tmp_path, monkeypatch):
    monkeypatch.setenv(crypto.KEY_ENV, str(tmp_path / "key"))
    texts = ["Siti Aminah", None, "Siti Aminah", "Budi"]
    blobs = crypto.encrypt_all(texts)
    assert blobs[1] is None
    assert [crypto.decrypt(b) for b in blobs if b is not None] == ["Siti Aminah", "Siti Aminah", "Budi"]
    nonces = {b[1 : 1 + crypto.NONCE_BYTES] for b in blobs if b is not None}
    assert len(nonces) == 3 and blobs[0] != blobs[2]


def test_keyed_hashes_of_a_batch_are_those_of_one_nik_at_a_time():
    niks = ["1371014508900001", None, "1371010101900002", "1371014508900001"]
    hashes = recipients.nik_hashes(niks, b"s" * 32)
    assert hashes == [None if n is None else recipients.nik_hash(n, b"s" * 32) for n in niks]
    assert hashes[0] == hashes[3] != hashes[2]
    assert hashes[0] == hmac.new(b"s" * 32, niks[0].encode(), hashlib.sha256).hexdigest()  # plain HMAC-SHA256


def test_another_key_or_a_changed_blob_does_not_decrypt(tmp_path, monkeypatch):
    monkeypatch.setenv(crypto.KEY_ENV, str(tmp_path / "key"))
    blob = crypto.encrypt("Siti Aminah")
    with pytest.raises(InvalidTag):
        crypto.decrypt(blob[:-1] + bytes([blob[-1] ^ 1]))
    monkeypatch.setenv(crypto.KEY_ENV, str(tmp_path / "other"))
    with pytest.raises(InvalidTag):
        crypto.decrypt(blob)


@pytest.mark.parametrize(("kpj", "shown"), [("24012345678", "********678"), ("12", "12")])
def test_mask_kpj(kpj, shown):
    assert masking.mask_kpj(kpj) == shown


def test_threads_that_all_find_the_key_missing_share_the_one_key_made(tmp_path, monkeypatch):
    """DuckDB runs the encrypting function on several threads at once; the first use makes the key."""
    monkeypatch.setenv(crypto.KEY_ENV, str(tmp_path / "personal.key"))
    crypto._cipher.cache_clear()
    start = threading.Barrier(8)

    def seal(i: int) -> bytes:
        start.wait()
        return crypto.encrypt_all([f"Peserta {i}"])[0]

    with ThreadPoolExecutor(8) as pool:
        blobs = list(pool.map(seal, range(8)))
    crypto._cipher.cache_clear()  # read the key file afresh: every blob opens with the one on disk
    assert [crypto.decrypt(b) for b in blobs] == [f"Peserta {i}" for i in range(8)]
    assert [p.name for p in tmp_path.iterdir()] == ["personal.key"]  # no temporary file left behind
    assert (tmp_path / "personal.key").stat().st_mode & 0o777 == 0o600
