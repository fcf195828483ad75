"""A data editor's pending cell edits folded into its base frame, for a run that does not draw the editor.

Streamlit forgets an editor's edits after a run without it, and its value cannot be set through session
state; a page that leaves an editor out (a closed tab) keeps the edits by making them part of the base.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd


def fold(base: pd.DataFrame, edits: Mapping[str, Any] | None) -> pd.DataFrame:
    """`base` with the editor state's `edited_rows` ({row position: {column: value}}) applied, in a copy.

    A cleared cell (None) becomes missing. Added and deleted rows are not folded: the editors this is for
    have fixed rows.
    """
    folded = base.copy()
    for position, changes in (edits or {}).get("edited_rows", {}).items():
        for column, value in changes.items():
            folded.iat[int(position), folded.columns.get_loc(column)] = pd.NA if value is None else value
    return folded
