"""A sheet of cells as read from a file, with the row numbers the user sees."""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = object  # str from a CSV file; str, int, float, bool, datetime or None from an Excel cell

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200


@dataclass(frozen=True)
class Row:
    number: int  # as the user counts rows in the file, the first line being 1
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """The non-empty rows of one CSV file or one Excel sheet."""

    file_name: str
    rows: tuple[Row, ...]
    sheet: str | None = None
    encoding: str | None = None
    # Excel only: merged ranges as (text, first row, last row), and formula cells as (coordinate, row).
    merged: tuple[tuple[str, int, int], ...] = field(default=())
    formulas: tuple[tuple[str, int], ...] = field(default=())


def is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
