"""Property tests over malformed uploads: nothing crashes, every refusal is an ImportRejected that
names its problems, and a refused import changes no table, even if its transaction is committed.

Each example runs the whole commit path on one connection: a refused upload's transaction is
committed anyway (the worst case), an accepted one is rolled back, and a checksum of every table
must be unchanged afterwards. Example counts are in SETTINGS; the total is reported in the issue.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tests.data_support import PARTICIPANTS_HEADER, SECRET, csv_bytes, xlsx_bytes
from ucj.imports import boundaries, membership, membership_store, reading
from ucj.imports.kind import Request
from ucj.imports.kinds import KINDS
from ucj.imports.problems import ImportRejected, Problem
from ucj.imports.store import commit, load_region

SETTINGS = settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]
NASTY = [
    "",
    " ",
    "-1",
    "13",
    "0",
    "1e9",
    "NaN",
    "inf",
    "1.234,5",
    "99999999999999999999999",
    "=1+1",
    '=HYPERLINK("http://x";"klik")',
    "+62812",
    "@SUM(A1)",
    "-2+3+cmd|' /C calc'!A0",
    "'; drop table participants; --",
    '" or 1=1 --',
    "Robert'); DELETE FROM region;--",
    "Kototangah",
    "Koto Tangah",
    "13.71.11",
    "1371",
    "TOTAL",
    "aktif",
    "terdaftar",
    "BPU",
    "ALL",
    "\x00",
    "\u202e",
    "🙂",
    "Ĳ",
    "x" * 300,
]
# What the Data page asks beside a file: a recipient list's OPD and kind, a DKB table's TPAK and its source.
OPTIONS = {"opd": "Dinsos", "list_kind": "subsidy", "tpak": 67.27, "tpak_source": "BPS Kota Padang"}
CELL = st.one_of(st.sampled_from(NASTY), st.text(max_size=30), st.integers(-(10**6), 10**6).map(str))


def _table_checksums(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    tables = [n for (n,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
    sql = " union all ".join(f"select '{n}', count(*), coalesce(bit_xor(hash(x)), 0) from \"{n}\" as x" for n in tables)
    return con.execute(sql).fetchall()


@dataclass
class Fuzzed:
    con: duckdb.DuckDBPyConnection
    baseline: list[tuple]  # every table's checksum before the first example; every example must keep it


@pytest.fixture(scope="module")
def con(demo_db: Path, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as connection:
        yield Fuzzed(connection, _table_checksums(connection))


def attempt(fuzzed: Fuzzed, request: Request) -> list[str]:
    """Commit the upload; whatever happens, the database must be as before. The refusal's codes ([]: stored)."""
    con, before = fuzzed.con, fuzzed.baseline
    con.execute("begin transaction")
    try:
        commit(con, request, "fuzz", SECRET)
    except ImportRejected as exc:
        assert exc.problems
        for problem in exc.problems:  # every message renders in both languages
            assert problem.text("id") and problem.text("en")
        con.execute("commit")
        assert _table_checksums(con) == before
        return [p.code for p in exc.problems]
    except BaseException:
        con.execute("rollback")  # so that one crash is reported as itself, not as every later example
        raise
    con.execute("rollback")
    assert _table_checksums(con) == before
    return []


@SETTINGS
@given(
    data=st.binary(max_size=3000), kind=st.sampled_from(sorted(KINDS)), name=st.sampled_from(["a.csv", "a.xlsx", "a"])
)
def test_random_bytes(con, data, kind, name):
    attempt(con, Request(kind, "13.71", name, data, options=OPTIONS))


@SETTINGS
@given(
    rows=st.lists(st.lists(CELL, max_size=8), max_size=12),
    encoding=st.sampled_from(ENCODINGS),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    kind=st.sampled_from(sorted(KINDS)),
)
def test_text_in_any_encoding(con, rows, encoding, delimiter, kind):
    header = [c.header for c in KINDS[kind].columns]
    text = csv_bytes([header, *rows], delimiter, "utf-8").decode("utf-8")
    data = text.encode(encoding, errors="replace")
    attempt(con, Request(kind, "13.71", "teks.csv", data, options=OPTIONS))


@SETTINGS
@given(
    changes=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 5), CELL), max_size=4),
    encoding=st.sampled_from(ENCODINGS),
)
@example(changes=[(1, 5, "99999999999999999999999")], encoding="utf-8")  # a count beyond 64-bit integers
def test_mutated_valid_participants(con, changes, encoding):
    """A good monthly report with a few cells replaced: stored when still valid, refused otherwise."""
    rows = [list(PARTICIPANTS_HEADER)] + [
        [f"13.71.{i:02d}", 2031, 3, "BPU", "aktif", str(10 * i)] for i in range(1, 12)
    ]
    for row, column, value in changes:
        rows[row][column] = value
    attempt(
        con,
        Request(
            "participants", "13.71", "mutasi.csv", csv_bytes(rows, ";", "utf-8").decode().encode(encoding, "replace")
        ),
    )


DKB_HEADER = ["desa/kelurahan", "tahun", "semester", "kelompok umur", "jumlah"]
DKB_AGES = ["0-4", "5-14", "15-19", "20-74", "75+"]


