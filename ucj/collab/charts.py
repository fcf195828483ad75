"""Altair charts of the collaboration page: radar, heat maps, stakeholder map and dependency network.

Each function takes prepared frames and returns a chart; nothing here reads data or draws on screen.
Everything renders through Streamlit's bundled Vega, so no chart loads anything from the internet.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from ucj.collab import network, radar
from ucj.collab.stakeholders import HIGH_FROM, spread_overlaps
from ucj.fmt import Lang
from ucj.i18n import t

SCORE_DOMAIN = [1, 5]
SCORE_SCHEME = "redyellowgreen"
GRID_COLOUR = "#c8c8c8"
_NO_AXIS = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)


def _wrapped(text: str, width: int = 18) -> str:
    """Long indicator names over several lines, so spoke labels stay beside their spoke."""
    return "\n".join(textwrap.wrap(text, width)) or text


def radar_chart(labels: list[str], series: dict[str, list[float]], lang: Lang) -> alt.LayerChart:
    """Scores on a 1–5 web, one outline per series (this round, and the previous one when there is one)."""
    reach = radar.MAX_SCORE + 2.6  # room beyond the outer ring for the wrapped spoke labels
    scale = alt.Scale(domain=[-reach, reach], nice=False, zero=False)
    x = alt.X("x:Q", scale=scale, axis=_NO_AXIS)
    y = alt.Y("y:Q", scale=scale, axis=_NO_AXIS)
    rings = (
        alt.Chart(radar.grid(len(labels)))
        .mark_line(color=GRID_COLOUR, strokeWidth=0.8)
        .encode(x=x, y=y, detail="level:N", order="order:Q")
    )
    spokes = radar.spokes([_wrapped(label) for label in labels])
    spoke_lines = alt.Chart(spokes).mark_rule(color=GRID_COLOUR, strokeWidth=0.8).encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    spoke_labels = (
        alt.Chart(spokes)
        .mark_text(fontSize=10, lineBreak="\n", color="#444")
        .encode(x=alt.X("label_x:Q", scale=scale, axis=_NO_AXIS), y=alt.Y("label_y:Q", scale=scale, axis=_NO_AXIS))
        .encode(text="label:N")
    )
    names = list(series)
    outlines = (
        alt.Chart(radar.polygons(labels, series))
        .mark_line(point=True, strokeWidth=2.2)
        .encode(
            x=x,
            y=y,
            order="order:Q",
            color=alt.Color("series:N", scale=alt.Scale(domain=names), legend=alt.Legend(title=None, orient="bottom")),
            strokeDash=alt.StrokeDash(
                "series:N", scale=alt.Scale(domain=names, range=[[1, 0], [5, 4]][: len(names)]), legend=None
            ),
            tooltip=[
                alt.Tooltip("series:N", title=t("kolab.chart.round", lang)),
                alt.Tooltip("label:N", title=t("kolab.chart.indicator", lang)),
                alt.Tooltip("score:Q", title=t("kolab.chart.score", lang)),
            ],
        )
    )
    return alt.layer(rings, spoke_lines, spoke_labels, outlines).properties(width=460, height=460)


def history_heatmap(scores: pd.DataFrame, lang: Lang) -> alt.LayerChart:
    """Indicator × round for one framework: how every score moved, round after round.

    `scores` has label, position, round_label, round_order and score.
    """
    base = alt.Chart(scores).encode(
        x=alt.X(
            "round_label:N",
            sort=alt.SortField("round_order"),
            title=t("kolab.chart.round", lang),
            axis=alt.Axis(labelAngle=0, labelLimit=160),
        ),
        y=alt.Y("label:N", sort=alt.SortField("position"), title=None, axis=alt.Axis(labelLimit=320)),
    )
    return _score_cells(base, lang, "round_label:N")


def comparison_heatmap(scores: pd.DataFrame, lang: Lang) -> alt.LayerChart:
    """Region × indicator for one framework, each region's latest region-wide round."""
    base = alt.Chart(scores).encode(
        x=alt.X("label:N", sort=alt.SortField("position"), title=None, axis=alt.Axis(labelAngle=-35, labelLimit=200)),
        y=alt.Y("region:N", title=None),
    )
    return _score_cells(base, lang, "round_label:N")


def _score_cells(base: alt.Chart, lang: Lang, round_field: str) -> alt.LayerChart:
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "score:Q",
            scale=alt.Scale(domain=SCORE_DOMAIN, scheme=SCORE_SCHEME),
            legend=alt.Legend(title=t("kolab.chart.score", lang), values=[1, 2, 3, 4, 5]),
        ),
        tooltip=[
            alt.Tooltip(round_field, title=t("kolab.chart.round", lang)),
            alt.Tooltip("label:N", title=t("kolab.chart.indicator", lang)),
            alt.Tooltip("score:Q", title=t("kolab.chart.score", lang)),
        ],
    )
    # Dark cells (1 and 5) need light digits.
    light = (alt.datum.score <= 1.5) | (alt.datum.score >= 4.5)
    numbers = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text="score:Q", color=alt.condition(light, alt.value("white"), alt.value("#222"))
    )
    return alt.layer(cells, numbers)


