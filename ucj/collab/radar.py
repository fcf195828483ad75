"""Radar geometry in plain coordinates: Altair has no radar mark, so spokes and polygons are computed here."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

MAX_SCORE = 5


def spoke_angle(index: int, count: int) -> float:
    """Angle of spoke `index` in radians, the first pointing straight up, then clockwise."""
    return 2 * math.pi * index / count


def point(radius: float, angle: float) -> tuple[float, float]:
    """(x, y) of a point at `radius` along the spoke at `angle` (0 = up, clockwise)."""
    return radius * math.sin(angle), radius * math.cos(angle)


def polygons(labels: Sequence[str], series: Mapping[str, Sequence[float]]) -> pd.DataFrame:
    """One closed outline per series: the first spoke repeated at the end so the line closes."""
    count = len(labels)
    rows = []
    for name, scores in series.items():
        for order, index in enumerate([*range(count), 0]):
            x, y = point(scores[index], spoke_angle(index, count))
            rows.append(
                {"series": name, "order": order, "label": labels[index], "score": scores[index], "x": x, "y": y}
            )
    return pd.DataFrame(rows, columns=["series", "order", "label", "score", "x", "y"])


def grid(count: int, levels: Sequence[int] = range(1, MAX_SCORE + 1)) -> pd.DataFrame:
    """The rings of the web, one closed outline per score level."""
    return polygons([str(i) for i in range(count)], {level: [level] * count for level in levels}).rename(
        columns={"series": "level"}
    )


def spokes(labels: Sequence[str], reach: float = MAX_SCORE) -> pd.DataFrame:
    """One line per spoke from the centre to `reach`, with the label's position just beyond it."""
    count = len(labels)
    rows = []
    for index, label in enumerate(labels):
        angle = spoke_angle(index, count)
        x, y = point(reach, angle)
        lx, ly = point(reach + 0.9, angle)
        rows.append({"label": label, "x": 0.0, "y": 0.0, "x2": x, "y2": y, "label_x": lx, "label_y": ly})
    return pd.DataFrame(rows)
