"""What the retention page reads, through the page cache."""

from __future__ import annotations

import pandas as pd

from ucj.retention.extract import Extract, extracts_from
from ui.db import query


def extracts(kode_kab: str) -> list[Extract]:
    """The region's extracts, newest first."""
    return extracts_from(query("retention_extracts", kode_kab=kode_kab))


def perisai_reports(kode_kab: str) -> pd.DataFrame:
    """The Perisai books published or imported for places in the region (the Data page's Perisai kind)."""
    books = query("subsidy_perisai_books")
    return books[books["kode_wilayah"].str.startswith(kode_kab)].reset_index(drop=True)
