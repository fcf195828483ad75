"""The region's headline figures: one call shared by the home page and the headline slide."""

from __future__ import annotations

from ucj.figures import Figure
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.region.headline import region_headline
from ucj.slides.model import DeckContext, Query, Slide, as_of_of, slide_figure, sources_of


def label(figure: Figure, lang: Lang) -> str:
    """The home page's label for a figure, with its qualifier ('· terdaftar') as the home page says it."""
    text = t(f"home.{figure.key}", lang)
    return f"{text} · {t(figure.qualifier, lang)}" if figure.qualifier else text


def headline_slide(query: Query, ctx: DeckContext) -> Slide:
    """Coverage against target first, then the counts behind it (the home page's top rows)."""
    h = region_headline(query, ctx.kode_kab)
    figures: tuple[Figure, ...] = (h.coverage, h.target, h.gap_points, h.workforce, h.active, h.gap_persons)
    provenances = [f.provenance for f in figures]
    return Slide(
        key="headline",
        title=t("rapat.slide.headline", ctx.lang),
        figures=tuple(slide_figure(label(f, ctx.lang), f.text(ctx.lang), f.provenance, ctx.lang) for f in figures),
        sources=sources_of(provenances),
        # the date of the measured figures: a target's year is not a date the data stand at
        as_of=as_of_of([h.coverage.provenance, h.workforce.provenance, h.active.provenance], ctx.lang),
    )
