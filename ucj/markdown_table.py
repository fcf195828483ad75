"""A small read-only table as Markdown: drawn by the Markdown renderer every page has already loaded.

`st.dataframe` brings its grid and Arrow's formatting into a fresh browser (~1,3 MB of JavaScript, the largest
part of a first load on two cores, issue 17); a table of a few rows to read, not to sort, needs none of it.
"""

from __future__ import annotations

import pandas as pd

from ucj.markup import plain


def markdown_table(frame: pd.DataFrame, right: frozenset[str] = frozenset()) -> str:
    """`frame` as a GFM table of its text, every cell escaped (`plain`); the columns in `right` aligned right,
    for figures. A missing value shows as an empty cell."""
    header = "| " + " | ".join(plain(column) for column in frame.columns) + " |"
    align = "|" + "|".join("---:" if column in right else "---" for column in frame.columns) + "|"
    rows = ("| " + " | ".join("" if pd.isna(v) else plain(v) for v in row) + " |" for row in frame.itertuples(False))
    return "\n".join([header, align, *rows])
