"""Vega-Lite specs for slides, with their data inline, sized for a 16:9 slide.

Every label in a spec is formatted in Python through ucj.fmt (months, figures); axis numbers use
a d3 number locale built from Babel's symbols, so charts and text agree on separators.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from babel.numbers import get_decimal_symbol, get_group_symbol

from ucj.fmt import Lang, babel_locale
from ucj.slides.model import VegaLite

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # an identifier only: nothing is fetched
FONT = "DejaVu Sans"


@dataclass(frozen=True)
class Canvas:
    """A picture's size in pixels at scale 1; exports render at twice this, the screen scales it."""

    width: int
    height: int

    @property
    def portrait(self) -> bool:
        return self.height > self.width


LANDSCAPE = Canvas(960, 400)  # the picture area of a 16:9 slide
PORTRAIT = Canvas(360, 440)  # the same on a phone held upright: panels stacked, legend below
ESTIMATE_FILL = "#ffffff"
SERIES_COLOUR = "#225ea8"
CONFIG: dict[str, Any] = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 15, "titleFontSize": 15, "labelColor": "#222", "titleColor": "#222"},
    "header": {"labelFontSize": 17, "labelFontWeight": "bold"},
    "legend": {"labelFontSize": 15, "titleFontSize": 15, "symbolSize": 260, "symbolType": "square", "labelLimit": 420},
    "background": "#ffffff",
}


def number_locale(lang: Lang) -> dict[str, Any]:
    """A d3-format locale from Babel's decimal and grouping symbols for `lang`."""
    locale = babel_locale(lang)
    return {
        "decimal": get_decimal_symbol(locale),
        "thousands": get_group_symbol(locale),
        "grouping": [3],
        "currency": ["Rp ", ""],
    }


def series_chart(points: Sequence[dict[str, Any]], y_title: str, canvas: Canvas = LANDSCAPE) -> VegaLite:
    """Small multiples, one panel per series (own y scale: PU and BPU differ a hundredfold).

    Each point: series, month (label), order (sorts the months), persons, estimate (bool).
    Estimated points are hollow. Panels sit side by side, or stacked on a portrait canvas.
    """
    series = list(dict.fromkeys(p["series"] for p in points))
    months = list(dict.fromkeys(p["month"] for p in sorted(points, key=lambda p: p["order"])))
    n = max(1, len(series))
    if canvas.portrait:  # panel titles above each panel, no axis title: the slide's width is precious
        facet, width, height = "row", canvas.width - 70, max(110, canvas.height // n - 80)
        header, axis_title = {"labelAngle": 0, "labelOrient": "top", "labelAnchor": "start"}, None
    else:
        facet, width, height = "column", max(160, (canvas.width - 60 * n) // n), canvas.height - 90
        header, axis_title = {}, y_title
    # month labels fit side by side only while there is room for about six per panel
    angle = 0 if len(months) * (1 if canvas.portrait else n) <= (3 if canvas.portrait else 6) else -40
    return {
        "$schema": SCHEMA,
        "data": {"values": list(points)},
        "facet": {facet: {"field": "series", "type": "nominal", "sort": series, "title": None, "header": header}},
        "spec": {
            "width": width,
            "height": height,
            "layer": [
                {"mark": {"type": "line", "strokeWidth": 3, "color": SERIES_COLOUR}},
                {
                    "mark": {"type": "point", "size": 160, "strokeWidth": 3, "color": SERIES_COLOUR, "opacity": 1},
                    "encoding": {
                        "fill": {
                            "condition": {"test": "datum.estimate", "value": ESTIMATE_FILL},
                            "value": SERIES_COLOUR,
                        }
                    },
                },
            ],
            "encoding": {
                "x": {
                    "field": "month",
                    "type": "ordinal",
                    "sort": months,
                    "title": None,
                    "axis": {"labelAngle": angle},
                },
                "y": {
                    "field": "persons",
                    "type": "quantitative",
                    "title": axis_title,
                    "scale": {"zero": False},
                    "axis": {"format": ",d", "tickCount": 4 if canvas.portrait else 5},
                },
            },
        },
        "resolve": {"scale": {"y": "independent", "x": "independent"}},
        "config": CONFIG,
    }


def class_map(
    features: Sequence[dict[str, Any]], legend: Sequence[tuple[str, str]], title: str, canvas: Canvas = LANDSCAPE
) -> VegaLite:
    """A choropleth of GeoJSON features whose properties carry `label` (their class) and `estimate`.

    `legend` pairs (colour, class label), highest class first; estimated areas get a dashed
    outline (a picture cannot hatch), which the slide's note explains. The legend stands right
    of the map, or under it on a portrait canvas.
    """
    colours = [c for c, _ in legend]
    labels = [label for _, label in legend]
    if canvas.portrait:
        legend_rows = math.ceil(len(labels) / 2)
        size = {"width": canvas.width, "height": canvas.height - 30 - 24 * legend_rows}
        placement = {"orient": "bottom", "direction": "vertical", "columns": 2}
    else:
        size = {"width": canvas.width - 320, "height": canvas.height}
        placement = {"orient": "right"}
    return {
        "$schema": SCHEMA,
        **size,
        "data": {
            "values": {"type": "FeatureCollection", "features": list(features)},
            "format": {"type": "json", "property": "features"},
        },
        "projection": {"type": "mercator"},
        "mark": {"type": "geoshape", "stroke": "#4d4d4d", "strokeWidth": 0.8},
        "encoding": {
            "color": {
                "field": "properties.label",
                "type": "nominal",
                "scale": {"domain": labels, "range": colours},
                "legend": {"title": title, **placement},
            },
            "strokeDash": {
                "condition": {"test": "datum.properties.estimate", "value": [4, 3]},
                "value": [1, 0],
            },
        },
        "config": CONFIG,
    }
