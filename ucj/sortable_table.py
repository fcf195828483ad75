"""A read-only table as the app's sortable table (ui/sortable_table.js) draws it: each cell's text and sort key.

`st.dataframe` brings its canvas grid and Arrow's formatting into a fresh browser, ~1,5 MB of JavaScript that
held a map's polygons back by about 0,15 s on two cores (issue 17). A table to read and sort needs none of it:
an HTML table is also read by screen readers and printed as it shows. Figures sort as numbers while they show
as Indonesians write them, which a column of formatted text in `st.dataframe` could not do.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
from pandas.api.types import is_bool_dtype, is_numeric_dtype

Formats = Mapping[str, Callable[[Any], str]]
Missing = str | Mapping[str, str]
SortKey = float | str | None


def _key(value: object) -> SortKey:
    """A number sorts as one, a date by its ISO text, anything else by its text; a missing value has none."""
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):  # type: ignore[arg-type]
        return None
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, dt.date | pd.Timestamp):
        return value.isoformat()
    return str(value)


def table_data(frame: pd.DataFrame, formats: Formats | None = None, missing: Missing = "") -> dict[str, Any]:
    """What the table is drawn from: its columns (a numeric one is aligned right), and per row the text of every
    cell (`formats[column]` writes a column's values; `missing` an empty cell, or `missing[column]` an empty
    cell of that column, where an empty cell says something of its own) and the key it sorts by."""
    formats = formats or {}
    blanks = dict.fromkeys(frame.columns, missing) if isinstance(missing, str) else missing
    for given, what in ((formats, "formats"), (blanks, "missing")):
        unknown = set(given) - set(frame.columns)
        if unknown:
            raise KeyError(f"{what} for columns the table does not have: {sorted(unknown)}")
    writers = [formats.get(name, str) for name in frame.columns]
    empty = [blanks.get(name, "") for name in frame.columns]
    rows, keys = [], []
    for row in frame.itertuples(index=False):
        row_keys = [_key(value) for value in row]
        rows.append([blank if k is None else write(v) for write, blank, v, k in zip(writers, empty, row, row_keys)])
        keys.append(row_keys)
    columns = [
        {"name": str(name), "numeric": is_numeric_dtype(frame[name]) and not is_bool_dtype(frame[name])}
        for name in frame.columns
    ]
    return {"columns": columns, "rows": rows, "keys": keys}
