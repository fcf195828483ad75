"""The deck as a PDF (fpdf2): one 16:9 page per slide, text in DejaVu Sans so every rupiah sign,
'≈' and '–' prints, the chart or map as the same picture vl-convert draws for PowerPoint."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF, FontFace

from ucj.i18n import t
from ucj.slides import images
from ucj.slides.layout import (
    FAINT,
    HEADER,
    INK,
    KIND_COLOURS,
    MARGIN,
    MUTED,
    PAGE_H,
    PAGE_W,
    PANEL,
    RULE,
    SOFT,
    TITLE,
    WHITE,
    Box,
    column_weights,
    page_layout,
    rgb,
    value_size,
)
from ucj.slides.model import Deck, Slide, SlideFigure, footer_lines

FONT_DIR = images.FONT_DIR
FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


class MissingFont(RuntimeError):
    """fonts-dejavu-core is not installed (apt-get install fonts-dejavu-core)."""


def _new_pdf(deck: Deck) -> FPDF:
    pdf = FPDF(orientation="L", unit="mm", format=(PAGE_H, PAGE_W))
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    for style, name in FONT_FILES.items():
        path = Path(FONT_DIR) / name
        if not path.is_file():
            raise MissingFont(f"{path} is missing: install the Debian package fonts-dejavu-core")
        pdf.add_font(FONT, style, str(path))
    ctx = deck.context
    pdf.set_title(f"{t('nav.rapat', ctx.lang)} · {ctx.region_name}")
    pdf.set_lang(ctx.lang)
    pdf.set_creator(t("app.title", ctx.lang))
    return pdf


def _text(pdf: FPDF, box: Box, text: str, size: float, style: str = "", colour: str = INK, align: str = "L") -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*rgb(colour))
    pdf.set_xy(box.x, box.y)
    pdf.multi_cell(box.w, size * 0.45, text, align=align, new_x="LEFT", new_y="NEXT")


def _figure(pdf: FPDF, box: Box, figure: SlideFigure, largest: float) -> None:
    pdf.set_fill_color(*rgb(PANEL))
    pdf.rect(box.x, box.y, box.w, box.h, style="F")
    pdf.set_fill_color(*rgb(KIND_COLOURS[figure.kind]))
    pdf.rect(box.x, box.y, 1.2, box.h, style="F")
    inner = Box(box.x + 3, box.y + 1.5, box.w - 4, box.h)
    _text(pdf, inner, figure.label, 9.5, colour=SOFT)
    size = value_size(figure.value, inner.w, largest)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*rgb(INK))
    pdf.set_x(inner.x)
    pdf.cell(inner.w, size * 0.42, figure.value, new_x="LEFT", new_y="NEXT")
    if figure.detail:
        _text(pdf, Box(inner.x, pdf.get_y(), inner.w, 4), figure.detail, 8.5, "B")
    _text(pdf, Box(inner.x, pdf.get_y(), inner.w, 4), figure.provenance, 7, colour=MUTED)


def _table(pdf: FPDF, box: Box, slide: Slide) -> None:
    table = slide.table
    pdf.set_font(FONT, "", 9.5)
    pdf.set_text_color(*rgb(INK))
    pdf.set_draw_color(*rgb(RULE))
    pdf.set_fill_color(*rgb(WHITE))  # a figure's colour bar must not paint the rows
    pdf.set_left_margin(box.x)
    pdf.set_xy(box.x, box.y)
    aligns = tuple("RIGHT" if numeric else "LEFT" for numeric in table.numeric)
    with pdf.table(
        width=box.w,
        col_widths=column_weights(table),
        text_align=aligns,
        align="LEFT",
        borders_layout="HORIZONTAL_LINES",
        headings_style=FontFace(emphasis="BOLD", fill_color=rgb(HEADER)),
        line_height=4.4,
        padding=1,
    ) as drawn:
        for row in (table.columns, *table.rows):
            drawn.row(row)
    pdf.set_left_margin(MARGIN)


def _page(pdf: FPDF, deck: Deck, number: int, slide: Slide) -> None:
    lang = deck.context.lang
    picture = images.png(slide.chart, lang) if slide.chart else None
    layout = page_layout(slide, picture is not None)
    pdf.add_page()
    _text(pdf, layout.title, slide.title, 22, "B", TITLE)
    _text(pdf, layout.meta, deck.meta_line(number), 10, colour=MUTED)
    for box, figure in zip(layout.figures, slide.figures):
        _figure(pdf, box, figure, layout.value_pt)
    if picture is not None:
        p = layout.picture
        pdf.image(io.BytesIO(picture), x=p.x, y=p.y, w=p.w, h=p.h, keep_aspect_ratio=True, alt_text=slide.title)
    if layout.table is not None:
        _table(pdf, layout.table, slide)
    if layout.notes is not None:
        _text(pdf, layout.notes, "\n".join(slide.notes), 8.5, colour=SOFT)
    sources, as_of = footer_lines(slide, lang)
    f = layout.footer
    pdf.set_draw_color(*rgb(RULE))
    pdf.line(f.x, f.y, f.x + f.w, f.y)
    _text(pdf, Box(f.x, f.y + 1.5, f.w * 0.72, f.h), sources, 7.5, colour=FAINT)
    made = t("rapat.made_on", lang, date=deck.made_on())
    _text(pdf, Box(f.x + f.w * 0.74, f.y + 1.5, f.w * 0.26, f.h), f"{as_of}\n{made}", 8, "B", align="R")


def pdf_bytes(deck: Deck) -> bytes:
    """The whole deck as one PDF file."""
    pdf = _new_pdf(deck)
    for number, slide in enumerate(deck.slides, start=1):
        _page(pdf, deck, number, slide)
    return bytes(pdf.output())
