"""Tables as CSV and Excel downloads, safe to open in a spreadsheet.

A text cell that starts with '=', '+', '-' or '@' (or a tab or carriage return) is read by
spreadsheets as a formula; names come from uploads, so such cells get a leading apostrophe.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """The cell as a spreadsheet must show it: formula-like text prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell neutralised; numbers stay numbers."""
    out = table.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def to_csv(table: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Indonesian text right."""
    return safe_table(table).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(table: pd.DataFrame, sheet: str, percent_columns: tuple[str, ...] = ()) -> bytes:
    """One sheet; columns named in `percent_columns` hold ratios shown as percentages."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_table(table).to_excel(writer, sheet_name=sheet[:31], index=False)
        worksheet = writer.sheets[sheet[:31]]
        for i, column in enumerate(table.columns, start=1):
            if column in percent_columns:
                for (cell,) in worksheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "0.0%"
    return buffer.getvalue()
