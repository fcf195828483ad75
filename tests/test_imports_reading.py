"""Reading uploads: encodings, delimiters, Excel sheets, and a clear refusal for anything else."""

from __future__ import annotations

import codecs
import tomllib
from collections import OrderedDict

import pytest

from tests.data_support import csv_bytes, xlsx_bytes, xlsx_with_cells
from ucj.imports import boundaries, reading, table, xlsx
from ucj.imports.encoding import NotText, decode
from ucj.imports.problems import ImportRejected
from ucj.imports.reading import list_sheets, read_table
from ucj.paths import ROOT

HEADER = ["kecamatan", "jumlah"]
TEXT = "kecamatan;jumlah\nPadang Selatan;1.250\nLubuk Kilangan Café;3\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM, as Excel's "Unicode text"
        (TEXT.encode("utf-16-le"), "utf-16"),  # without BOM
        (TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
        ("Kecamatan;jumlah\nA\x81B;1\n".encode("latin-1"), "latin-1"),  # 0x81 is undefined in cp1252
    ],
)
def test_decode_finds_the_encoding(data, expected):
    text, encoding = decode(data)
    assert encoding == expected
    assert text.lstrip("\ufeff").startswith(("kecamatan", "Kecamatan"))


@pytest.mark.parametrize("data", [bytes(range(256)) * 20, b"\x89PNG\r\n\x1a\n" + bytes(500)])
def test_binary_is_not_text(data):
    with pytest.raises(NotText):
        decode(data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_any_encoding_and_delimiter(encoding, delimiter):
    data = csv_bytes([HEADER, ["Lubuk Kilangan Café", "12"]], delimiter, encoding)
    read = read_table("f.csv", data)
    assert [r.cells for r in read.rows] == [tuple(HEADER), ("Lubuk Kilangan Café", "12")]
    assert [r.number for r in read.rows] == [1, 2]


def test_blank_lines_keep_the_users_row_numbers():
    read = read_table("f.csv", b"kecamatan,jumlah\n\nPauh,3\n,\nNanggalo,4\n")
    assert [r.number for r in read.rows] == [1, 3, 5]


def _codes(exc: pytest.ExceptionInfo[ImportRejected]) -> list[str]:
    return [p.code for p in exc.value.problems]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b" \n\r\n ", "empty_file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old_xls"),
        (bytes(range(256)) * 20, "not_text"),
        (b"a,b\n" + b"x" * 200_000 + b",1\n", "bad_csv"),  # a field over the csv module's limit
        (b"PK\x03\x04 not really a zip", "bad_excel"),
    ],
)
def test_unreadable_files_say_why(data, code):
    with pytest.raises(ImportRejected) as exc:
        read_table("f.csv", data)
    assert _codes(exc) == [code]


def test_size_limit(monkeypatch):
    monkeypatch.setattr("ucj.imports.reading.MAX_BYTES", 100)
    with pytest.raises(ImportRejected) as exc:
        read_table("big.csv", b"a,b\n" + b"1,2\n" * 100)
    assert _codes(exc) == ["too_big"]
    assert "MB" in exc.value.problems[0].text()


def test_row_limit(monkeypatch):
    monkeypatch.setattr("ucj.imports.reading.MAX_ROWS", 10)
    with pytest.raises(ImportRejected) as exc:
        read_table("long.csv", b"a,b\n" + b"1,2\n" * 50)
    assert _codes(exc) == ["too_many_rows"]


def test_excel_one_sheet_keeps_types_and_row_numbers():
    data = xlsx_bytes({"Data": [["Laporan Juni"], [], HEADER, ["Pauh", 12], ["Kuranji", 7.0]]})
    assert list_sheets("f.xlsx", data) == ["Data"]
    read = read_table("f.xlsx", data)
    assert read.sheet == "Data"
    assert [(r.number, r.cells[0]) for r in read.rows] == [
        (1, "Laporan Juni"),
        (3, "kecamatan"),
        (4, "Pauh"),
        (5, "Kuranji"),
    ]
    assert read.rows[-1].cells[1] == 7.0


