"""The take-away pack, read back: the PDF with pypdf, the PowerPoint with python-pptx."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from ucj.db import Database
from ucj.i18n import t
from ucj.slides import export_pdf, images
from ucj.slides.charts import SCHEMA
from ucj.slides.export_pdf import MissingFont, pdf_bytes
from ucj.slides.export_pptx import pptx_bytes
from ucj.slides.model import DeckContext
from ucj.slides.registry import SLIDES, build_deck

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def padang(demo_db: Path):
    db = Database(demo_db)
    built = build_deck(list(SLIDES), db.query, DeckContext("13.71", "Kota Padang", "id", TODAY))
    db.close()
    return built


@pytest.fixture(scope="module")
def pdf(padang) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes(padang)))


@pytest.fixture(scope="module")
def pptx(padang):
    return Presentation(io.BytesIO(pptx_bytes(padang)))


def page_texts(reader: PdfReader) -> list[str]:
    # pypdf may break a line anywhere; compare text with the breaks taken out
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def slide_texts(presentation) -> list[str]:
    texts = []
    for slide in presentation.slides:
        parts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        for shape in slide.shapes:
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        texts.append(" ".join(" ".join(parts).split()))
    return texts


# What each slide of the Padang pack must say, in Indonesian format.
EXPECTED = {
    "headline": ["31,5 %", "426.765", "134.249", "52,15 %", "Perkiraan · 2024 · Trimaulina"],
    "map": ["Kecamatan di bawah target", "11 dari 11", "Bungus Teluk Kabung", "Data per Januari 2024"],
    "trend": ["2.784", "−855 (−23,5 %) sejak Januari 2024", "Titik kosong adalah perkiraan"],
    "budget": ["3.670", "Rp 16.800", "Rp 739.872.000", "PP 44/2015", "Data per Desember 2024"],
    "scorecard": [" / 5", "Indikator terlemah"],
    "actions": ["Tindak lanjut terbuka", "Data per 23 November 2026"],
}


def test_pdf_has_one_page_per_slide_with_title_figures_sources_and_date(padang, pdf):
    texts = page_texts(pdf)
    assert len(texts) == len(padang.slides) == len(EXPECTED)
    for number, (slide, text) in enumerate(zip(padang.slides, texts), start=1):
        assert slide.title in text
        assert f"Kota Padang · Slide {number} dari 6" in text
        assert "Sumber: " in text and "Data per " in text, slide.key
        assert "Dibuat 23 November 2026" in text
        for source in slide.sources:
            assert " ".join(source.split()) in text, (slide.key, source)
        for expected in EXPECTED[slide.key]:
            assert expected in text, (slide.key, expected)


def test_pdf_pages_are_widescreen_and_maps_and_charts_are_pictures(padang, pdf):
    for slide, page in zip(padang.slides, pdf.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert round(width / height, 2) == 1.78  # 16:9
        assert (len(page.images) > 0) == (slide.chart is not None), slide.key
    assert pdf.metadata.title == "Rapat · Kota Padang"


def test_pptx_has_the_same_slides_titles_figures_and_sources(padang, pptx):
    assert len(pptx.slides) == len(padang.slides)
    assert round(pptx.slide_width / pptx.slide_height, 2) == 1.78
    for slide, page, text in zip(padang.slides, pptx.slides, slide_texts(pptx)):
        assert page.shapes.title.text == slide.title
        assert "Sumber: " in text and "Data per " in text, slide.key
        for figure in slide.figures:
            assert figure.value in text and figure.label in text
        for expected in EXPECTED[slide.key]:
            assert expected in text, (slide.key, expected)
        pictures = [s for s in page.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert (len(pictures) == 1) == (slide.chart is not None), slide.key
        notes = page.notes_slide.notes_text_frame.text
        assert all(figure.provenance in notes for figure in slide.figures), slide.key


def test_pptx_keeps_every_shape_on_the_slide(pptx):
    for page in pptx.slides:
        for shape in page.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= pptx.slide_width + Emu(1)
            assert shape.top + shape.height <= pptx.slide_height + Emu(1), shape.name


def test_the_pack_follows_the_chosen_order_and_language(demo_db):
    db = Database(demo_db)
    built = build_deck(["budget", "headline"], db.query, DeckContext("13.03", "Kabupaten Sijunjung", "en", TODAY))
    db.close()
    texts = page_texts(PdfReader(io.BytesIO(pdf_bytes(built))))
    assert t("rapat.slide.budget", "en") in texts[0]
    assert t("rapat.slide.headline", "en") in texts[1]
    assert "Sources: " in texts[0] and "Data as of " in texts[0]
    assert "122,666" in texts[1]  # Sijunjung's labour force, English separators
    assert "no data" in texts[1]  # the sources give no active participants: said, not 0
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(pptx_bytes(built))).slides]
    assert titles == [t("rapat.slide.budget", "en"), t("rapat.slide.headline", "en")]


def test_pdf_without_the_dejavu_font_says_which_package_is_missing(padang, monkeypatch, tmp_path):
    monkeypatch.setattr(export_pdf, "FONT_DIR", tmp_path)
    with pytest.raises(MissingFont, match="fonts-dejavu-core"):
        pdf_bytes(padang)


def test_charts_never_fetch_anything():
    spec = {"$schema": SCHEMA, "data": {"url": "https://example.org/data.csv"}, "mark": "point"}
    with pytest.raises(ValueError, match="not allowed"):
        images.png(spec, "id")
