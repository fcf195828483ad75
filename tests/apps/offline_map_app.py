"""Test-only app: a kecamatan choropleth drawn through ucj.map.offline_map, shown as the app shows maps.

The browser test runs it to prove the map draws with the internet blocked; the
unit test imports `choropleth` to check the same map's HTML. Streamlit serves
static/ from beside the main script, so tests/apps/static links to the
repository's static/. Run with the repository root on PYTHONPATH.
"""

import json
from pathlib import Path
from typing import Any

import folium
import streamlit as st
from folium.elements import MacroElement
from folium.template import Template

from ucj.map.offline_map import offline_map
from ui.map import view

ROOT = Path(__file__).resolve().parents[2]
GEOJSON = ROOT / "geo" / "kecamatan_probolinggo.geojson"

# (upper bound of luas_km2, fill colour), ascending.
CLASSES: list[tuple[float, str]] = [(10.0, "#deebf7"), (12.0, "#9ecae1"), (15.0, "#3182bd")]


class Legend(MacroElement):
    """A plain HTML legend as a Leaflet control: branca's legend needs d3 online."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomright"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "ucj-legend");
            div.style.cssText = "background:#fff;padding:6px 8px;font:12px sans-serif";
            div.innerHTML = {{ this.html|tojson }};
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, title: str, classes: list[tuple[float, str]]) -> None:
        super().__init__()
        self._name = "Legend"
        rows = "".join(
            f'<div><span style="display:inline-block;width:12px;height:12px;'
            f'background:{colour}"></span> &le; {upper:g}</div>'
            for upper, colour in classes
        )
        self.html = f"<b>{title}</b>{rows}"


def _fill(area: float) -> str:
    return next((colour for upper, colour in CLASSES if area <= upper), CLASSES[-1][1])


def _style(feature: dict[str, Any]) -> dict[str, Any]:
    return {
        "fillColor": _fill(feature["properties"]["luas_km2"]),
        "fillOpacity": 0.8,
        "color": "#333",
        "weight": 1,
    }


def choropleth(geojson: dict[str, Any]) -> folium.Map:
    """A realistic dashboard map: styled polygons, tooltip, popup and legend."""
    m = offline_map()
    folium.GeoJson(
        geojson,
        name="Kecamatan",
        style_function=_style,
        highlight_function=lambda _: {"weight": 3},
        tooltip=folium.GeoJsonTooltip(["nama_kec", "luas_km2"], aliases=["Kecamatan", "Luas (km²)"]),
        popup=folium.GeoJsonPopup(["nama_kec", "jumlah_desa_kel"]),
    ).add_to(m)
    Legend("Luas (km²)", CLASSES).add_to(m)
    m.fit_bounds(m.get_bounds())
    return m


def main() -> None:
    st.title("Peta luring")
    geojson = json.loads(GEOJSON.read_text(encoding="utf-8"))
    view.show("offline", lambda: (choropleth(geojson), None), "map", lang="id", height=480)


if __name__ == "__main__":
    main()