def test_excel_several_sheets_the_user_picks():
    data = xlsx_bytes({"Kosong": [], "Juni": [HEADER, ["Pauh", 1]], "Juli": [HEADER, ["Pauh", 2]]})
    assert list_sheets("f.xlsx", data) == ["Juni", "Juli"]
    with pytest.raises(ImportRejected) as exc:
        read_table("f.xlsx", data)
    assert _codes(exc) == ["pick_sheet"]
    assert "Juni, Juli" in exc.value.problems[0].text()
    assert read_table("f.xlsx", data, "Juli").rows[1].cells == ("Pauh", 2)
    with pytest.raises(ImportRejected) as exc:
        read_table("f.xlsx", data, "Agustus")
    assert _codes(exc) == ["unknown_sheet"]


def test_excel_without_data():
    with pytest.raises(ImportRejected) as exc:
        list_sheets("f.xlsx", xlsx_bytes({"Sheet1": [], "Sheet2": [[None, ""]]}))
    assert _codes(exc) == ["no_sheet"]


def test_excel_merged_cells_and_formulas_are_reported_with_their_place():
    data = xlsx_bytes({"Data": [HEADER, ["Pauh", 1], ["Kuranji", 2], ["Total", "=SUM(B2:B3)"]]}, merge="A2:A3")
    read = read_table("f.xlsx", data)
    assert read.merged == (("A2:A3", 2, 3),)
    assert read.formulas == (("B4", 4),)
    assert read.rows[-1].cells == ("Total", None)  # a formula's cached value is never trusted


def test_excel_that_unzips_too_big(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_UNZIPPED_BYTES", 1000)
    with pytest.raises(ImportRejected) as exc:
        read_table("f.xlsx", xlsx_bytes({"Data": [HEADER, ["Pauh", 1]]}))
    assert _codes(exc) == ["too_big_unzipped"]


def test_is_blank():
    assert table.is_blank(None) and table.is_blank("  ") and not table.is_blank(0)


@pytest.mark.parametrize(
    ("cells", "dimension"),
    [(xlsx.MAX_CELLS + 10, "A1:A1"), (xlsx.MAX_CELLS + 10, None), (10, "A1:J200000")],
    ids=["dimension-lies", "no-dimension", "dimension-too-big"],
)
def test_an_excel_sheet_over_the_cell_cap_is_refused_while_streaming(cells, dimension):
    data = xlsx_with_cells(cells, columns=100, dimension=dimension)
    assert len(data) < table.MAX_BYTES  # small on disk: only the count of cells gives it away
    with pytest.raises(ImportRejected) as refused:
        reading.read_table("besar.xlsx", data)
    assert [p.code for p in refused.value.problems] == ["too_many_cells"]


def test_each_file_is_parsed_once_however_often_the_page_reruns(monkeypatch):
    monkeypatch.setattr(reading, "_parsed", OrderedDict())  # another test may have parsed the same bytes
    calls = []
    real = reading.read_sheet
    monkeypatch.setattr(reading, "read_sheet", lambda *args: calls.append(args) or real(*args))
    data = xlsx_bytes({"Data": [["nik", "nama"], ["1371014506850003", "Siti"]]})
    first = reading.read_table("sekali.xlsx", data)
    assert reading.read_table("sekali.xlsx", data) == first
    bad = xlsx_with_cells(xlsx.MAX_CELLS + 10, columns=100)
    for _ in range(3):
        with pytest.raises(ImportRejected):
            reading.read_table("besar.xlsx", bad)
    assert len(calls) == 2  # one parse per file, the refusal remembered too


def test_the_server_refuses_uploads_above_the_largest_legitimate_import_and_shows_no_tracebacks():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    largest = max(table.MAX_BYTES, boundaries.MAX_BYTES)
    assert config["server"]["maxUploadSize"] * 2**20 == largest  # Streamlit's default would be 200 MB
    assert config["client"]["showErrorDetails"] == "none"
