"""Excel (.xlsx) sheets: which hold data, and their cells, merged ranges and formulas.

openpyxl parses untrusted XML inside a zip, so nothing is loaded whole: the zip's unpacked sizes are
checked first (a small file can unzip to gigabytes), then the cell tags of each sheet's raw XML are
counted and its declared size read, and only then is the sheet streamed (read-only mode), with a count
that stops at MAX_CELLS whatever the sheet declares. A few hundred KB of 2,7 million cells is refused
in about a second, before openpyxl parses a cell.
Any parser failure becomes one clear problem instead of a traceback.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

import openpyxl
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from ucj.imports.problems import ImportRejected, rejected
from ucj.imports.table import MAX_COLUMNS, MAX_ROWS, Row, Table, is_blank

MAX_UNZIPPED_BYTES = 60 * 1024 * 1024
MAX_CELLS = 1_000_000  # cells streamed per sheet, blank ones included: 50.000 rows of 20 columns
_CELL_TAGS = (b"<c ", b"<c>", b"<c/")
_MERGE = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


def _most_cells_in_a_sheet(data: bytes) -> int:
    """The most `<c>` (cell) tags of any worksheet, counted in the raw XML at C speed, before any parsing.

    A cheap first look: a sheet's declared dimension can lie, this count cannot (the streaming count
    in `_rows` stays, for XML written with a namespace prefix on its tags).
    """
    most = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            count, tail = 0, b""
            with archive.open(name) as member:
                while count <= MAX_CELLS and (chunk := member.read(1 << 20)):
                    text = tail + chunk
                    count += sum(text.count(tag) for tag in _CELL_TAGS)
                    # a tag cut by the chunk's end is found with the next chunk; 2 bytes hold no whole tag
                    tail = text[-2:]
            most = max(most, count)
    return most


@contextmanager
def _workbook(file_name: str, data: bytes) -> Iterator[openpyxl.Workbook]:
    """The workbook in read-only (streaming) mode, after the zip's unpacked size is checked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise rejected("bad_excel", file_name) from exc
    if unzipped > MAX_UNZIPPED_BYTES:
        raise rejected("too_big_unzipped", file_name, limit_mb=MAX_UNZIPPED_BYTES // 2**20)
    if _most_cells_in_a_sheet(data) > MAX_CELLS:
        raise rejected("too_many_cells", file_name, limit=MAX_CELLS)
    try:
        # data_only=False keeps formulas visible: their cached results may be stale or missing.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types on malformed files; all mean "unreadable"
        raise rejected("bad_excel", file_name) from exc
    try:
        yield book
    except ImportRejected:
        raise
    except Exception as exc:  # a sheet's XML can be malformed past its first rows
        raise rejected("bad_excel", file_name) from exc
    finally:
        book.close()


def _rows(sheet: ReadOnlyWorksheet, file_name: str) -> Iterator[tuple]:
    """The sheet's rows of cells, refused as soon as its size (declared or counted) is over the caps."""
    if (sheet.max_column or 0) > MAX_COLUMNS:
        raise rejected("too_many_columns", file_name, limit=MAX_COLUMNS)
    if (sheet.max_row or 0) * (sheet.max_column or 0) > MAX_CELLS:
        raise rejected("too_many_cells", file_name, limit=MAX_CELLS)
    # Read-only mode stops at the declared last row: a sheet declaring A1:A1 would hide its other rows.
    sheet.reset_dimensions()
    counted = 0
    for cells in sheet.iter_rows():
        counted += len(cells)
        if counted > MAX_CELLS:
            raise rejected("too_many_cells", file_name, limit=MAX_CELLS)
        if len(cells) > MAX_COLUMNS:
            raise rejected("too_many_columns", file_name, limit=MAX_COLUMNS)
        yield cells


def _has_data(sheet: ReadOnlyWorksheet, file_name: str) -> bool:
    return any(not is_blank(cell.value) for cells in _rows(sheet, file_name) for cell in cells)


def _sheets_with_data(file_name: str, book: openpyxl.Workbook) -> list[ReadOnlyWorksheet]:
    sheets = [s for s in book.worksheets if _has_data(s, file_name)]
    if not sheets:
        raise rejected("no_sheet", file_name)
    return sheets


def sheet_names(file_name: str, data: bytes) -> list[str]:
    with _workbook(file_name, data) as book:
        return [s.title for s in _sheets_with_data(file_name, book)]


def _is_formula(cell: object) -> bool:
    value = getattr(cell, "value", None)
    return getattr(cell, "data_type", None) == "f" or isinstance(value, ArrayFormula | DataTableFormula)


def _merged(sheet: ReadOnlyWorksheet) -> tuple[tuple[str, int, int], ...]:
    """Merged ranges as (text, first row, last row); read-only mode does not keep them, so the XML is scanned."""
    found = []
    with sheet.parent._archive.open(sheet._worksheet_path) as source:
        for _, element in ET.iterparse(source):
            if element.tag == _MERGE:
                cells = CellRange(element.get("ref"))
                found.append((cells.coord, cells.min_row, cells.max_row))
            element.clear()  # keeps memory flat over a large sheet
    return tuple(found)


def read_sheet(file_name: str, data: bytes, sheet: str | None) -> Table:
    """One sheet's non-empty rows; the sheet must be named when several hold data."""
    with _workbook(file_name, data) as book:
        sheets = _sheets_with_data(file_name, book)
        by_name = {s.title: s for s in sheets}
        if sheet is None and len(sheets) > 1:
            raise rejected("pick_sheet", file_name, sheets=", ".join(by_name))
        chosen = sheets[0] if sheet is None else by_name.get(sheet)
        if chosen is None:
            raise rejected("unknown_sheet", file_name, sheet=sheet, sheets=", ".join(by_name))
        rows: list[Row] = []
        formulas: list[tuple[str, int]] = []
        for cells in _rows(chosen, file_name):
            values = []
            for cell in cells:
                if _is_formula(cell):
                    formulas.append((cell.coordinate, cell.row))
                    values.append(None)
                else:
                    values.append(cell.value)
            if all(is_blank(v) for v in values):
                continue
            # read-only mode pads missing cells with EmptyCell, which has no row: take a real cell's
            rows.append(Row(next(c.row for c in cells if not is_blank(c.value)), tuple(values)))
            if len(rows) > MAX_ROWS + 1:
                raise rejected("too_many_rows", file_name, limit=MAX_ROWS)
        return Table(file_name, tuple(rows), sheet=chosen.title, merged=_merged(chosen), formulas=tuple(formulas))
