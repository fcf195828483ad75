"""The action list for the minutes (notulen): one row per item, every value as the minutes should read it.

Contacts are masked; the CSV and Excel files come from `ucj.table_export`, which neutralises any text
a spreadsheet would run as a formula.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ucj import fmt
from ucj.collab.actions import tracker
from ucj.collab.stakeholders import mask_contact
from ucj.figures import text_or_none
from ucj.fmt import Lang
from ucj.i18n import t

COLUMNS: tuple[str, ...] = (
    "no", "title", "horizon", "owner", "contact", "due_date", "status", "overdue", "indicator", "source"
)  # fmt: skip


def _text(value: object) -> str:
    return text_or_none(value) or ""


def _source(source_short: object, locator: object, meeting_ref: object) -> str:
    """Research items cite their text and place; meeting items the meeting document, if any."""
    if _text(source_short):
        return f"{_text(source_short)}, {_text(locator)}"
    return _text(meeting_ref)


def minutes_frame(actions: pd.DataFrame, lang: Lang, today: dt.date) -> pd.DataFrame:
    """The action items in tracker order (overdue first) with headers in `lang`."""
    ordered = tracker(actions, today)
    titles = ordered["title"]
    if lang == "en":
        titles = ordered["title_en"].where(ordered["title_en"].notna(), ordered["title"])
    rows = pd.DataFrame(
        {
            "no": range(1, len(ordered) + 1),
            "title": titles.map(_text),
            "horizon": ordered["horizon"].map(lambda h: t(f"kolab.horizon.{h}", lang) if _text(h) else ""),
            "owner": ordered["owner"].map(lambda o: _text(o) or t("kolab.owner_unset", lang)),
            "contact": ordered["owner_contact"].map(lambda c: mask_contact(c) or ""),
            "due_date": ordered["due_date"].map(lambda d: fmt.date(pd.Timestamp(d).date(), lang) if _text(d) else ""),
            "status": ordered["status"].map(lambda s: t(f"kolab.status.{s}", lang)),
            "overdue": ordered["overdue"].map(lambda o: t("kolab.overdue", lang) if o else ""),
            "indicator": ordered[f"indicator_label_{lang}"].map(_text),
            "source": list(map(_source, ordered["source_short"], ordered["locator"], ordered["meeting_ref"])),
        }
    )
    return rows.rename(columns={c: t(f"kolab.export.{c}", lang) for c in COLUMNS})
