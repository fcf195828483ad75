"""Boundary polygons from the `boundary` table, made small enough to send to a browser.

Simplification treats the areas as one coverage (shared edges stay shared, no slivers) with a
tolerance that follows the extent shown, and coordinates are rounded to what that tolerance
can tell apart: a whole kabupaten does not need metre precision.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

import pandas as pd
import shapely

FeatureCollection = dict[str, Any]
# About half a pixel of the map as it is drawn beside the ranking table (~450 px wide at 1280×720),
# which is what keeps Kab. Jember's 31 kecamatan under the 150 KB a map view may cost.
TOLERANCE_PER_EXTENT = 1 / 800


def _tolerance(geoms: Iterable[shapely.Geometry]) -> float:
    minx, miny, maxx, maxy = shapely.total_bounds(list(geoms))
    return max(maxx - minx, maxy - miny) * TOLERANCE_PER_EXTENT


def _decimals(tolerance: float) -> int:
    """Enough decimals to keep a fifth of the tolerance (at most 6: about 10 cm)."""
    return min(6, max(0, math.ceil(-math.log10(tolerance / 5)))) if tolerance > 0 else 6


def feature_collection(rows: pd.DataFrame, tolerance: float | None = None) -> FeatureCollection:
    """Features with properties `kode` and `nama` from rows of (kode, nama, geojson).

    `tolerance` in degrees; by default half a pixel of a map fitted to all the rows.
    """
    if rows.empty:
        return {"type": "FeatureCollection", "features": []}
    geoms = shapely.from_geojson(rows["geojson"].tolist())
    tol = _tolerance(geoms) if tolerance is None else tolerance
    if tol > 0:
        geoms = shapely.coverage_simplify(geoms, tol)
    # Snap-rounding to the grid (not plain rounding) keeps every polygon valid.
    geoms = shapely.set_precision(geoms, 10.0 ** -_decimals(tol))
    features = [
        {
            "type": "Feature",
            "properties": {"kode": kode, "nama": nama},
            "geometry": json.loads(shapely.to_geojson(geom)),
        }
        for kode, nama, geom in zip(rows["kode"], rows["nama"], geoms)
    ]
    return {"type": "FeatureCollection", "features": features}
