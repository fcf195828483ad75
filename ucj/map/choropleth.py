"""A choropleth of kecamatan or desa as a folium map: a pure function of features, values and classes.

The map loads nothing from the internet (it starts from `ucj.map.offline_map`, which imports no
Streamlit), draws its legend as plain HTML, and marks estimated areas on the map itself: a hatch
over the class colour and a dashed outline, "≈" before the figure in the tooltip.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

import folium
from folium.elements import MacroElement
from folium.template import Template

from ucj import fmt
from ucj.bounds import Bound
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.classify import MISSING_COLOUR, Classes
from ucj.map.geometry import FeatureCollection, bounds
from ucj.map.offline_map import offline_map
from ucj.map.ranking import ranks
from ucj.provenance import Kind, kind_label

ESTIMATE_MARK = "≈"
HATCH_PREFIX = "ucj-hatch-"
OUTLINE = "#4d4d4d"
SELECTED_OUTLINE = "#000000"


def hatch_id(colour: str) -> str:
    """The id of the SVG pattern that hatches `colour` (an estimate's fill)."""
    return HATCH_PREFIX + colour.lstrip("#").lower()


def value_text(
    value: float | None, kind: Kind | None, fmt_value: Callable[[float], str], lang: Lang, bound: Bound = None
) -> str:
    """A figure as the tooltip shows it: '≈ 12.345' for an estimate, '> 8.382' for a bound ('≈ > 8.382'
    when both), 'tidak ada data' when missing."""
    if value is None:
        return fmt.MISSING[lang]
    text = fmt_value(value)
    if bound:
        text = t(f"figure.bound.{bound}", lang, value=text)
    return f"{ESTIMATE_MARK} {text}" if kind == "estimate" else text


def _contrast(colour: str) -> str:
    """Hatch lines that show on the fill: light on dark classes, dark on pale ones."""
    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return "#ffffff" if 0.299 * r + 0.587 * g + 0.114 * b < 128 else "#333333"


class HatchPatterns(MacroElement):
    """SVG patterns (class colour with diagonal lines) that estimated areas are filled with.

    Leaflet writes `fillColor` into the path's `fill` attribute, so 'url(#id)' picks a pattern defined in the
    same document or shadow root as the map (the app draws its maps in a shadow root of the page); patterns
    already there (an earlier layer's) are kept. They go in once the layer is on a map.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (layer, patterns) {
            function add(map) {
                var root = map.getContainer().getRootNode();
                var svg = root.getElementById("ucj-hatches");
                if (!svg) {
                    var holder = document.createElement("div");
                    holder.innerHTML = '<svg id="ucj-hatches" width="0" height="0" aria-hidden="true" '
                        + 'style="position:absolute"><defs></defs></svg>';
                    svg = (root.body || root).appendChild(holder.firstChild);
                }
                for (var id in patterns) {
                    if (!root.getElementById(id)) {
                        svg.firstChild.insertAdjacentHTML("beforeend", patterns[id]);
                    }
                }
            }
            if (layer._map) { add(layer._map); } else { layer.once("add", function () { add(layer._map); }); }
        })({{ this._parent.get_name() }}, {{ this.patterns|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, colours: list[str]) -> None:
        super().__init__()
        self._name = "HatchPatterns"
        self.patterns = {
            hatch_id(c): f'<pattern id="{hatch_id(c)}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{c}"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{_contrast(c)}" stroke-width="1.6" stroke-opacity="0.6"/>'
            "</pattern>"
            for c in colours
        }


class Legend(MacroElement):
    """A plain-HTML legend (branca's loads d3 from the internet), as a Leaflet layer.

    Being a layer, it goes when its feature group is swapped for another (st_folium's
    feature_group_to_add), so a filter change brings the new legend without redrawing the map.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new (L.Layer.extend({
            onAdd: function (map) {
                this._control = L.control({position: "bottomright"});
                this._control.onAdd = function () {
                    var div = L.DomUtil.create("div", "ucj-legend");
                    div.style.cssText = "background:#fff;padding:4px 6px;font:12px/1.3 sans-serif;"
                        + "max-width:15em;box-shadow:0 0 3px rgba(0,0,0,.4);border-radius:3px";
                    div.innerHTML = {{ this.html|tojson }};
                    return div;
                };
                this._control.addTo(map);
            },
            onRemove: function (map) { map.removeControl(this._control); }
        }))();
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "Legend"
        self.title = title
        self.rows = rows  # (swatch fill, label), highest class first
        swatches = "".join(
            f'<div><svg width="14" height="12" style="vertical-align:middle"><rect width="14" height="12" '
            f'fill="{fill}" stroke="{OUTLINE}" stroke-width="0.8"/></svg> {html.escape(label)}</div>'
            for fill, label in rows
        )
        self.html = f"<b>{html.escape(title)}</b>{swatches}"


def _legend_rows(
    classes: Classes, fmt_value: Callable[[float], str], lang: Lang, missing: bool, estimates: bool
) -> list[tuple[str, str]]:
    rows = []
    for i, (colour, label) in enumerate(zip(classes.colours, classes.labels(fmt_value, lang))):
        if classes.target is not None and i > 0 and classes.breaks[i - 1] == classes.target:
            label = f"{label} ({t('peta.legend.target', lang)})"
        rows.append((colour, label))
    rows.reverse()  # highest class on top, as readers expect
    if missing:
        rows.append((MISSING_COLOUR, fmt.MISSING[lang]))
    if estimates:
        rows.append((f"url(#{hatch_id('#ffffff')})", f"{ESTIMATE_MARK} {t('kind.estimate', lang)}"))
    return rows


def _styled_features(
    features: FeatureCollection,
    values: Mapping[str, float | None],
    kinds: Mapping[str, Kind],
    classes: Classes,
    fmt_value: Callable[[float], str],
    lang: Lang,
    bounds: Mapping[str, Bound],
) -> FeatureCollection:
    """A copy whose properties carry only what the tooltip and the click need (bytes matter)."""
    order = ranks(values)
    total = len(order)
    out = []
    for feature in features["features"]:
        kode = feature["properties"]["kode"]
        value = values.get(kode)
        kind = kinds.get(kode) if value is not None else None
        rank = order.get(kode)
        properties = {
            "kode": kode,
            # names may come from uploads, and the tooltip inserts them as HTML
            "nama": html.escape(str(feature["properties"]["nama"])),
            "nilai": value_text(value, kind, fmt_value, lang, bounds.get(kode)),
            "peringkat": t("peta.rank_of", lang, rank=rank, total=total) if rank else fmt.MISSING[lang],
            "jenis": kind_label(kind, lang),
            "_fill": classes.colour(value),
            "_estimate": kind == "estimate",
        }
        out.append({"type": "Feature", "id": kode, "properties": properties, "geometry": feature["geometry"]})
    return {"type": "FeatureCollection", "features": out}


def _style(selected: str | None) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def style(feature: dict[str, Any]) -> dict[str, Any]:
        p = feature["properties"]
        is_selected = feature["id"] == selected
        return {
            "fillColor": f"url(#{hatch_id(p['_fill'])})" if p["_estimate"] else p["_fill"],
            "fillOpacity": 0.85,
            "color": SELECTED_OUTLINE if is_selected else OUTLINE,
            "weight": 3.5 if is_selected else 1,
            "dashArray": "4 3" if p["_estimate"] and not is_selected else None,
        }

    return style


def base_map(features: FeatureCollection) -> folium.Map:
    """The map under a choropleth: no tiles, a white ground, fitted to `features`.

    It depends on the geometry's extent only, so it stays the same while filters change.
    """
    m = offline_map(control_scale=True)
    # No tiles: a white ground keeps the pale classes and the grey "no data" readable.
    m.get_root().header.add_child(folium.Element("<style>.leaflet-container{background:#fff}</style>"))
    if features["features"]:
        m.fit_bounds(bounds(features))
    return m


def choropleth_layer(
    features: FeatureCollection,
    values: Mapping[str, float | None],
    kinds: Mapping[str, Kind],
    classes: Classes,
    *,
    label: str,
    fmt_value: Callable[[float], str],
    lang: Lang = "id",
    selected: str | None = None,
    bounds: Mapping[str, Bound] | None = None,
) -> folium.FeatureGroup:
    """The coloured areas, their tooltips, the estimate hatching and the legend, as one layer.

    Arguments as for `build_map`; `bounds` marks the areas whose figure is a bound ("> 8.382").
    """
    data = _styled_features(features, values, kinds, classes, fmt_value, lang, bounds or {})
    layer = folium.FeatureGroup(name=label)
    estimates = any(f["properties"]["_estimate"] for f in data["features"])
    missing = any(values.get(f["id"]) is None for f in data["features"])
    if estimates:
        HatchPatterns([*classes.colours, "#ffffff"]).add_to(layer)
    if data["features"]:
        folium.GeoJson(
            data,
            name=label,
            style_function=_style(selected),
            highlight_function=lambda _: {"weight": 3, "color": SELECTED_OUTLINE},
            tooltip=folium.GeoJsonTooltip(
                fields=["nama", "nilai", "peringkat", "jenis"],
                aliases=[t("peta.tt.area", lang), label, t("peta.tt.rank", lang), t("peta.tt.kind", lang)],
                sticky=True,
                style="font-size:12px;padding:4px 6px;",
            ),
        ).add_to(layer)
    Legend(label, _legend_rows(classes, fmt_value, lang, missing, estimates)).add_to(layer)
    return layer


def build_map(
    features: FeatureCollection,
    values: Mapping[str, float | None],
    kinds: Mapping[str, Kind],
    classes: Classes,
    *,
    label: str,
    fmt_value: Callable[[float], str],
    lang: Lang = "id",
    selected: str | None = None,
) -> folium.Map:
    """A choropleth: one GeoJson feature per area, coloured by `classes`, with legend and tooltips.

    `features` is a GeoJSON FeatureCollection whose properties hold at least `kode` and `nama`;
    `values` and `kinds` are keyed by that kode (a kode absent or None is "tidak ada data");
    `label` titles the legend and the tooltip's figure; `fmt_value` formats a figure (e.g.
    `lambda v: fmt.rupiah(v, lang)`); `selected` is outlined. A click reports the feature with
    its properties, `kode` among them.
    """
    m = base_map(features)
    choropleth_layer(
        features, values, kinds, classes, label=label, fmt_value=fmt_value, lang=lang, selected=selected
    ).add_to(m)
    return m
