"""The map builder, tested on its output: features, colours, legend, tooltips and the estimate marking."""

from __future__ import annotations

import copy
import re
import subprocess
import sys

import folium
import pytest
from streamlit_folium import _get_map_string, generate_js_hash

from ucj import fmt
from ucj.map.choropleth import ESTIMATE_MARK, HatchPatterns, Legend, base_map, build_map, hatch_id
from ucj.map.classify import MISSING_COLOUR, fixed_bands
from ucj.paths import ROOT

URL_RE = re.compile(r"(?:https?:)?//[\w.-]+\.\w+", re.IGNORECASE)


def square(x: float) -> dict:
    ring = [[x, 0.0], [x + 1, 0.0], [x + 1, 1.0], [x, 1.0], [x, 0.0]]
    return {"type": "Polygon", "coordinates": [ring]}


FEATURES = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"kode": f"99.01.0{i}", "nama": name}, "geometry": square(i)}
        for i, name in enumerate(["Alpha", "Beta", "Gamma", "<b>Delta</b>"], start=1)
    ],
}
VALUES = {"99.01.01": 0.05, "99.01.02": 0.25, "99.01.03": 0.6, "99.01.04": None}
KINDS = {"99.01.01": "estimate", "99.01.02": "published", "99.01.03": "upload"}
CLASSES = fixed_bands(VALUES.values(), (0.1, 0.2), target=0.5215)


def percent(v: float) -> str:
    return fmt.percent(v, "id")


def _map(**kwargs) -> folium.Map:
    args = {"label": "Cakupan", "fmt_value": percent, "lang": "id"} | kwargs
    return build_map(FEATURES, VALUES, KINDS, CLASSES, **args)


def _children(element, kind):
    for child in element._children.values():
        if isinstance(child, kind):
            yield child
        yield from _children(child, kind)


def _geojson(m: folium.Map) -> folium.GeoJson:
    (layer,) = _children(m, folium.GeoJson)
    return layer


def _styles(m: folium.Map) -> dict[str, dict]:
    layer = _geojson(m)
    return {f["id"]: layer.style_function(f) for f in layer.data["features"]}


def test_one_feature_per_kecamatan_keyed_by_kode():
    features = _geojson(_map()).data["features"]

    assert [f["id"] for f in features] == list(VALUES)
    assert [f["properties"]["kode"] for f in features] == list(VALUES)


def test_colours_follow_the_classes_and_missing_is_grey():
    styles = _styles(_map())

    assert styles["99.01.02"]["fillColor"] == CLASSES.colours[2]  # 25 %: third class, solid (published)
    assert styles["99.01.03"]["fillColor"] == CLASSES.colours[3]  # 60 %: at or above the target
    assert styles["99.01.04"]["fillColor"] == MISSING_COLOUR
    assert len({s["fillColor"] for s in styles.values()}) == 4


def test_estimates_are_hatched_and_dashed_on_the_map():
    m = _map()
    styles = _styles(m)
    html = m.get_root().render()

    assert styles["99.01.01"]["fillColor"] == f"url(#{hatch_id(CLASSES.colours[0])})"
    assert styles["99.01.01"]["dashArray"] == "4 3"
    assert styles["99.01.02"]["dashArray"] is None
    (patterns,) = _children(m, HatchPatterns)
    assert hatch_id(CLASSES.colours[0]) in patterns.patterns
    assert hatch_id(CLASSES.colours[0]) in html


def test_tooltip_says_figure_rank_and_kind_in_indonesian():
    props = {f["id"]: f["properties"] for f in _geojson(_map()).data["features"]}

    assert props["99.01.01"]["nilai"] == f"{ESTIMATE_MARK} 5,0 %"
    assert props["99.01.01"]["jenis"] == "Perkiraan"
    assert props["99.01.01"]["peringkat"] == "3 dari 3"
    assert props["99.01.02"]["nilai"] == "25,0 %"
    assert props["99.01.03"]["jenis"] == "Data unggahan"
    assert props["99.01.03"]["peringkat"] == "1 dari 3"
    assert props["99.01.04"]["nilai"] == "tidak ada data"
    assert props["99.01.04"]["peringkat"] == "tidak ada data"


def test_tooltip_labels_and_legend_in_english_when_asked():
    m = _map(lang="en", fmt_value=lambda v: fmt.percent(v, "en"))
    (legend,) = _children(m, Legend)
    props = _geojson(m).data["features"][0]["properties"]

    assert props["jenis"] == "Estimate"
    assert props["peringkat"] == "3 of 3"
    assert [label for _, label in legend.rows][-2:] == ["no data", f"{ESTIMATE_MARK} Estimate"]


def test_legend_lists_classes_highest_first_with_target_no_data_and_estimate():
    (legend,) = _children(_map(), Legend)

    assert [label for _, label in legend.rows] == [
        "≥ 52,2 % (target)",
        "20,0 % – < 52,2 %",
        "10,0 % – < 20,0 %",
        "< 10,0 %",
        "tidak ada data",
        f"{ESTIMATE_MARK} Perkiraan",
    ]
    assert legend.rows[-2][0] == MISSING_COLOUR
    assert "<b>Cakupan</b>" in legend.html


def test_legend_leaves_out_what_the_map_does_not_show():
    values = {"99.01.01": 1.0, "99.01.02": 2.0, "99.01.03": 3.0, "99.01.04": 4.0}
    kinds = dict.fromkeys(values, "published")
    m = build_map(FEATURES, values, kinds, fixed_bands(values.values(), (2.5,)), label="x", fmt_value=str)
    (legend,) = _children(m, Legend)

    assert [label for _, label in legend.rows] == ["≥ 2.5", "< 2.5"]


def test_names_are_escaped_and_input_is_not_changed():
    before = copy.deepcopy(FEATURES)
    props = _geojson(_map()).data["features"][3]["properties"]

    assert props["nama"] == "&lt;b&gt;Delta&lt;/b&gt;"
    assert before == FEATURES


def test_selected_area_is_outlined():
    styles = _styles(_map(selected="99.01.02"))

    assert styles["99.01.02"]["weight"] > styles["99.01.01"]["weight"]
    assert styles["99.01.02"]["dashArray"] is None


def test_map_needs_nothing_from_the_internet():
    html = _map().get_root().render()

    assert URL_RE.findall(html) == []


def test_base_map_is_the_same_on_every_rerun():
    """streamlit-folium redraws a map (losing its view) when its script changes: the base must not."""

    def key(m: folium.Map) -> str:
        m.render()
        return generate_js_hash(_get_map_string(m), "peta_map")

    assert key(base_map(FEATURES)) == key(base_map(copy.deepcopy(FEATURES)))


def test_no_features_gives_a_map_with_a_legend_only():
    m = build_map({"type": "FeatureCollection", "features": []}, {}, {}, fixed_bands([], ()), label="x", fmt_value=str)

    assert list(_children(m, folium.GeoJson)) == []
    (legend,) = _children(m, Legend)
    assert [label for _, label in legend.rows] == ["tidak ada data"]


@pytest.mark.parametrize(("colour", "line"), [("#ffffd9", "#333333"), ("#081d58", "#ffffff")])
def test_hatch_lines_contrast_with_the_class_colour(colour, line):
    pattern = HatchPatterns([colour]).patterns[hatch_id(colour)]
    assert f'stroke="{line}"' in pattern


def test_builder_imports_no_streamlit():
    """ucj/ stays free of Streamlit, so the builder can be used (and tested) anywhere."""
    code = "import sys, ucj.map.choropleth; sys.exit('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0
