"""The deck as a PowerPoint file (python-pptx): one widescreen slide per Slide, in the same boxes as
the PDF (ucj.slides.layout), the chart or map as the same vl-convert picture."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Mm, Pt

from ucj.i18n import t
from ucj.slides import images
from ucj.slides.layout import (
    FAINT,
    HEADER,
    INK,
    KIND_COLOURS,
    MUTED,
    PAGE_H,
    PAGE_W,
    PANEL,
    SOFT,
    TITLE,
    WHITE,
    Box,
    column_weights,
    page_layout,
    value_size,
)
from ucj.slides.model import Deck, Slide, SlideFigure, footer_lines

TITLE_ONLY = 5  # the default template's "Title Only" layout: a real title, so outlines and screen readers find it


@dataclass(frozen=True)
class Run:
    text: str
    size: float
    bold: bool = False
    colour: str = INK


def _fill(paragraph, run: Run, align: PP_ALIGN) -> None:
    paragraph.alignment = align
    r = paragraph.add_run()
    r.text = run.text
    r.font.size = Pt(run.size)
    r.font.bold = run.bold
    r.font.color.rgb = RGBColor.from_string(run.colour)


def _text(shapes, box: Box, runs: Sequence[Run], align: PP_ALIGN = PP_ALIGN.LEFT):
    """A text box holding one paragraph per run, wrapped to the box's width."""
    shape = shapes.add_textbox(Mm(box.x), Mm(box.y), Mm(box.w), Mm(box.h))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    for i, run in enumerate(runs):
        _fill(frame.paragraphs[0] if i == 0 else frame.add_paragraph(), run, align)
    return shape


def _rectangle(shapes, box: Box, colour: str) -> None:
    shape = shapes.add_shape(MSO_SHAPE.RECTANGLE, Mm(box.x), Mm(box.y), Mm(box.w), Mm(box.h))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(colour)
    shape.line.fill.background()


def _figure(shapes, box: Box, figure: SlideFigure, largest: float) -> None:
    _rectangle(shapes, box, PANEL)
    _rectangle(shapes, Box(box.x, box.y, 1.2, box.h), KIND_COLOURS[figure.kind])
    inner = Box(box.x + 3, box.y + 1.5, box.w - 4, box.h - 2)
    runs = [
        Run(figure.label, 10.5, colour=SOFT),
        Run(figure.value, value_size(figure.value, inner.w, largest), bold=True),
    ]
    if figure.detail:
        runs.append(Run(figure.detail, 9.5, bold=True))
    runs.append(Run(figure.provenance, 7.5, colour=MUTED))
    _text(shapes, inner, runs)


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR), to keep the picture's proportions."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _picture(shapes, box: Box, png: bytes, title: str) -> None:
    width, height = _png_size(png)
    scale = min(box.w / width, box.h / height)
    w, h = width * scale, height * scale
    picture = shapes.add_picture(
        io.BytesIO(png), Mm(box.x + (box.w - w) / 2), Mm(box.y + (box.h - h) / 2), Mm(w), Mm(h)
    )
    picture.name = title


def _table(shapes, box: Box, slide: Slide) -> None:
    data = slide.table
    rows = (data.columns, *data.rows)
    table = shapes.add_table(len(rows), len(data.columns), Mm(box.x), Mm(box.y), Mm(box.w), Mm(7 * len(rows))).table
    weights = column_weights(data)
    for i, weight in enumerate(weights):
        table.columns[i].width = Mm(box.w * weight / sum(weights))
    for r, row in enumerate(rows):
        table.rows[r].height = Mm(7)
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(HEADER if r == 0 else WHITE)
            cell.margin_top = cell.margin_bottom = Mm(0.8)
            paragraph = cell.text_frame.paragraphs[0]
            _fill(paragraph, Run(value, 10.5, bold=r == 0), PP_ALIGN.RIGHT if data.numeric[c] else PP_ALIGN.LEFT)


def _slide(prs: Presentation, deck: Deck, number: int, slide: Slide) -> None:
    lang = deck.context.lang
    png = images.png(slide.chart, lang) if slide.chart else None
    layout = page_layout(slide, png is not None)
    page = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    shapes = page.shapes
    title = shapes.title
    title.left, title.top, title.width, title.height = (Mm(v) for v in (layout.title.x, 6, layout.title.w, 17))
    title.text_frame.clear()
    _fill(title.text_frame.paragraphs[0], Run(slide.title, 28, bold=True, colour=TITLE), PP_ALIGN.LEFT)
    _text(shapes, layout.meta, [Run(deck.meta_line(number), 11, colour=MUTED)])
    for box, figure in zip(layout.figures, slide.figures):
        _figure(shapes, box, figure, layout.value_pt)
    if png is not None:
        _picture(shapes, layout.picture, png, slide.title)
    if layout.table is not None:
        _table(shapes, layout.table, slide)
    if layout.notes is not None:
        _text(shapes, layout.notes, [Run(n, 9.5, colour=SOFT) for n in slide.notes])
    sources, as_of = footer_lines(slide, lang)
    f = layout.footer
    _text(shapes, Box(f.x, f.y + 1.5, f.w * 0.72, f.h), [Run(sources, 8.5, colour=FAINT)])
    made = t("rapat.made_on", lang, date=deck.made_on())
    _text(
        shapes,
        Box(f.x + f.w * 0.74, f.y + 1.5, f.w * 0.26, f.h),
        [Run(as_of, 9, True), Run(made, 9, True)],
        PP_ALIGN.RIGHT,
    )
    # the speaker notes carry every figure's provenance, for whoever presents from the file
    page.notes_slide.notes_text_frame.text = "\n".join(
        [*(f"{fig.label}: {fig.value} — {fig.provenance}" for fig in slide.figures), sources, as_of]
    )


def pptx_bytes(deck: Deck) -> bytes:
    """The whole deck as one .pptx file."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Mm(PAGE_W), Mm(PAGE_H)
    ctx = deck.context
    prs.core_properties.title = f"{t('nav.rapat', ctx.lang)} · {ctx.region_name}"
    prs.core_properties.language = ctx.lang
    for number, slide in enumerate(deck.slides, start=1):
        _slide(prs, deck, number, slide)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
