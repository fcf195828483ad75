"""The participant extract a retention figure comes from: kind "upload", its file and date, and the
"contoh sintetis" mark when the extract is a synthetic training file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ucj.fmt import Lang
from ucj.i18n import t
from ucj.provenance import Provenance


@dataclass(frozen=True)
class Extract:
    import_id: int
    file_name: str
    extract_date: dt.date
    active_rule: str
    synthetic: bool
    participants: int

    @property
    def provenance(self) -> Provenance:
        return Provenance(kind="upload", source=self.file_name, as_of=self.extract_date)

    def label(self, lang: Lang = "id") -> str:
        """'Data unggahan · 15 Juni 2024 · padang.csv', with ' · contoh sintetis' for a synthetic file."""
        text = f"{t('kind.upload', lang)} · {self.provenance.citation(lang)}"
        return f"{text} · {t('ret.synthetic', lang)}" if self.synthetic else text


def extracts_from(rows: pd.DataFrame) -> list[Extract]:
    """The rows of `retention_extracts` (newest first) as extracts."""
    return [
        Extract(
            int(r.import_id),
            str(r.file_name),
            pd.Timestamp(r.extract_date).date(),
            str(r.active_rule),
            bool(r.synthetic),
            int(r.participants),
        )
        for r in rows.itertuples()
    ]
