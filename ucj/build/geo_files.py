"""Which boundary file holds which region's kecamatan and desa polygons."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ucj.paths import GEO

KECAMATAN_FILES: dict[str, str] = {
    "13.71": "kecamatan_padang.geojson",
    "13.03": "kecamatan_sijunjung.geojson",
    "35.74": "kecamatan_probolinggo.geojson",
    "35.09": "kecamatan_jember.geojson",
}
# Desa/kelurahan polygons exist only where the research works below kecamatan level.
DESA_FILES: tuple[str, ...] = ("desa_padang.geojson", "desa_wuluhan.geojson")
BOUNDARY_SOURCE = "cahyadsn/wilayah_boundaries (MIT), lihat geo/PROVENANCE.md"


def read_features(name: str, folder: Path = GEO) -> list[dict[str, Any]]:
    """The features of one GeoJSON file in geo/."""
    with (folder / name).open(encoding="utf-8") as fh:
        return json.load(fh)["features"]