def stakeholder_map(stakeholders: pd.DataFrame, type_labels: dict[str, str], lang: Lang) -> alt.LayerChart:
    """Influence × interest, one point per stakeholder, with the four quadrants marked."""
    # Only what the chart shows goes to the browser (never the contact column).
    shown = stakeholders[["nama", "short_name", "jenis", "influence", "interest", "map_basis"]]
    points = spread_overlaps(shown, "influence", "interest").assign(type_label=lambda f: f["jenis"].map(type_labels))
    axis_scale = alt.Scale(domain=[0.5, 5.5], nice=False)
    # Room above the top row for the quadrant names, so they never sit on a point's label.
    y_scale = alt.Scale(domain=[0.5, 6.0], nice=False)
    ticks = alt.Axis(values=[1, 2, 3, 4, 5], format="d")
    x = alt.X("plot_x:Q", scale=axis_scale, title=t("kolab.map.influence", lang), axis=ticks)
    y = alt.Y("plot_y:Q", scale=y_scale, title=t("kolab.map.interest", lang), axis=ticks)
    divide = HIGH_FROM - 0.5
    lines = pd.DataFrame({"at": [divide]})
    vertical = (
        alt.Chart(lines).mark_rule(color=GRID_COLOUR, strokeDash=[4, 4]).encode(x=alt.X("at:Q", scale=axis_scale))
    )
    horizontal = alt.Chart(lines).mark_rule(color=GRID_COLOUR, strokeDash=[4, 4]).encode(y=alt.Y("at:Q", scale=y_scale))
    # Each quadrant's name sits at the top or bottom edge of the middle of its quadrant.
    low, high = (0.5 + divide) / 2, (divide + 5.5) / 2
    corners = pd.DataFrame(
        {
            "x": [high, low, high, low],
            "y": [5.8, 5.8, 0.6, 0.6],
            "text": [
                t(f"kolab.quadrant.{q}", lang) for q in ("manage_closely", "keep_informed", "keep_satisfied", "monitor")
            ],
        }
    )
    corner_text = (
        alt.Chart(corners)
        .mark_text(fontSize=11, fontStyle="italic", color="#888")
        .encode(x=alt.X("x:Q", scale=axis_scale), y=alt.Y("y:Q", scale=y_scale), text="text:N")
    )
    dots = (
        alt.Chart(points)
        .mark_circle(size=160, opacity=0.85)
        .encode(
            x=x,
            y=y,
            color=alt.Color("type_label:N", title=t("kolab.register.jenis", lang), legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("nama:N", title=t("kolab.register.nama", lang)),
                alt.Tooltip("influence:Q", title=t("kolab.map.influence", lang)),
                alt.Tooltip("interest:Q", title=t("kolab.map.interest", lang)),
                alt.Tooltip("map_basis:N", title=t("kolab.map.basis", lang)),
            ],
        )
    )
    names = dots.mark_text(dy=-12, fontSize=10).encode(text="short_name:N", color=alt.value("#333"))
    return alt.layer(vertical, horizontal, corner_text, dots, names).properties(height=440)


def dependency_network(
    stakeholders: pd.DataFrame, needs: pd.DataFrame, type_labels: dict[str, str], lang: Lang
) -> alt.LayerChart:
    """Who needs what from whom: an arrow from the stakeholder in need to the one who provides."""
    ids = stakeholders["stakeholder_id"].tolist()
    layout = network.circle_layout(ids)
    nodes = network.node_frame(ids, needs, layout).merge(
        stakeholders[["stakeholder_id", "nama", "short_name", "jenis"]], on="stakeholder_id"
    )
    nodes["type_label"] = nodes["jenis"].map(type_labels)
    edges = network.edge_frame(needs, layout).merge(
        needs[["needer_id", "provider_id", "needer", "provider", f"need_{lang}"]], on=["needer_id", "provider_id"]
    )
    scale = alt.Scale(domain=[-1.45, 1.45], nice=False)
    x = alt.X("x:Q", scale=scale, axis=_NO_AXIS)
    y = alt.Y("y:Q", scale=scale, axis=_NO_AXIS)
    edge_tooltip = [
        alt.Tooltip("needer:N", title=t("kolab.network.needer", lang)),
        alt.Tooltip(f"need_{lang}:N", title=t("kolab.network.need", lang)),
        alt.Tooltip("provider:N", title=t("kolab.network.provider", lang)),
    ]
    lines = (
        alt.Chart(edges)
        .mark_rule(color="#999", strokeWidth=1.4)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q", tooltip=edge_tooltip)
    )
    arrows = (
        alt.Chart(edges)
        .mark_point(shape="triangle-up", filled=True, size=90, color="#666", opacity=1)
        .encode(
            x=alt.X("arrow_x:Q", scale=scale, axis=_NO_AXIS),
            y=alt.Y("arrow_y:Q", scale=scale, axis=_NO_AXIS),
            angle=alt.Angle("angle:Q", scale=None),
            tooltip=edge_tooltip,
        )
    )
    dots = (
        alt.Chart(nodes)
        .mark_circle(opacity=0.9)
        .encode(
            x=x,
            y=y,
            size=alt.Size("needed_by:Q", scale=alt.Scale(range=[150, 900]), legend=None),
            color=alt.Color("type_label:N", title=t("kolab.register.jenis", lang), legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("nama:N", title=t("kolab.register.nama", lang)),
                alt.Tooltip("needs:Q", title=t("kolab.network.needs", lang)),
                alt.Tooltip("needed_by:Q", title=t("kolab.network.needed_by", lang)),
            ],
        )
    )
    names = (
        alt.Chart(nodes.assign(label_x=nodes["x"] * 1.22, label_y=nodes["y"] * 1.16))
        .mark_text(fontSize=11, color="#333")
        .encode(
            x=alt.X("label_x:Q", scale=scale, axis=_NO_AXIS),
            y=alt.Y("label_y:Q", scale=scale, axis=_NO_AXIS),
            text="short_name:N",
        )
    )
    return alt.layer(lines, arrows, dots, names).properties(height=480)
