"""Exports cannot run formulas; templates come from the column specs and read back without a problem."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from ucj.imports.columns import find_header
from ucj.imports.export import neutralise, safe_frame, to_csv, to_xlsx
from ucj.imports.kinds import KINDS
from ucj.imports.reading import read_table
from ucj.imports.templates import column_guide, template_frame


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+62812", "'+62812"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),  # spreadsheets skip leading spaces
        ("Koto Tangah", "Koto Tangah"),
        ("1.234", "1.234"),
        ("", ""),
        (-5, -5),  # numbers stay numbers
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


HOSTILE = pd.DataFrame({"nama": ['=HYPERLINK("http://x","klik")', "Budi"], "jumlah": [-3, 4], "=kolom": ["a", "b"]})


def test_csv_export_is_inert():
    text = to_csv(HOSTILE).decode("utf-8-sig")
    assert text.splitlines()[0] == "nama,jumlah,'=kolom"
    assert "'=HYPERLINK" in text and ",-3," in text


def test_excel_export_is_inert():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(HOSTILE, "uji")))
    sheet = book["uji"]
    assert [c.value for c in sheet[1]] == ["nama", "jumlah", "'=kolom"]
    assert sheet["A2"].value.startswith("'=") and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == -3 and sheet["B2"].data_type == "n"


def test_safe_frame_keeps_the_original():
    safe_frame(HOSTILE)
    assert HOSTILE["nama"].iloc[0].startswith("=")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_templates_read_back_with_every_column(kind):
    spec = KINDS[kind]
    for name, data in (("t.csv", to_csv(template_frame(spec))), ("t.xlsx", to_xlsx(template_frame(spec), kind))):
        table = read_table(name, data)
        header, problems = find_header(table, spec.columns)
        assert problems == [] and set(header.positions) == {c.key for c in spec.columns}
        assert len(table.rows) == 1  # the header only: no example row to import by mistake


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_column_guide_lists_every_column(kind):
    guide = column_guide(KINDS[kind])
    assert guide["column"].tolist() == [c.header for c in KINDS[kind].columns]
    assert guide["example"].map(bool).sum() >= len(guide) - 1
