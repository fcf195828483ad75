"""Downloads: formula-like text neutralised, numbers kept as numbers, Excel and CSV readable."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from ucj.table_export import neutralise, to_csv, to_xlsx


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+62 812", "'+62 812"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Koto Tangah", "Koto Tangah"),
        ("", ""),
        (-12.5, -12.5),
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
