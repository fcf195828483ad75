"""A calculator scenario as an Excel workbook: the inputs, the results, and the rates with their regulation.

Numbers stay numbers (with rupiah, count and percent formats) so planners can keep calculating;
text that a spreadsheet would read as a formula is neutralised (names come from users).
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.subsidy.evaluate import Results
from ucj.subsidy.headcount import Region
from ucj.subsidy.report import Section, sections
from ucj.subsidy.rules import RuleBook
from ucj.table_export import neutralise

NUMBER_FORMATS = {
    "rupiah": '"Rp" #,##0',
    "number": "#,##0",
    "decimal": "#,##0.00",
    "percent": "0.0%",
    "month": "mmm yyyy",
}
# Which sections go on which sheet, in order.
SHEETS = {
    "inputs": ("inputs", "lines"),
    "results": (
        "summary",
        "cost_by_kecamatan",
        "cost_by_target_group",
        "cost_by_funding",
        "cost_by_month",
        "reach",
        "allocation",
        "pots",
        "retention",
        "claims",
    ),
    "rules": ("rules",),
}


def _cell(value: object, kind: str, lang: Lang) -> object:
    if fmt.missing(value):
        return fmt.MISSING[lang]  # a missing figure says so, never a blank that reads as 0
    if kind == "month":
        return pd.Timestamp(value).to_pydatetime()
    if kind in NUMBER_FORMATS:
        return float(value) if kind in ("percent", "decimal") else int(value)
    return neutralise(str(value))


def _write(ws: Worksheet, row: int, section: Section, lang: Lang) -> int:
    """Write a titled table at `row`; return the first free row after it and a blank line."""
    ws.cell(row, 1, t(f"kalk.section.{section.key}", lang)).font = Font(bold=True, size=12)
    row += 1
    for col, column in enumerate(section.formats, start=1):
        ws.cell(row, col, t(f"kalk.col.{column}", lang)).font = Font(bold=True)
    for values in section.frame[list(section.formats)].itertuples(index=False):
        row += 1
        for col, (value, kind) in enumerate(zip(values, section.formats.values()), start=1):
            cell = ws.cell(row, col, _cell(value, kind, lang))
            if kind in NUMBER_FORMATS and not isinstance(cell.value, str):
                cell.number_format = NUMBER_FORMATS[kind]
    if section.frame.empty:
        row += 1
        ws.cell(row, 1, fmt.MISSING[lang])
    return row + 2


def scenario_xlsx(r: Results, book: RuleBook, region: Region, lang: Lang = "id") -> bytes:
    by_key = {s.key: s for s in sections(r, book, region, lang)}
    wb = Workbook()
    wb.remove(wb.active)
    for sheet, keys in SHEETS.items():
        ws = wb.create_sheet(t(f"kalk.sheet.{sheet}", lang)[:31])
        row = 1
        for k in keys:
            row = _write(ws, row, by_key[k], lang)
        for letter in ("A", "B", "C", "D", "E", "F", "G"):
            ws.column_dimensions[letter].width = 22
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
