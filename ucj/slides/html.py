"""A slide as HTML for the screen: the same Slide the exports print, laid out with ucj/slides/slide.css.

Every size in the stylesheet follows the slide's box (CSS container units), so one layout serves a
projector at 1280×720, a phone held upright and the small preview on the editing page.
"""

from __future__ import annotations

import html
from functools import cache

from ucj.fmt import Lang
from ucj.paths import ROOT
from ucj.slides.model import Slide, SlideFigure, SlideTable, footer_lines

STYLESHEET = ROOT / "ucj" / "slides" / "slide.css"


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def _e(text: object) -> str:
    return html.escape(str(text))


def _figure(f: SlideFigure) -> str:
    detail = f'<div class="detail">{_e(f.detail)}</div>' if f.detail else ""
    # --chars lets the stylesheet shrink a long figure to its box
    value = f'<div class="value" style="--chars: {len(f.value)}">{_e(f.value)}</div>'
    return (
        f'<div class="figure kind-{f.kind or "none"}"><div class="label">{_e(f.label)}</div>'
        f'{value}{detail}<div class="provenance">{_e(f.provenance)}</div></div>'
    )


def _table(table: SlideTable) -> str:
    classes = [
        ("num" if numeric else "text") + ("" if essential else " optional")
        for numeric, essential in zip(table.numeric, table.essential or [True] * len(table.columns))
    ]

    def cells(tag: str, row: tuple[str, ...]) -> str:
        return "".join(f'<{tag} class="{c}">{_e(value)}</{tag}>' for value, c in zip(row, classes))

    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in table.rows)
    return (
        f'<table class="slide-table"><thead><tr>{cells("th", table.columns)}</tr></thead><tbody>{body}</tbody></table>'
    )


def _picture(landscape: str, portrait: str | None, alt: str) -> str:
    """The chart, and its layout for an upright slide box when it has one (slide.css shows one of the two)."""
    if portrait is None:
        return f'<div class="picture"><img src="{landscape}" alt="{_e(alt)}"></div>'
    return (
        f'<div class="picture two"><img class="landscape" src="{landscape}" alt="{_e(alt)}">'
        f'<img class="portrait" src="{portrait}" alt="{_e(alt)}"></div>'
    )


def slide_html(slide: Slide, meta: str, lang: Lang, pictures: tuple[str, str | None] | None = None) -> str:
    """The slide's markup under its title and `meta` line; `pictures` are its chart (landscape,
    portrait) as data: URIs, drawn by the caller."""
    parts = []
    if slide.figures:
        parts.append(f'<div class="figures n{len(slide.figures)}">{"".join(_figure(f) for f in slide.figures)}</div>')
    visuals = []
    if pictures:
        visuals.append(_picture(*pictures, slide.title))
    if slide.table:
        visuals.append(f'<div class="table-box">{_table(slide.table)}</div>')
    if visuals:
        parts.append(f'<div class="visuals n{len(visuals)}">{"".join(visuals)}</div>')
    if slide.notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in slide.notes) + "</ul>")
    sources, as_of = footer_lines(slide, lang)
    return (
        f'<section class="ucj-slide" data-slide="{_e(slide.key)}">'
        f'<header><h1>{_e(slide.title)}</h1><p class="meta">{_e(meta)}</p></header>'
        f'<div class="body{"" if visuals else " figures-only"}">{"".join(parts)}</div>'
        f'<footer><span class="sources">{_e(sources)}</span><span class="as-of">{_e(as_of)}</span></footer>'
        "</section>"
    )
