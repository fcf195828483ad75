"""Which column of the file is which: headers matched case- and space-insensitively with aliases.

A column's first name is the Indonesian header the template uses; the rest are aliases in
Indonesian and English. Reports often carry a title above the header, so the header is the row
(among the first few) that names the most expected columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ucj.imports.problems import Problem
from ucj.imports.table import Cell, Row, Table

HEADER_SEARCH_ROWS = 15


@dataclass(frozen=True)
class Column:
    key: str
    names: tuple[str, ...]  # names[0]: the template header (Indonesian); then aliases
    parse: Callable[[Cell], object] | None  # None: an area, matched against the region's kecamatan
    example: str
    required: bool = True
    desa_names: bool = False  # an area column whose names may be desa/kelurahan names too

    @property
    def is_area(self) -> bool:
        return self.parse is None

    @property
    def header(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class Header:
    """Where the header is and which file column feeds each expected column."""

    row: int
    positions: dict[str, int]  # column key → index in the row
    labels: dict[str, str]  # column key → the header as written in the file


def squash(text: object) -> str:
    """'Kode  Kecamatan', 'KODE_KECAMATAN' and 'kode-kecamatan' all become 'kodekecamatan'."""
    return re.sub(r"[\W_]+", "", str(text).casefold())


def _matches(row: Row, columns: tuple[Column, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    names = {squash(name): col.key for col in columns for name in col.names}
    for index, cell in enumerate(row.cells):
        key = names.get(squash(cell)) if cell is not None else None
        if key is not None and key not in found:  # the first column with a name wins
            found[key] = index
    return found


def find_header(table: Table, columns: tuple[Column, ...]) -> tuple[Header, list[Problem]]:
    """The header row and the column positions; missing required columns are problems.

    A table with no rows at all (a sheet whose only cells are formulas) has header row 0: every
    required column is missing, and the formulas are reported by `layout_problems`.
    """
    candidates = table.rows[:HEADER_SEARCH_ROWS]
    best = max(candidates, key=lambda r: len(_matches(r, columns)), default=None)
    if best is not None and not _matches(best, columns):
        best = candidates[0]
    positions = _matches(best, columns) if best is not None else {}
    labels = {key: str(best.cells[i]).strip() for key, i in positions.items()}
    header_row = best.number if best is not None else None
    problems = [
        Problem("missing_column", table.file_name, header_row, col.header, {"aliases": ", ".join(col.names[1:4])})
        for col in columns
        if col.required and col.key not in positions
    ]
    used = set(positions.values())
    problems += [
        Problem("ignored_column", table.file_name, header_row, str(cell).strip(), severity="warning")
        for i, cell in enumerate(best.cells if best is not None else ())
        if i not in used and cell is not None and str(cell).strip()
    ]
    return Header(header_row or 0, positions, labels), problems


def layout_problems(table: Table, header: Header) -> list[Problem]:
    """Merged cells and formulas at or below the header: the values they show are not in the cells."""
    problems = [
        Problem("merged_cells", table.file_name, first, None, {"range": text})
        for text, first, last in table.merged
        if last >= header.row
    ]
    problems += [
        Problem("formula_cell", table.file_name, row, None, {"cell": coordinate})
        for coordinate, row in table.formulas
        if row >= header.row
    ]
    return problems
