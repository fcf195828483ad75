"""The allocation on the map: coverage before or after, or workers allocated, per kecamatan.

Drawn with the shared choropleth (ucj.map.choropleth.build_map) on the coverage map's boundaries, so
classes and colours read the same as on the coverage map; coverage per kecamatan is an estimate
(hatched), workers allocated are the plan's own numbers.
"""

from __future__ import annotations

import folium
import pandas as pd
import streamlit as st

from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.choropleth import build_map
from ucj.map.classify import by_distribution
from ucj.map.metric_style import classes_for, formatter
from ui.db import database_path
from ui.map import view as map_view
from ui.subsidy.state import keep, key

VIEWS = ("coverage_before", "coverage_after", "workers")
HEIGHT = 420


def keep_choice() -> None:
    """The view chosen stays while the map's tab is closed."""
    keep("map_view")


def allocation_map(table: pd.DataFrame, kode_kab: str, lang: Lang) -> None:
    """`table`: the allocation per kecamatan (kecamatan, coverage_before, coverage_after, workers)."""
    view = (
        st.segmented_control(
            t("kalk.map_view", lang),
            list(VIEWS),
            key=key("map_view"),
            format_func=lambda v: t(f"kalk.col.{v}", lang),
            default=VIEWS[1],
        )
        or VIEWS[1]
    )
    values = {k: (None if pd.isna(v) else float(v)) for k, v in zip(table["kecamatan"], table[view])}
    features = map_view.features(kode_kab, "kecamatan")

    def draw() -> tuple[folium.Map, None]:
        if view == "workers":
            classes, kinds = by_distribution(values.values(), palette="YlGnBu"), {}
            write = formatter("participants", lang)
        else:
            # One set of fixed bands for before and after, so the two maps compare colour for colour.
            classes, write = classes_for("coverage", values.values()), formatter("coverage", lang)
            kinds = dict.fromkeys(values, "estimate")
        return build_map(
            features, values, kinds, classes, label=t(f"kalk.col.{view}", lang), fmt_value=write, lang=lang
        ), None

    map_view.show((str(database_path()), kode_kab, view, values, lang), draw, key("map"), lang=lang, height=HEIGHT)
