"""The scorecard slide: per framework the mean score of the region's latest round, weakest indicators first.

Rounds, changes and the weakest-first order come from the collaboration page's own rules
(ucj.collab.scoring), so the slide and Kolaborasi agree.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ucj import fmt
from ucj.collab.scoring import change_since, latest_round, mean_score, previous_round, weakest_first
from ucj.i18n import t
from ucj.provenance import Provenance
from ucj.slides.model import DeckContext, Query, Slide, SlideFigure, SlideTable, as_of_of, slide_figure, sources_of

WEAKEST = 5
MAX_SCORE = 5


def score_text(score: float, lang: fmt.Lang) -> str:
    """'3,2 / 5'."""
    return f"{fmt.number(score, lang, decimals=1)} / {MAX_SCORE}"


def change_text(change: float, lang: fmt.Lang) -> str:
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    return f"{sign}{fmt.number(abs(change), lang, decimals=1)}"


def round_provenance(round_row: pd.Series, lang: fmt.Lang) -> Provenance:
    """A round read from a research text is our reading of it (an estimate); a meeting's round is its own record."""
    day = pd.Timestamp(round_row["round_date"]).date()
    # the seeds date a text known only by its year at 1 January (as FIGURES.md does): it stands for the year
    end = dt.date(day.year, 12, 31) if (day.month, day.day) == (1, 1) else None
    if round_row["kind"] != "derived":
        return Provenance("upload", t("rapat.scorecard.entered", lang), day, end)
    method = t("rapat.scorecard.derived", lang)
    if isinstance(round_row["date_text"], str):
        method = f"{method} ({round_row['date_text']})"
    return Provenance("estimate", round_row["source_short"], day, end, method)


def framework_figure(
    rounds: pd.DataFrame, scores: pd.DataFrame, name: str, lang: fmt.Lang
) -> tuple[SlideFigure, Provenance, pd.DataFrame]:
    """The framework's latest round: its mean score, the change since the round before, its scores."""
    latest = latest_round(rounds)
    previous = previous_round(rounds, latest)
    change = change_since(scores, latest, previous)
    prov = round_provenance(rounds.set_index("round_id").loc[latest], lang)
    detail = None
    if previous is not None:
        before = scores.loc[scores["round_id"] == previous, "score"].mean()
        date = fmt.date(pd.Timestamp(rounds.set_index("round_id").loc[previous, "round_date"]).date(), lang)
        detail = t("rapat.scorecard.since", lang, change=change_text(mean_score(change) - before, lang), since=date)
    figure = slide_figure(name, score_text(mean_score(change), lang), prov, lang, detail)
    return figure, prov, change


def weakest_table(weakest: pd.DataFrame, lang: fmt.Lang) -> SlideTable:
    label = "label_id" if lang == "id" else "label_en"
    rows = tuple(
        (
            str(r[label]),
            str(r["framework"]),
            score_text(r["score"], lang),
            t("rapat.scorecard.new", lang) if pd.isna(r["change"]) else change_text(r["change"], lang),
        )
        for _, r in weakest.head(WEAKEST).iterrows()
    )
    columns = tuple(t(f"rapat.scorecard.col.{c}", lang) for c in ("indicator", "framework", "score", "change"))
    return SlideTable(columns, rows, (False, False, True, True), essential=(True, False, True, True))


def scorecard_slide(query: Query, ctx: DeckContext) -> Slide:
    """One figure per framework the region was assessed on (region-wide rounds), and the weakest indicators."""
    lang = ctx.lang
    title = t("rapat.slide.scorecard", lang)
    scores = query("collab_scores", kode_kab=ctx.kode_kab)
    rounds = query("collab_rounds", kode_kab=ctx.kode_kab)
    rounds = rounds[rounds["stakeholder_id"].isna() & rounds["round_id"].isin(scores["round_id"])]
    if rounds.empty:
        return Slide(key="scorecard", title=title, notes=(t("rapat.scorecard.none", lang),))
    frameworks = query("collab_frameworks").set_index("framework_id")
    names = frameworks["name_id" if lang == "id" else "name_en"]
    labels = scores.drop_duplicates("indicator_id").set_index("indicator_id")
    figures, provenances, changes = [], [], []
    for framework_id in (f for f in frameworks.index if f in set(rounds["framework_id"])):
        figure, prov, change = framework_figure(
            rounds[rounds["framework_id"] == framework_id], scores, names[framework_id], lang
        )
        figures.append(figure)
        provenances.append(prov)
        changes.append(
            weakest_first(change, labels["position"])
            .join(labels[["label_id", "label_en"]], on="indicator_id")
            .assign(framework=names[framework_id])
        )
    weakest = pd.concat(changes).sort_values("score", kind="stable")
    return Slide(
        key="scorecard",
        title=title,
        figures=tuple(figures),
        table=weakest_table(weakest, lang),
        sources=sources_of(provenances),
        as_of=as_of_of(provenances, lang),
    )
