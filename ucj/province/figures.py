"""One row per kab/kota of a province: its published population (Dukcapil, every kab/kota has it) and,
for those the database holds, the headline coverage with its kind, date and source, as Beranda shows it.
"""

from __future__ import annotations

import pandas as pd
import shapely

from ucj.auth.scope import WHOLE, Scope, opens
from ucj.db import Query
from ucj.map.geometry import FeatureCollection, feature_collection
from ucj.region.headline import region_headline
from ucj.workspace import national


def province_rows(query: Query, kode_prov: str, regions: pd.DataFrame, scope: Scope = WHOLE) -> pd.DataFrame:
    """kode, nama, slug (None when not in the database or not opened by `scope`), coverage (ratio or
    None) with kind, date and source, active participants, and the published population with its year
    and source. A kab/kota outside the viewer's scope is listed with its national figures only."""
    listed = national.kabkota()
    listed = listed[listed["kode_prov"] == kode_prov]
    slugs = {kode: slug for kode, slug in zip(regions["kode_kab"], regions["slug"]) if opens(scope, kode)}
    rows = []
    for kode, nama, persons in zip(listed["kode"], listed["nama"], listed["penduduk_total"]):
        row = {"kode": kode, "nama": nama, "slug": slugs.get(kode), "population": float(persons)}
        row |= {"coverage": None, "kind": None, "as_of": None, "source": None, "active": None}
        if kode in slugs:
            h = region_headline(query, kode)
            if h.coverage.provenance is not None:
                p = h.coverage.provenance
                row |= {"coverage": h.coverage.value, "kind": p.kind, "as_of": p.as_of, "source": p.source}
            row["active"] = h.active.value
        rows.append(row)
    return pd.DataFrame(rows)


def province_features(kode_prov: str) -> FeatureCollection:
    """The province's kab/kota polygons, simplified for a map fitted to the whole province."""
    shapes = national.kabkota_polygons(kode_prov)
    geojson = shapely.to_geojson(shapes.geometry.values)
    return feature_collection(pd.DataFrame({"kode": shapes["kode"], "nama": shapes["nama"], "geojson": geojson}))
