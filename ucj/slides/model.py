"""A slide as plain data: the screen, the PDF and the PowerPoint lay out the same values.

Builders return slides with every number already formatted for the deck's language, so the three
renderers only arrange text, a table and one picture; none of them formats or computes anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ucj import fmt
from ucj.db import Query as Query  # the slide modules take it from here
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.provenance import Kind, Provenance

VegaLite = dict[str, Any]
MAX_FIGURES = 6  # two rows of three: what a projector, a phone and a printed page all hold


@dataclass(frozen=True)
class DeckContext:
    """Who the deck is for: the region, the language, the day it is made, and a calculator scenario."""

    kode_kab: str
    region_name: str
    lang: Lang
    today: dt.date
    scenario: str | None = None  # a scenario shared from Kalkulator Subsidi (its `s` link parameter)


@dataclass(frozen=True)
class SlideFigure:
    """A big number with its label, its provenance line (kind · date · source) and an optional detail."""

    label: str
    value: str
    kind: Kind | None  # None: the sources give nothing
    provenance: str
    detail: str | None = None  # e.g. the change since the first month


@dataclass(frozen=True)
class SlideTable:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns
    essential: tuple[bool, ...] | None = None  # the columns a phone held upright keeps (None: all)

    def __post_init__(self) -> None:
        widths = {len(self.numeric), len(self.essential or self.columns), *(len(r) for r in self.rows)}
        if widths != {len(self.columns)}:
            raise ValueError("every table row must be as long as its list of columns")


@dataclass(frozen=True)
class Slide:
    """One slide; `chart` is a Vega-Lite spec with its data inline, drawn as a picture everywhere.

    `chart_portrait` draws the same data laid out for a phone held upright (the screen picks it).
    """

    key: str
    title: str
    figures: tuple[SlideFigure, ...] = ()
    table: SlideTable | None = None
    chart: VegaLite | None = None
    chart_portrait: VegaLite | None = None
    notes: tuple[str, ...] = ()  # no-data statements and the rules behind estimates
    sources: tuple[str, ...] = ()
    as_of: str | None = None  # the date the data stand at, as worded for the reader

    def __post_init__(self) -> None:
        if len(self.figures) > MAX_FIGURES:
            raise ValueError(f"slide {self.key}: {len(self.figures)} figures, at most {MAX_FIGURES}")


@dataclass(frozen=True)
class Deck:
    context: DeckContext
    slides: tuple[Slide, ...] = field(default_factory=tuple)

    def meta_line(self, number: int) -> str:
        return meta_line(self.context, number, len(self.slides))

    def made_on(self) -> str:
        return fmt.date(self.context.today, self.context.lang)


def meta_line(ctx: DeckContext, number: int, count: int) -> str:
    """'Kota Padang · Slide 2 dari 6', under every slide's title."""
    return f"{ctx.region_name} · {t('rapat.slide_of', ctx.lang, number=number, count=count)}"


def footer_lines(slide: Slide, lang: Lang) -> tuple[str, str]:
    """'Sumber: A; B' and 'Data per Juni 2024', as every renderer prints them."""
    sources = "; ".join(slide.sources) or t("rapat.no_source", lang)
    as_of = f"{t('rapat.as_of', lang)} {slide.as_of}" if slide.as_of else t("rapat.as_of_none", lang)
    return f"{t('rapat.sources', lang)}: {sources}", as_of


def slide_figure(
    label: str, value: str, provenance: Provenance | None, lang: Lang, detail: str | None = None
) -> SlideFigure:
    """A figure whose provenance line reads 'Perkiraan · Agustus 2023 · Trimaulina …'."""
    if provenance is None:
        return SlideFigure(label, value, None, t("figure.no_source", lang), detail)
    return SlideFigure(label, value, provenance.kind, provenance.label(lang), detail)


def sources_of(provenances: Iterable[Provenance | None]) -> tuple[str, ...]:
    """Each source once, in the order first cited; a combined 'A; B' source counts as both."""
    seen: dict[str, None] = {}
    for prov in provenances:
        if prov is not None:
            for source in prov.source.split("; "):
                seen.setdefault(source, None)
    return tuple(seen)


def as_of_of(provenances: Iterable[Provenance | None], lang: Lang) -> str | None:
    """The period of the newest figure, as precisely as its source states it ('Juni 2024', '2023')."""
    dated = [p for p in provenances if p is not None and p.as_of is not None]
    if not dated:
        return None
    newest = max(dated, key=lambda p: p.as_of_end or p.as_of)
    return fmt.period(newest.as_of, newest.as_of_end, lang)
