"""Downloads: formula-like text neutralised, numbers kept as numbers, Excel and CSV readable."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from ucj.table_export import neutralise, safe_table, to_csv, to_xlsx


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-1+1", "'-1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("  =1", "'  =1"),  # spreadsheets skip leading spaces
        ("＝1+1", "'＝1+1"),  # fullwidth forms some spreadsheets read as ASCII
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ('Pauh;=HYPERLINK("http://x")', '\'Pauh;=HYPERLINK("http://x")'),  # a cell split off at ';'
        ("Pauh, =1", "'Pauh, =1"),
        ("Pauh;＝1", "'Pauh;＝1"),
        ("Koto Tangah-Pauh", "Koto Tangah-Pauh"),  # a dash inside a name is no formula
        ("Koto Tangah", "Koto Tangah"),
        ("1.234", "1.234"),
        ("", ""),
        (-12.5, -12.5),  # numbers stay numbers
        (None, None),
    ],
)
def test_neutralise(cell, safe):
    assert neutralise(cell) == safe


TABLE = pd.DataFrame({"Kecamatan": ["=1+1", "Pauh"], "Cakupan": [0.315, -0.02], "Peringkat": [1, 2]})


def test_xlsx_keeps_numbers_and_neutralises_text():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(TABLE, "Cakupan", percent_columns=("Cakupan",))))
    sheet = book["Cakupan"]

    assert [c.value for c in sheet["A"]] == ["Kecamatan", "'=1+1", "Pauh"]
    assert [c.value for c in sheet["B"]][1:] == [0.315, -0.02]
    assert sheet["B2"].number_format == "0.0%"
    assert sheet["C2"].number_format == "General"


def test_csv_has_a_bom_and_neutralised_text():
    text = to_csv(TABLE).decode("utf-8")

    assert text.startswith("\ufeff")
    assert "'=1+1" in text
    assert pd.read_csv(io.StringIO(text.lstrip("\ufeff")))["Cakupan"].tolist() == [0.315, -0.02]


def test_long_sheet_names_are_cut_to_excels_limit():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(TABLE, "x" * 40)))

    assert book.sheetnames == ["x" * 31]


HOSTILE = pd.DataFrame({"nama": ['=HYPERLINK("http://x","klik")', "Budi"], "jumlah": [-3, 4], "=kolom": ["a", "b"]})


def test_csv_export_is_inert():
    text = to_csv(HOSTILE).decode("utf-8-sig")
    assert text.splitlines()[0] == '"nama","jumlah","\'=kolom"'  # every text quoted: no separator splits it
    assert "'=HYPERLINK" in text and ",-3," in text  # numbers stay numbers


def test_excel_export_is_inert():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(HOSTILE, "uji")))
    sheet = book["uji"]
    assert [c.value for c in sheet[1]] == ["nama", "jumlah", "'=kolom"]
    assert sheet["A2"].value.startswith("'=") and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == -3 and sheet["B2"].data_type == "n"


def test_safe_table_keeps_the_original():
    safe_table(HOSTILE)
    assert HOSTILE["nama"].iloc[0].startswith("=")
