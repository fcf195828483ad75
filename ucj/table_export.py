"""Tables leaving the app as CSV or Excel, safe to open in a spreadsheet: no cell can run as a formula.

A text cell (or header) starting with = + - @, or with a tab, carriage return or newline that
spreadsheets strip before them, even after leading spaces, gets a leading apostrophe: the OWASP
advice against CSV injection. Their fullwidth forms (＝ ＋ － ＠, which some spreadsheets read as the
ASCII ones) count too, and so does a formula start right after a separator inside the text
('a;=cmd'): a spreadsheet that splits on ';' would start a cell there. The CSV also quotes every
text field, so no separator inside one splits it. Names come from uploads, so every export goes
through here; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pandas as pd

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"  # what to_xlsx makes
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A separator a spreadsheet may split on, then (after spaces) a formula start.
_INNER_FORMULA = re.compile(r"[,;|\t\r\n] *[=+\-@]")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could run `text`, or a cell split from it, as a formula."""
    folded = unicodedata.normalize("NFKC", text)  # ＝ → =, ＋ → +, ＠ → @ …
    return folded.lstrip(" ").startswith(FORMULA_STARTS) or bool(_INNER_FORMULA.search(folded))


def neutralise(value: object) -> object:
    """A text that a spreadsheet would run as a formula becomes plain text; anything else is unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def safe_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and header neutralised; the original is left as it was."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise).astype(object)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def to_csv(table: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Indonesian text right."""
    return safe_table(table).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")


def to_xlsx(table: pd.DataFrame, sheet: str = "data", percent_columns: tuple[str, ...] = ()) -> bytes:
    """One sheet (name cut to Excel's 31 characters); columns in `percent_columns` hold ratios shown as %."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_table(table).to_excel(writer, sheet_name=sheet[:31], index=False)
        worksheet = writer.sheets[sheet[:31]]
        for i, column in enumerate(table.columns, start=1):
            if column in percent_columns:
                for (cell,) in worksheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "0.0%"
    return buffer.getvalue()