@SETTINGS
@given(
    changes=st.lists(st.tuples(st.integers(0, 10), st.integers(0, 4), CELL), max_size=4),
    tpak=st.one_of(st.none(), st.floats(allow_nan=True), st.sampled_from([0, 67.27, 100, 100.01, -1])),
    source=st.sampled_from(["BPS Kota Padang", "", "=cmd"]),
)
@example(changes=[(3, 3, "10-19")], tpak=67.27, source="BPS Kota Padang")  # a group across 15
@example(changes=[], tpak=67.27, source="BPS Kota Padang")  # stored, spread rows of two kelurahan replaced
def test_mutated_valid_dkb_tables(con, changes, tpak, source):
    """A good DKB table of two kelurahan with a few cells replaced: stored when still valid, refused otherwise."""
    areas = ("13.71.01.1001", "Alang Laweh")
    rows = [list(DKB_HEADER)] + [[kode, 2031, 1, age, 100 + i] for kode in areas for i, age in enumerate(DKB_AGES)]
    for row, column, value in changes:
        rows[row][column] = value
    options = {"tpak": tpak, "tpak_source": source}
    attempt(con, Request("population_age", "13.71", "dkb.csv", csv_bytes(rows), options=options))


# openpyxl refuses to write control characters, so they are dropped from generated Excel text
EXCEL_CELL = st.one_of(
    CELL.map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v)),
    st.integers(-5, 10**7),
    st.floats(allow_nan=True, allow_infinity=False),
    st.none(),
    st.just("=SUM(A1:A3)"),
)


@SETTINGS
@given(
    sheets=st.lists(st.lists(st.lists(EXCEL_CELL, max_size=6), max_size=6), max_size=3),
    merge=st.sampled_from([None, "A1:B1", "A2:A3", "C3:D5"]),
    pick=st.integers(0, 3),
    kind=st.sampled_from(sorted(KINDS)),
)
@example(sheets=[[], [], [["=SUM(A1:A3)"]]], merge=None, pick=2, kind="participants")  # a sheet of only a formula
def test_excel_sheets_merges_formulas(con, sheets, merge, pick, kind):
    header = [c.header for c in KINDS[kind].columns]
    book = {f"S{i}": [header, *rows] if i == 0 else rows for i, rows in enumerate(sheets)} or {"Kosong": []}
    data = xlsx_bytes(book, merge=merge)
    names = list(book)
    sheet = names[pick] if pick < len(names) else None
    attempt(con, Request(kind, "13.71", "buku.xlsx", data, sheet, OPTIONS | {"list_kind": "registered"}))


NIK = st.one_of(
    st.from_regex(r"1371[0-9]{12}", fullmatch=True),
    st.from_regex(r"[0-9]{14,17}", fullmatch=True),
    st.sampled_from(
        ["1371014506850003", "1.37101E+15", "'1371014506850003", "1371 0145 0685 0003", "=1371014506850003"]
    ),
    st.integers(10**15, 10**16).map(str),
)


@SETTINGS
@given(
    people=st.lists(st.tuples(NIK, CELL), min_size=1, max_size=10),
    opd=st.sampled_from(["Dinsos", "Disnaker", "", "=cmd"]),
    list_kind=st.sampled_from(["subsidy", "registered", "other"]),
)
def test_recipient_lists(con, people, opd, list_kind):
    data = csv_bytes([("nik", "nama"), *people])
    attempt(con, Request("recipients", "13.71", "sk.csv", data, options={"opd": opd, "list_kind": list_kind}))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_huge_files_are_refused_by_size(con, kind):
    data = b"kecamatan,jumlah\n" + b"Pauh,1\n" * (reading.MAX_BYTES // 7 + 10)
    assert attempt(con, Request(kind, "13.71", "besar.csv", data)) == ["too_big"]


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[100.0, -1.0], [100.1, -1.0], [100.1, -0.9], [100.0, -0.9], [100.0, -1.0]]],
}
JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20,
)


@SETTINGS
@given(
    geometry=st.one_of(st.just(SQUARE), JSONISH),
    props=st.dictionaries(st.sampled_from(["kode_kec", "nama_kec", "kode", "name", "x"]), CELL, max_size=4),
    crs=st.sampled_from([None, "EPSG:4326", "EPSG:32747", "urn:ogc:def:crs:OGC:1.3:CRS84", 7]),
    raw=st.one_of(st.none(), st.binary(max_size=200)),
)
def test_boundary_files(geometry, props, crs, raw):
    doc = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": props, "geometry": geometry}]}
    if crs is not None:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    data = raw if raw is not None else json.dumps(doc).encode()
    try:
        boundaries.validate(("batas.geojson", data), None, {"13.71"})
    except ImportRejected as exc:
        assert exc.problems and all(p.text("en") for p in exc.problems)


