"""Header matching: case- and space-insensitive, aliases in both languages, titles above the header."""

from __future__ import annotations

import pytest

from ucj.imports.columns import find_header, layout_problems, squash
from ucj.imports.participants import KIND
from ucj.imports.table import Row, Table


def _table(*rows: tuple, merged=(), formulas=()) -> Table:
    return Table("f.csv", tuple(Row(i, r) for i, r in enumerate(rows, start=1)), merged=merged, formulas=formulas)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kode Kecamatan", "kodekecamatan"),
        ("KODE_KECAMATAN", "kodekecamatan"),
        (" kode-kecamatan ", "kodekecamatan"),
        ("Jumlah (orang)", "jumlahorang"),
    ],
)
def test_squash(text, expected):
    assert squash(text) == expected


@pytest.mark.parametrize(
    "header",
    [
        ("kecamatan", "tahun", "bulan", "segmen", "status", "jumlah peserta"),
        ("KECAMATAN", "Tahun", "BULAN", "Segmen", "STATUS", "Jumlah"),
        ("Kode Kecamatan", "year", "month", "segment", "participant status", "persons"),
        ("nama_kecamatan", "THN", "Bln", "Kepesertaan", "Status Kepesertaan", "peserta"),
    ],
)
def test_header_aliases_in_both_languages(header):
    found, problems = find_header(_table(header), KIND.columns)
    assert set(found.positions) == {"area", "year", "month", "segment", "status", "persons"}
    assert problems == []


def test_title_rows_above_the_header_are_skipped():
    table = _table(
        ("Laporan kepesertaan",), ("Juni 2024",), ("kecamatan", "tahun", "bulan", "segmen", "status", "jumlah")
    )
    found, _ = find_header(table, KIND.columns)
    assert found.row == 3


def test_missing_columns_are_named_on_the_header_row():
    found, problems = find_header(_table(("kecamatan", "bulan", "catatan")), KIND.columns)
    missing = {p.column for p in problems if p.code == "missing_column"}
    assert missing == {"tahun", "segmen", "status", "jumlah peserta"}
    assert all(p.row == 1 for p in problems)
    ignored = [p for p in problems if p.code == "ignored_column"]
    assert [(p.column, p.severity) for p in ignored] == [("catatan", "warning")]
    assert found.positions == {"area": 0, "month": 1}


def test_first_of_two_matching_columns_wins():
    found, problems = find_header(_table(("kode kecamatan", "nama kecamatan", "tahun")), KIND.columns)
    assert found.positions["area"] == 0
    assert [p.column for p in problems if p.code == "ignored_column"] == ["nama kecamatan"]


def test_layout_problems_only_at_or_below_the_header():
    table = _table(
        ("Judul",),
        ("kecamatan", "jumlah"),
        ("Pauh", None),
        merged=(("A1:F1", 1, 1), ("A3:A4", 3, 4)),
        formulas=(("B3", 3),),
    )
    header, _ = find_header(table, KIND.columns)
    problems = layout_problems(table, header)
    assert [(p.code, p.row) for p in problems] == [("merged_cells", 3), ("formula_cell", 3)]


def test_a_sheet_of_only_formulas_says_so_instead_of_crashing():
    """Found by the fuzz suite: a sheet whose one cell is '=SUM(A1:A3)' has no rows to find a header in."""
    table = _table(formulas=(("A1", 1),))
    header, problems = find_header(table, KIND.columns)
    assert header.row == 0 and header.positions == {}
    required = [c.header for c in KIND.columns if c.required]
    assert [(p.code, p.row, p.column) for p in problems] == [("missing_column", None, h) for h in required]
    assert [(p.code, p.row) for p in layout_problems(table, header)] == [("formula_cell", 1)]
