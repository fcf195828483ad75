"""From a table to records: find the header, parse every cell, and name every bad cell."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from ucj.imports.areas import Region
from ucj.imports.columns import Column, find_header, layout_problems
from ucj.imports.problems import Problem
from ucj.imports.table import Table, is_blank
from ucj.imports.values import CellError

Record = dict[str, Any]  # parsed values by column key, plus 'row' (the file row) and area fields


def parse_rows(
    table: Table, columns: tuple[Column, ...], region: Region
) -> tuple[list[Record], list[Problem], dict[str, str]]:
    """Records for rows whose every cell parses, a problem for every cell that does not, and the headers."""
    header, problems = find_header(table, columns)
    problems += layout_problems(table, header)
    if any(p.code == "missing_column" for p in problems):
        return [], problems, header.labels
    records: list[Record] = []
    for row in table.rows:
        if row.number <= header.row:
            continue
        record: Record = {"row": row.number}
        bad = False
        for col in columns:
            position = header.positions.get(col.key)
            cell = row.cells[position] if position is not None and position < len(row.cells) else None
            label = header.labels.get(col.key, col.header)
            try:
                record[col.key] = _parse(col, cell, region)
            except CellError as exc:
                # keep checking the row's other cells: the user fixes them all in one pass
                problems.append(Problem(exc.code, table.file_name, row.number, label, exc.params))
                bad = True
        if not bad:
            records.append(_with_area(record))
    return records, problems, header.labels


def _parse(col: Column, cell: object, region: Region) -> object:
    if not col.required and is_blank(cell):
        return None
    if col.is_area:
        return region.match_place(cell) if col.desa_names else region.match(cell)
    return col.parse(cell)


def _with_area(record: Record) -> Record:
    area = record.pop("area", None)
    if area is not None:
        record |= {"kode_wilayah": area.kode, "level": area.level, "area_name": area.nama}
    return record


def duplicate_problems(
    records: Iterable[Record], identity: Callable[[Record], Hashable], file_name: str, column: str
) -> list[Problem]:
    """A row that repeats an earlier row's identity (same area, period, …) is a problem."""
    first_row: dict[Hashable, int] = {}
    problems = []
    for record in records:
        key = identity(record)
        if key in first_row:
            problems.append(Problem("duplicate_row", file_name, record["row"], column, {"first": first_row[key]}))
        else:
            first_row[key] = record["row"]
    return problems