# Participant extracts: staged outside the shared database, so a refusal must leave it untouched and an
# accepted extract, committed in a transaction that is then rolled back, too.
EXTRACT_HEADER = ["NIK", "Nama", "Segmen", "Tanggal Daftar", "Status", "Bulan Terakhir Bayar", "Desa"]
EXTRACT_ROW = ["1371014506850003", "Siti Aminah", "BPU", "2023-12-05", "aktif", "2024-02", "13.71.01.1001"]
EXTRACT_OPTIONS = membership.Options(extract_date=dt.date(2024, 3, 31))
# Each example stages a database of its own (about a second here), so fewer examples than SETTINGS.
EXTRACT_SETTINGS = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def attempt_extract(fuzzed: Fuzzed, tmp_path: Path, data: bytes, name: str = "ekstrak.csv") -> list[Problem]:
    """Stage and commit an extract; whatever happens, the database is as before. The refusal's problems."""
    con, before = fuzzed.con, fuzzed.baseline
    path = tmp_path / name
    path.write_bytes(data)
    region = load_region(con, "13.71")
    try:
        staged = membership.stage(path, name, region, EXTRACT_OPTIONS, SECRET)
    except ImportRejected as exc:
        assert exc.problems and all(p.text("id") and p.text("en") for p in exc.problems)
        assert _table_checksums(con) == before
        return list(exc.problems)
    con.execute("begin transaction")
    try:
        membership_store.commit(con, staged, "fuzz")
    finally:
        con.execute("rollback")
        staged.discard()
    assert _table_checksums(con) == before
    return []


@EXTRACT_SETTINGS
@given(
    changes=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 6), CELL), max_size=4),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_mutated_valid_extracts(con, tmp_path_factory, changes, delimiter, encoding):
    """A good extract with a few cells replaced by nasty ones: stored when still valid, refused otherwise."""
    rows = [list(EXTRACT_HEADER)] + [
        [f"13710{k}4506850{k:03d}", f"Orang {k}", "BPU", "2023-12-05", "aktif", "2024-02", ""] for k in range(1, 5)
    ]
    for row, column, value in changes:
        rows[row][column] = value
    data = csv_bytes(rows, delimiter, "utf-8").decode().encode(encoding, "replace")
    attempt_extract(con, tmp_path_factory.mktemp("extract"), data)


@EXTRACT_SETTINGS
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.csv", "a.xlsx"]))
def test_random_bytes_as_an_extract(con, tmp_path_factory, data, name):
    attempt_extract(con, tmp_path_factory.mktemp("extract"), data, name)


def _with(column: str, value: str, row: list[str] = EXTRACT_ROW) -> list[str]:
    return [value if h == column else v for h, v in zip(EXTRACT_HEADER, row)]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([_with("NIK", "137101450685000")], [("nik_digits", 2, "NIK")]),  # 15 digits
        ([_with("NIK", "13710145068500031")], [("nik_digits", 2, "NIK")]),  # 17 digits
        ([_with("NIK", "1371014513850003")], [("nik_birth_date", 2, "NIK")]),  # the birth-date part: month 13
        ([_with("NIK", "1371014500850003")], [("nik_birth_date", 2, "NIK")]),  # month 00 outside a synthetic file
        ([_with("NIK", "1371014506850000")], [("nik_serial", 2, "NIK")]),
        ([_with("NIK", "1.37101E+15")], [("nik_number_cell", 2, "NIK")]),
        ([_with("Bulan Terakhir Bayar", "2023-11")], [("paid_before_registration", 2, "Bulan Terakhir Bayar")]),
        ([_with("Status", "pensiun")], [("bad_member_status", 2, "Status")]),
        ([EXTRACT_ROW, EXTRACT_ROW], [("duplicate_nik", 3, "NIK")]),
        ([_with("Desa", "35.09.11.2004")], [("desa_other_region", 2, "Desa")]),  # Dukuhdempok is in Jember
        (
            [_with("Tanggal Daftar", "2024-04-01", _with("Bulan Terakhir Bayar", "2024-04"))],
            [("registered_after_extract", 2, "Tanggal Daftar")],
        ),
        ([_with("Tanggal Daftar", "31/02/2023")], [("bad_date", 2, "Tanggal Daftar")]),
        ([_with("Segmen", "")], [("missing_value", 2, "Segmen")]),
    ],
)
def test_bad_extract_rows_are_named_by_row_and_column(con, tmp_path, rows, expected):
    problems = attempt_extract(con, tmp_path, csv_bytes([EXTRACT_HEADER, *rows]))
    assert [(p.code, p.row, p.column) for p in problems] == expected


def test_a_2_gb_extract_is_refused_by_size_before_it_is_read(con, tmp_path):
    path = tmp_path / "besar.csv"
    with path.open("wb") as fh:  # a sparse file: 2 GB on paper, nothing on disk
        fh.truncate(2 * 2**30)
    with pytest.raises(ImportRejected) as caught:
        membership.stage(path, "besar.csv", load_region(con.con, "13.71"), EXTRACT_OPTIONS, SECRET)
    (problem,) = caught.value.problems
    assert problem.code == "too_big"
    assert (
        problem.text("id") == "besar.csv: File terlalu besar (2.048 MB); batasnya 1.024 MB. Bagi menjadi beberapa file."
    )
    assert _table_checksums(con.con) == con.baseline
