"""Templates and the column guide, made from each kind's column spec so they never drift from the checks.

A template holds the header row only: an example row left in by mistake would be imported as data,
so examples live in the guide shown beside the download.
"""

from __future__ import annotations

import pandas as pd

from ucj.imports.kind import ImportKind


def template_frame(kind: ImportKind) -> pd.DataFrame:
    """The template: the header row only, exported through ucj.table_export like every table."""
    return pd.DataFrame(columns=[c.header for c in kind.columns])


def column_guide(kind: ImportKind) -> pd.DataFrame:
    """One row per column: the template header, whether it is required, an example, other accepted names."""
    return pd.DataFrame(
        [
            {
                "column": c.header,
                "required": c.required,
                "example": c.example,
                "aliases": ", ".join(c.names[1:]),
            }
            for c in kind.columns
        ]
    )
