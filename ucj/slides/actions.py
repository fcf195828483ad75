"""The open-actions slide: what was agreed and is not finished, overdue first (ucj.collab.actions' order)."""

from __future__ import annotations

import pandas as pd

from ucj import fmt
from ucj.collab.actions import tracker
from ucj.collab.rules import OPEN_STATUSES
from ucj.i18n import t
from ucj.provenance import Provenance
from ucj.slides.model import DeckContext, Query, Slide, SlideTable, as_of_of, slide_figure, sources_of

MAX_ROWS = 6
OVERDUE_MARK = "⚠"


def _text(value: object, lang: fmt.Lang) -> str:
    return fmt.MISSING[lang] if fmt.missing(value) else str(value)


def _title(row: pd.Series, lang: fmt.Lang) -> str:
    """The English title where the research gives one; a meeting's own words otherwise."""
    english = row.get("title_en")
    title = english if lang == "en" and isinstance(english, str) and english else row["title"]
    return f"{OVERDUE_MARK} {title}" if row["overdue"] else str(title)


def action_table(actions: pd.DataFrame, lang: fmt.Lang) -> SlideTable:
    rows = tuple(
        (
            _title(r, lang),
            _text(r["owner"], lang),
            fmt.MISSING[lang] if pd.isna(r["due_date"]) else fmt.date(pd.Timestamp(r["due_date"]).date(), lang),
            t(f"rapat.actions.status.{r['status']}", lang),
        )
        for _, r in actions.head(MAX_ROWS).iterrows()
    )
    columns = tuple(t(f"rapat.actions.col.{c}", lang) for c in ("title", "owner", "due", "status"))
    return SlideTable(columns, rows, (False, False, False, False), essential=(True, False, False, True))


def actions_slide(query: Query, ctx: DeckContext) -> Slide:
    """How many items are open and overdue as the tracker stands today, and the first of them."""
    lang = ctx.lang
    title = t("rapat.slide.actions", lang)
    ordered = tracker(query("collab_actions", kode_kab=ctx.kode_kab), ctx.today)
    actions = ordered[ordered["status"].isin(OPEN_STATUSES)]
    if actions.empty:
        return Slide(key="actions", title=title, notes=(t("rapat.actions.none", lang),))
    cited = [*actions["source_short"].dropna(), *actions["meeting_ref"].dropna()]
    # items a meeting typed in are the region's own records; the research's recommendations are published
    kind = "published" if (actions["origin"] == "research").all() else "upload"
    prov = Provenance(kind, "; ".join(dict.fromkeys([*cited, t("rapat.actions.tracker", lang)])), ctx.today)
    notes = (t("rapat.actions.more", lang, more=len(actions) - MAX_ROWS),) if len(actions) > MAX_ROWS else ()
    return Slide(
        key="actions",
        title=title,
        figures=(
            slide_figure(t("rapat.actions.open", lang), fmt.number(len(actions), lang), prov, lang),
            slide_figure(t("rapat.actions.overdue", lang), fmt.number(int(actions["overdue"].sum()), lang), prov, lang),
        ),
        table=action_table(actions, lang),
        notes=notes,
        sources=sources_of([prov]),
        as_of=as_of_of([prov], lang),
    )
