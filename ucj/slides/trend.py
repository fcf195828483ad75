"""The trend slide: participants month by month per segment, and how much each series moved."""

from __future__ import annotations

import pandas as pd

from ucj import fmt
from ucj.figures import row_provenance
from ucj.i18n import t
from ucj.provenance import combine
from ucj.slides.charts import LANDSCAPE, PORTRAIT, series_chart
from ucj.slides.model import DeckContext, Query, Slide, SlideFigure, as_of_of, slide_figure, sources_of

ESTIMATE_MARK = "≈"


def series_label(segment: str, status: str, lang: fmt.Lang) -> str:
    """'BPU · aktif': the segment's short name and the status counted."""
    name = t("segment.ALL" if segment == "ALL" else f"segment_short.{segment}", lang)
    return f"{name} · {t(f'status.{status}', lang)}"


def one_series_per_segment(rows: pd.DataFrame) -> pd.DataFrame:
    """Active participants where a segment has them, else registered ones (as the headline does)."""
    has_active = rows.groupby("segment")["status"].transform(lambda s: (s == "active").any())
    return rows[(rows["status"] == "active") | ~has_active]


def change_text(first: float, last: float, lang: fmt.Lang) -> str:
    """'−855 (−23,5 %)': the difference with its sign, and relative to the first value."""
    diff = last - first
    sign = "+" if diff > 0 else ("−" if diff < 0 else "")
    relative = f"{sign}{fmt.percent(abs(diff) / first, lang)}" if first else fmt.MISSING[lang]
    return f"{sign}{fmt.number(abs(diff), lang)} ({relative})"


def _month(value: object, lang: fmt.Lang, short: bool = False) -> str:
    return fmt.month(pd.Timestamp(value).date(), lang, short=short)


def trend_slide(query: Query, ctx: DeckContext) -> Slide:
    """Per segment the latest count and its change since the first month; the series as a chart."""
    lang = ctx.lang
    rows = one_series_per_segment(query("region_participant_series", kode_kab=ctx.kode_kab))
    provenances = [row_provenance(r) for _, r in rows.iterrows()]
    figures: list[SlideFigure] = []
    points: list[dict] = []
    for (segment, status), series in rows.groupby(["segment", "status"], sort=False):
        label = series_label(segment, status, lang)
        first, last = series.iloc[0], series.iloc[-1]
        detail = None
        if len(series) > 1:
            estimated = combine(first["kind"], last["kind"]) == "estimate"
            change = change_text(first["persons"], last["persons"], lang)
            detail = t("rapat.trend.since", lang, change=change, since=_month(first["period"], lang))
            detail = f"{ESTIMATE_MARK} {detail}" if estimated else detail
            points += [
                {
                    "series": label,
                    "month": _month(r["period"], lang, short=True),
                    "order": pd.Timestamp(r["period"]).isoformat(),
                    "persons": int(r["persons"]),
                    "estimate": r["kind"] == "estimate",
                }
                for _, r in series.iterrows()
            ]
        figures.append(slide_figure(label, fmt.number(last["persons"], lang), row_provenance(last), lang, detail))
    y_title = t("rapat.trend.y_title", lang)
    if not points:
        notes = (t("rapat.trend.no_series", lang),)
    elif any(p["estimate"] for p in points):
        notes = (t("rapat.trend.hollow_is_estimate", lang),)
    else:
        notes = ()
    return Slide(
        key="trend",
        title=t("rapat.slide.trend", lang),
        figures=tuple(figures),
        chart=series_chart(points, y_title, LANDSCAPE) if points else None,
        chart_portrait=series_chart(points, y_title, PORTRAIT) if points else None,
        notes=notes,
        sources=sources_of(provenances),
        as_of=as_of_of(provenances, lang),
    )
