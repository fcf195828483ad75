"""Where things go on a printed slide (PDF page or PowerPoint slide): one geometry for both exports.

A 16:9 page the size of PowerPoint's widescreen slide, in millimetres; the exporters only draw
into these boxes, so the PDF and the PowerPoint file put the same things in the same places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ucj.slides.model import Slide, SlideTable

PAGE_W, PAGE_H = 338.67, 190.5  # 13.333 × 7.5 inches
MARGIN = 12.0
GAP = 4.0
FIGURE_H = 25.0
FIGURE_H_ALONE = 40.0  # a slide of figures only gives them the room
FOOTER_H = 13.0
NOTE_LINE_H = 4.2
NOTE_CHARS_PER_LINE = 170  # at 9 pt across the page
PICTURE_SHARE = 0.58  # of the width, when a picture and a table share a row
VALUE_PT = 24.0
VALUE_PT_ALONE = 34.0
AVERAGE_GLYPH_EM = 0.7  # a DejaVu Sans Bold digit is 0.696 em wide
MM_PER_PT = 25.4 / 72


# Colours of the printed slide (the screen's are in slide.css): text, panels, and the bar that
# marks a figure's kind.
INK, SOFT, MUTED, FAINT = "1A1A1A", "333333", "4D4D4D", "404040"
TITLE, PANEL, HEADER, RULE, WHITE = "08306B", "F5F7FA", "EEF2F7", "D0D0D0", "FFFFFF"
KIND_COLOURS = {"published": "1B7837", "estimate": "D95F02", "upload": "2166AC", None: "8C8C8C"}


def rgb(colour: str) -> tuple[int, int, int]:
    """'1B7837' → (27, 120, 55)."""
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class PageLayout:
    title: Box
    meta: Box
    figures: tuple[Box, ...]
    value_pt: float  # the largest type size of a figure
    picture: Box | None
    table: Box | None
    notes: Box | None
    footer: Box


def figure_columns(count: int) -> int:
    """As on screen: one row of up to three, four as two pairs, five or six in rows of three."""
    return {1: 1, 2: 2, 4: 2}.get(count, 3)


def value_size(text: str, width_mm: float, largest: float = VALUE_PT) -> float:
    """The figure's type size in points, smaller for a long figure so it stays on one line in its box."""
    fits = (width_mm - 4) / (max(len(text), 1) * AVERAGE_GLYPH_EM * MM_PER_PT)
    return min(largest, math.floor(fits * 2) / 2)


def page_layout(slide: Slide, has_picture: bool) -> PageLayout:
    inner_w = PAGE_W - 2 * MARGIN
    figures: list[Box] = []
    top = 31.0
    alone = not (has_picture or slide.table)
    height = FIGURE_H_ALONE if alone else FIGURE_H
    if slide.figures:
        cols = figure_columns(len(slide.figures))
        width = (inner_w - GAP * (cols - 1)) / cols
        for i in range(len(slide.figures)):
            row, col = divmod(i, cols)
            figures.append(Box(MARGIN + col * (width + GAP), top + row * (height + GAP), width, height))
        top = figures[-1].y + height + GAP + 1
    footer = Box(MARGIN, PAGE_H - FOOTER_H - 3, inner_w, FOOTER_H)
    note_lines = sum(math.ceil(len(n) / NOTE_CHARS_PER_LINE) for n in slide.notes)
    notes = None
    bottom = footer.y - 2
    if note_lines:
        notes = Box(MARGIN, bottom - note_lines * NOTE_LINE_H, inner_w, note_lines * NOTE_LINE_H)
        bottom = notes.y - 2
    picture = table = None
    room = bottom - top
    if has_picture and slide.table:
        picture = Box(MARGIN, top, inner_w * PICTURE_SHARE, room)
        table = Box(MARGIN + picture.w + 2 * GAP, top, inner_w - picture.w - 2 * GAP, room)
    elif has_picture:
        picture = Box(MARGIN, top, inner_w, room)
    elif slide.table:
        table = Box(MARGIN, top, inner_w, room)
    return PageLayout(
        title=Box(MARGIN, 9, inner_w, 14),
        meta=Box(MARGIN, 23, inner_w, 6),
        figures=tuple(figures),
        value_pt=VALUE_PT_ALONE if alone else VALUE_PT,
        picture=picture,
        table=table,
        notes=notes,
        footer=footer,
    )


def column_weights(table: SlideTable) -> tuple[int, ...]:
    """Relative column widths from the longest cell of each column, within bounds so none starves."""
    return tuple(min(max(max(len(cell) for cell in column), 6), 40) for column in zip(table.columns, *table.rows))
