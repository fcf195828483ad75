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
from folium.utilities import get_bounds

FeatureCollection = dict[str, Any]
# About half a pixel of the map as it is drawn beside the ranking table (~450 px wide at 1280×720),
# which is what keeps Kab. Jember's 31 kecamatan under the 150 KB a map view may cost.
TOLERANCE_PER_EXTENT = 1 / 800
# Of the 150 KB a map view may cost, what the polygons may take (the rest: styles, tooltips, legend).
GEOMETRY_BYTES = 110_000  # compact GeoJSON; as sent (with spaces) about 12 % more


def _tolerance(geoms: Iterable[shapely.Geometry]) -> float:
    minx, miny, maxx, maxy = shapely.total_bounds(list(geoms))
    return max(maxx - minx, maxy - miny) * TOLERANCE_PER_EXTENT


def _decimals(tolerance: float) -> int:
    """Enough decimals to keep a fifth of the tolerance (at most 6: about 10 cm)."""
    return min(6, max(0, math.ceil(-math.log10(tolerance / 5)))) if tolerance > 0 else 6


def _without_specks(geom: shapely.Geometry, min_area: float) -> shapely.Geometry:
    """A multipolygon without the parts smaller than `min_area` (never its largest part).

    Source polygons carry islets and slivers of a few hundred square metres (Kab. Malang's 390 desa
    have 511 parts); at the zoom shown they are under a pixel, yet each costs a ring of coordinates.
    """
    parts = shapely.get_parts(geom)
    if len(parts) < 2:
        return geom
    areas = shapely.area(parts)
    keep = (areas >= min_area) | (areas == areas.max())
    return shapely.multipolygons(parts[keep]) if keep.sum() > 1 else parts[keep][0]


def _simplified(geoms: list[shapely.Geometry], tol: float) -> list[shapely.Geometry]:
    if tol > 0:
        geoms = shapely.coverage_simplify(geoms, tol)
        pixel = (2 * tol) ** 2  # the tolerance is half a pixel
        geoms = [_without_specks(g, pixel) for g in geoms]
    # Snap-rounding to the grid (not plain rounding) keeps every polygon valid.
    return list(shapely.set_precision(geoms, 10.0 ** -_decimals(tol)))


def feature_collection(rows: pd.DataFrame, tolerance: float | None = None) -> FeatureCollection:
    """Features with properties `kode` and `nama` from rows of (kode, nama, geojson).

    `tolerance` in degrees; by default half a pixel of a map fitted to all the rows, made coarser
    (×1.5, at most four times) while the geometry is over GEOMETRY_BYTES: a large kab/kota with detailed
    kecamatan (Kab. Malang) still fits the bytes a map view may cost.
    """
    if rows.empty:
        return {"type": "FeatureCollection", "features": []}
    source = shapely.from_geojson(rows["geojson"].tolist())
    tol = _tolerance(source) if tolerance is None else tolerance
    for attempt in range(5):
        geoms = _simplified(source, tol)
        texts = shapely.to_geojson(geoms)
        if tolerance is not None or tol == 0 or sum(map(len, texts)) <= GEOMETRY_BYTES or attempt == 4:
            break
        tol *= 1.5
    features = [
        {"type": "Feature", "properties": {"kode": kode, "nama": nama}, "geometry": json.loads(text)}
        for kode, nama, text in zip(rows["kode"], rows["nama"], texts)
    ]
    # GeoJSON's own bounding box, read by `bounds`: folium's get_bounds walks every coordinate in Python,
    # 15 % of the map page's script run (issue 17).
    return {"type": "FeatureCollection", "bbox": [float(v) for v in shapely.total_bounds(geoms)], "features": features}


def bounds(features: FeatureCollection) -> list[list[float]]:
    """[[south, west], [north, east]] of `features`, as Leaflet's fitBounds takes it."""
    if "bbox" in features:
        west, south, east, north = features["bbox"]
        return [[south, west], [north, east]]
    return get_bounds(features, lonlat=True)
