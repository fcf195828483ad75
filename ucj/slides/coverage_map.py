"""The coverage-map slide: kecamatan coloured by coverage class, with the lowest ones listed.

The figures come from the map page's own rules (ucj.map.coverage_metrics, ucj.map.metric_style), so the
slide shows the same classes and values as Peta Cakupan for the latest month with data.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import reduce

import pandas as pd
import shapely

from ucj import fmt
from ucj.disclosure import SUPPRESSED
from ucj.figures import Figure, published_decimals
from ucj.i18n import t
from ucj.map.classify import MISSING_COLOUR, Classes
from ucj.map.coverage_metrics import Part, Selection, area_values, default_month, ranking, read_inputs, target_for
from ucj.map.geometry import FeatureCollection, feature_collection
from ucj.map.metric_style import classes_for, formatter
from ucj.map.public_export import withheld
from ucj.provenance import Provenance, combine, kind_label
from ucj.slides.charts import LANDSCAPE, PORTRAIT, class_map
from ucj.slides.model import DeckContext, Query, Slide, SlideFigure, SlideTable, as_of_of, slide_figure, sources_of

LEVEL = "kecamatan"
LOWEST = 5


def legend(classes: Classes, lang: fmt.Lang, missing: bool) -> list[tuple[str, str]]:
    """(colour, label) per class, highest first, the target break named, 'tidak ada data' last."""
    labels = list(classes.labels(formatter("coverage", lang), lang))
    for i in range(1, len(labels)):
        if classes.target is not None and classes.breaks[i - 1] == classes.target:
            labels[i] = f"{labels[i]} ({t('peta.legend.target', lang)})"
    rows = list(zip(classes.colours, labels))[::-1]
    return [*rows, (MISSING_COLOUR, fmt.MISSING[lang])] if missing else rows


def month_end(month: dt.date) -> dt.date:
    return (pd.Timestamp(month) + pd.offsets.MonthEnd(0)).date()


def value_provenance(row: pd.Series, month: dt.date) -> Provenance | None:
    """An area's figure: it stands at the month shown (coverage pairs it with the nearest workforce)."""
    if pd.isna(row["value"]):
        return None
    return Provenance(
        row["kind"], row["source"], month, month_end(month), None if pd.isna(row["method"]) else row["method"]
    )


def clockwise(geometry: dict) -> dict:
    """Rings wound clockwise: Vega (d3-geo) reads GeoJSON's counter-clockwise rings as the rest of the globe."""
    shape = shapely.orient_polygons(shapely.from_geojson(json.dumps(geometry)), exterior_cw=True)
    return json.loads(shapely.to_geojson(shape))


def coloured_features(
    features: FeatureCollection, values: pd.DataFrame, classes: Classes, lang: fmt.Lang
) -> list[dict]:
    """Each area with its class's legend label and whether its figure is an estimate."""
    by_kode = values.set_index("kode")
    labels = dict(legend(classes, lang, missing=True))
    out = []
    for feature in features["features"]:
        row = by_kode.loc[feature["properties"]["kode"]]
        value = None if pd.isna(row["value"]) else float(row["value"])
        properties = {"label": labels[classes.colour(value)], "estimate": row["kind"] == "estimate"}
        out.append({"type": "Feature", "properties": properties, "geometry": clockwise(feature["geometry"])})
    return out


def lowest_table(values: pd.DataFrame, names: dict[str, str], lang: fmt.Lang, withheld: set[str]) -> SlideTable | None:
    """The kecamatan with the lowest coverage, lowest first; a rate of 1–4 participants reads '<5'."""
    present = ranking(values, names).dropna(subset=["value"])
    if present.empty:
        return None
    lowest = present.sort_values(["value", "nama"]).head(LOWEST)
    rows = tuple(
        (
            str(r["nama"]),
            SUPPRESSED if r["kode"] in withheld else fmt.percent(r["value"], lang),
            kind_label(r["kind"], lang),
        )
        for _, r in lowest.iterrows()
    )
    columns = tuple(t(f"rapat.map.col.{c}", lang) for c in ("area", "coverage", "kind"))
    return SlideTable(columns, rows, (False, True, False), essential=(True, True, False))


def target_figures(
    target: Part, scope: str, values: pd.DataFrame, provenances: list[Provenance | None], lang: fmt.Lang
) -> tuple[Provenance, tuple[SlideFigure, SlideFigure]]:
    """The target the classes break at, and how many kecamatan are below it."""
    year_end = dt.date(target.as_of.year, 12, 31) if target.as_of else None
    target_prov = Provenance(target.kind, target.source, target.as_of, year_end, target.method)
    target_figure = Figure("target", target.value, "ratio", target_prov, published_decimals(target.value * 100))
    present = values.dropna(subset=["value"])
    label = t("rapat.map.below", lang)
    if present.empty:
        below = slide_figure(label, fmt.MISSING[lang], None, lang)
    else:
        counted = [p for p in provenances if p is not None]
        below_prov = Provenance(
            reduce(combine, (p.kind for p in counted)),
            "; ".join(sources_of(counted)),
            counted[0].as_of,
            counted[0].as_of_end,
            t("rapat.map.below_method", lang),
        )
        count = int((present["value"] < target.value).sum())
        below = slide_figure(label, t("rapat.map.below_value", lang, below=count, total=len(present)), below_prov, lang)
    shown = slide_figure(t(f"rapat.map.target_{scope}", lang), target_figure.text(lang), target_prov, lang)
    return target_prov, (shown, below)


def coverage_map_slide(query: Query, ctx: DeckContext) -> Slide:
    """Coverage per kecamatan in the latest month with figures, classed with the target as a break."""
    lang = ctx.lang
    inputs = read_inputs(query, ctx.kode_kab, LEVEL)
    month = default_month(inputs.participants, inputs.workforce)
    boundaries = query("map_boundaries", kode_kab=ctx.kode_kab, level=LEVEL)
    if month is None or boundaries.empty:
        return Slide(key="map", title=t("rapat.slide.map", lang), notes=(t("rapat.map.no_data", lang),))
    selection = Selection("coverage", month)
    values = area_values(list(boundaries["kode"]), inputs, selection)
    provenances = [value_provenance(r, month) for _, r in values.iterrows()]
    found = target_for(inputs.targets, ctx.kode_kab, ctx.kode_kab, month.year)
    classes = classes_for("coverage", values["value"], found[0].value if found else None)
    figures: tuple[SlideFigure, ...] = ()
    cited = list(provenances)
    if found:
        target_prov, figures = target_figures(*found, values, provenances, lang)
        cited.append(target_prov)
    if values["value"].isna().all():
        notes = (t("rapat.map.no_values", lang, month=fmt.month(month, lang)),)
    else:
        notes = (t("rapat.map.dashed_is_estimate", lang),) if (values["kind"] == "estimate").any() else ()
    features = coloured_features(feature_collection(boundaries), values, classes, lang)
    keys = legend(classes, lang, values["value"].isna().any())
    title = t("rapat.map.col.coverage", lang)
    names = dict(zip(boundaries["kode"], boundaries["nama"]))
    return Slide(
        key="map",
        title=t("rapat.slide.map", lang),
        figures=figures,
        table=lowest_table(values, names, lang, withheld(inputs, selection)),
        chart=class_map(features, keys, title, LANDSCAPE),
        chart_portrait=class_map(features, keys, title, PORTRAIT),
        notes=notes,
        sources=sources_of(cited),
        as_of=as_of_of(provenances, lang) or fmt.month(month, lang),
    )
