"""Charts and maps drawn on the server by vl-convert, with no network at all.

vl-convert bundles Vega and Vega-Lite; `allowed_base_urls=[]` refuses any data URL, and the text
uses the DejaVu fonts from Debian's fonts-dejavu-core, so nothing is fetched.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path

import vl_convert

from ucj.fmt import Lang
from ucj.slides.charts import number_locale
from ucj.slides.model import VegaLite

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
EXPORT_SCALE = 2  # sharp on a projector and in print


@cache
def _fonts() -> None:
    if FONT_DIR.is_dir():
        vl_convert.register_font_directory(str(FONT_DIR))


@lru_cache(maxsize=64)
def _png(spec_json: str, lang: Lang, scale: float) -> bytes:
    _fonts()
    return vl_convert.vegalite_to_png(
        json.loads(spec_json), scale=scale, allowed_base_urls=[], format_locale=number_locale(lang)
    )


@lru_cache(maxsize=64)
def _svg(spec_json: str, lang: Lang) -> str:
    _fonts()
    return vl_convert.vegalite_to_svg(json.loads(spec_json), allowed_base_urls=[], format_locale=number_locale(lang))


def png(spec: VegaLite, lang: Lang, scale: float = EXPORT_SCALE) -> bytes:
    """The chart as a PNG (for PDF and PowerPoint)."""
    return _png(json.dumps(spec, sort_keys=True), lang, scale)


def svg(spec: VegaLite, lang: Lang) -> str:
    """The chart as SVG text (for the screen: it scales to any viewport)."""
    return _svg(json.dumps(spec, sort_keys=True), lang)
