"""The dependency network (who needs what from whom) laid out on a circle, as plain coordinates."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

# Arrow heads sit short of the provider's node so the node does not cover them.
ARROW_AT = 0.82


def circle_layout(ids: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Nodes evenly on the unit circle, the first at the top, clockwise, in the given order."""
    count = len(ids)
    return {node: (math.sin(2 * math.pi * k / count), math.cos(2 * math.pi * k / count)) for k, node in enumerate(ids)}


def edge_frame(needs: pd.DataFrame, layout: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """One row per need: a line from the needer to the provider, and an arrow head pointing at the provider.

    The angle follows Vega's convention for point shapes: degrees clockwise from pointing up.
    """
    rows = []
    for need in needs.itertuples(index=False):
        x, y = layout[need.needer_id]
        x2, y2 = layout[need.provider_id]
        rows.append(
            {
                "needer_id": need.needer_id,
                "provider_id": need.provider_id,
                "x": x,
                "y": y,
                "x2": x2,
                "y2": y2,
                "arrow_x": x + ARROW_AT * (x2 - x),
                "arrow_y": y + ARROW_AT * (y2 - y),
                "angle": round(math.degrees(math.atan2(x2 - x, y2 - y)), 6) % 360,
            }
        )
    return pd.DataFrame(rows, columns=["needer_id", "provider_id", "x", "y", "x2", "y2", "arrow_x", "arrow_y", "angle"])


def node_frame(ids: Sequence[str], needs: pd.DataFrame, layout: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """Nodes with how many needs they have of others and how many others need them."""
    needed = needs["needer_id"].value_counts()
    provided = needs["provider_id"].value_counts()
    return pd.DataFrame(
        {
            "stakeholder_id": list(ids),
            "x": [layout[i][0] for i in ids],
            "y": [layout[i][1] for i in ids],
            "needs": [int(needed.get(i, 0)) for i in ids],
            "needed_by": [int(provided.get(i, 0)) for i in ids],
        }
    )
