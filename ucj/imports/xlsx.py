"""Excel (.xlsx) sheets: which hold data, and their cells, merged ranges and formulas.

openpyxl parses untrusted XML inside a zip, so the zip is checked first (a small file can unzip to
gigabytes) and any parser failure becomes one clear problem instead of a traceback.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from ucj.imports.problems import ImportRejected, Problem
from ucj.imports.table import MAX_COLUMNS, MAX_ROWS, Row, Table, is_blank

MAX_UNZIPPED_BYTES = 60 * 1024 * 1024


def _reject(code: str, file_name: str, **params: object) -> ImportRejected:
    return ImportRejected([Problem(code, file_name, params=params)])


def _workbook(file_name: str, data: bytes) -> openpyxl.Workbook:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _reject("bad_excel", file_name) from exc
    if unzipped > MAX_UNZIPPED_BYTES:
        raise _reject("too_big_unzipped", file_name, limit_mb=MAX_UNZIPPED_BYTES // 2**20)
    try:
        # data_only=False keeps formulas visible: their cached results may be stale or missing.
        return openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    except Exception as exc:  # openpyxl raises many types on malformed files; all mean "unreadable"
        raise _reject("bad_excel", file_name) from exc


def _has_data(sheet: Worksheet) -> bool:
    return any(not is_blank(v) for row in sheet.iter_rows(values_only=True) for v in row)


def _sheets_with_data(file_name: str, data: bytes) -> tuple[openpyxl.Workbook, list[Worksheet]]:
    book = _workbook(file_name, data)
    sheets = [s for s in book.worksheets if _has_data(s)]
    if not sheets:
        raise _reject("no_sheet", file_name)
    return book, sheets


def sheet_names(file_name: str, data: bytes) -> list[str]:
    return [s.title for s in _sheets_with_data(file_name, data)[1]]


def _is_formula(cell: object) -> bool:
    value = getattr(cell, "value", None)
    return getattr(cell, "data_type", None) == "f" or isinstance(value, ArrayFormula | DataTableFormula)


def read_sheet(file_name: str, data: bytes, sheet: str | None) -> Table:
    """One sheet's non-empty rows; the sheet must be named when several hold data."""
    _, sheets = _sheets_with_data(file_name, data)
    by_name = {s.title: s for s in sheets}
    if sheet is None and len(sheets) > 1:
        raise _reject("pick_sheet", file_name, sheets=", ".join(by_name))
    chosen = sheets[0] if sheet is None else by_name.get(sheet)
    if chosen is None:
        raise _reject("unknown_sheet", file_name, sheet=sheet, sheets=", ".join(by_name))
    if chosen.max_column > MAX_COLUMNS:
        raise _reject("too_many_columns", file_name, limit=MAX_COLUMNS)
    rows: list[Row] = []
    formulas: list[tuple[str, int]] = []
    for cells in chosen.iter_rows():
        values = []
        for cell in cells:
            if _is_formula(cell):
                formulas.append((cell.coordinate, cell.row))
                values.append(None)
            else:
                values.append(cell.value)
        if all(is_blank(v) for v in values):
            continue
        rows.append(Row(cells[0].row, tuple(values)))
        if len(rows) > MAX_ROWS + 1:
            raise _reject("too_many_rows", file_name, limit=MAX_ROWS)
    merged = tuple((str(r), r.min_row, r.max_row) for r in chosen.merged_cells.ranges)
    return Table(file_name, tuple(rows), sheet=chosen.title, merged=merged, formulas=tuple(formulas))
