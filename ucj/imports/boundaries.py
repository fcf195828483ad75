"""Check an uploaded kecamatan (and optional desa) boundary GeoJSON before a new region is stored.

What must hold so that every page works for the region: polygons only, valid geometry, WGS 84
longitude/latitude (EPSG:4326 / CRS84: RFC 7946 allows nothing else), Kemendagri codes of one
kabupaten/kota, unique codes, names, and no two areas overlapping beyond a small tolerance
(simplified boundaries touch, they do not cover each other).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import shape

from ucj.imports.columns import squash
from ucj.imports.problems import ImportRejected, Problem, reject_if_errors

MAX_BYTES = 20 * 1024 * 1024
OVERLAP_TOLERANCE = 0.01  # overlap as a share of the smaller area
INDONESIA = (94.0, -12.0, 142.0, 7.0)  # lon/lat box: a point outside it is projected or swapped
ACCEPTED_CRS = frozenset(
    squash(name)
    for name in (
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "urn:ogc:def:crs:OGC::CRS84",
        "OGC:CRS84",
        "CRS84",
        "EPSG:4326",
        "urn:ogc:def:crs:EPSG::4326",
        "urn:ogc:def:crs:EPSG:4326",
        "http://www.opengis.net/def/crs/EPSG/0/4326",
    )
)
# Property names seen in Indonesian boundary files: cahyadsn/wilayah_boundaries, BIG (RBI), BPS.
CODE_KEYS = {
    "kecamatan": ("kode_kec", "kode_kecamatan", "kdcpum", "kd_kec", "kode", "code"),
    "desa": ("kode_desa", "kode_kel", "kdepum", "kd_desa", "kode", "code"),
}
NAME_KEYS = {
    "kecamatan": ("nama_kec", "nama_kecamatan", "wadmkc", "kecamatan", "nama", "name"),
    "desa": ("nama_desa", "nama_kel", "wadmkd", "desa", "kelurahan", "nama", "name"),
}
CODE_DIGITS = {"kecamatan": 6, "desa": 10}
# Names are shown in headings, which render Markdown: letters, digits and plain punctuation only.
PLAIN_NAME = re.compile(r"^[^\W_](?:[^\W_]|[ .,'()/-]){0,79}$")
GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class Area:
    kode: str
    nama: str
    geometry: shapely.Geometry
    feature: int  # counted from 1
    properties: dict

    @property
    def luas_km2(self) -> float:
        return round(abs(GEOD.geometry_area_perimeter(self.geometry)[0]) / 1e6, 3)

    def geojson(self) -> str:
        """Geometry text as the boundary table stores it, coordinates to 5 decimals (about a metre)."""
        rounded = shapely.transform(self.geometry, lambda xy: np.round(xy, 5))
        return shapely.to_geojson(rounded)


@dataclass(frozen=True)
class Boundaries:
    kode_kab: str
    kecamatan: tuple[Area, ...]
    desa: tuple[Area, ...]
    warnings: tuple[Problem, ...]

    @property
    def jenis(self) -> str:
        """Kemendagri numbers kota from 71 up, kabupaten below."""
        return "kota" if int(self.kode_kab[3:5]) >= 71 else "kabupaten"

    def property_value(self, *keys: str) -> str | None:
        """The first of `keys` in the kecamatan properties (e.g. the region's name), if any."""
        for area in self.kecamatan:
            for key, value in area.properties.items():
                if squash(key) in {squash(k) for k in keys} and value:
                    return str(value).strip()
        return None


def _collection(file_name: str, data: bytes) -> list[dict]:
    if not data.strip():
        raise ImportRejected([Problem("empty_file", file_name)])
    if len(data) > MAX_BYTES:
        params = {"size_mb": round(len(data) / 2**20, 1), "limit_mb": MAX_BYTES // 2**20}
        raise ImportRejected([Problem("too_big", file_name, params=params)])
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ImportRejected([Problem("not_geojson", file_name)]) from exc
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise ImportRejected([Problem("not_geojson", file_name)])
    crs = doc.get("crs")
    if crs is not None:
        name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
        if not isinstance(name, str) or squash(name) not in ACCEPTED_CRS:
            raise ImportRejected([Problem("crs_not_wgs84", file_name, params={"crs": str(name or crs)})])
    if not doc["features"]:
        raise ImportRejected([Problem("no_features", file_name)])
    return doc["features"]


def _property(props: dict, keys: Iterable[str]) -> object:
    by_name = {squash(k): v for k, v in props.items()}
    return next((by_name[squash(k)] for k in keys if by_name.get(squash(k)) not in (None, "")), None)


def _code(raw: object, level: str) -> str | None:
    digits = re.sub(r"\D", "", str(raw))
    if len(digits) != CODE_DIGITS[level] or not re.fullmatch(r"[\d.\s]+", str(raw).strip()):
        return None
    parts = [digits[0:2], digits[2:4], digits[4:6], digits[6:]]
    return ".".join(p for p in parts if p)


def _geometry(feature: dict, file_name: str, number: int) -> tuple[shapely.Geometry | None, list[Problem]]:
    raw = feature.get("geometry") if isinstance(feature, dict) else None
    kind = raw.get("type") if isinstance(raw, dict) else None
    if kind not in ("Polygon", "MultiPolygon"):
        return None, [Problem("not_polygon", file_name, params={"type": str(kind)}, feature=number)]
    try:
        geom = shape(raw)
    except (ValueError, TypeError, AttributeError, IndexError, shapely.errors.ShapelyError):
        return None, [Problem("bad_geometry", file_name, feature=number)]
    if geom.is_empty:
        return None, [Problem("bad_geometry", file_name, feature=number)]
    minx, miny, maxx, maxy = geom.bounds
    if not (INDONESIA[0] <= minx and maxx <= INDONESIA[2] and INDONESIA[1] <= miny and maxy <= INDONESIA[3]):
        bounds = ", ".join(f"{v:.2f}" for v in geom.bounds)
        return None, [Problem("outside_indonesia", file_name, params={"bounds": bounds}, feature=number)]
    if geom.is_valid:
        return geom, []
    # Self-touching rings are common in exported boundaries; repair them and say so.
    reason = shapely.is_valid_reason(geom)
    repaired = shapely.make_valid(geom)
    polygons = [g for g in getattr(repaired, "geoms", [repaired]) if g.geom_type in ("Polygon", "MultiPolygon")]
    if not polygons:
        return None, [Problem("bad_geometry", file_name, feature=number)]
    warning = Problem("repaired_geometry", file_name, params={"reason": reason}, severity="warning", feature=number)
    return shapely.unary_union(polygons), [warning]


def is_plain_name(name: str) -> bool:
    return bool(PLAIN_NAME.match(" ".join(name.split())))


def read_areas(file_name: str, data: bytes, level: str) -> tuple[list[Area], list[Problem]]:
    """The areas of one GeoJSON file and a problem for every feature that cannot be one."""
    areas: list[Area] = []
    problems: list[Problem] = []
    for number, feature in enumerate(_collection(file_name, data), start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        props = props if isinstance(props, dict) else {}
        geom, found = _geometry(feature, file_name, number)
        problems += found
        raw_code = _property(props, CODE_KEYS[level])
        kode = _code(raw_code, level) if raw_code is not None else None
        nama = _property(props, NAME_KEYS[level])
        if kode is None:
            problems.append(
                Problem("bad_code", file_name, params={"value": str(raw_code), "level": level}, feature=number)
            )
        if nama is None:
            problems.append(Problem("missing_name", file_name, feature=number))
        elif not is_plain_name(str(nama)):
            problems.append(Problem("bad_name", file_name, params={"value": str(nama)}, feature=number))
        if geom is not None and kode is not None and nama is not None and is_plain_name(str(nama)):
            areas.append(Area(kode, " ".join(str(nama).split()), geom, number, props))
    return areas, problems


def overlap_problems(areas: list[Area], file_name: str) -> list[Problem]:
    """Pairs of areas that share more than OVERLAP_TOLERANCE of the smaller one's surface."""
    if len(areas) < 2:
        return []
    geoms = [a.geometry for a in areas]
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    problems = []
    for i, j in zip(left, right):
        if i >= j:
            continue
        shared = geoms[i].intersection(geoms[j]).area
        smaller = min(geoms[i].area, geoms[j].area)
        if smaller and shared / smaller > OVERLAP_TOLERANCE:
            params = {
                "area": f"{areas[i].nama} ({areas[i].kode})",
                "other": f"{areas[j].nama} ({areas[j].kode})",
                "share": round(100 * shared / smaller, 1),
            }
            problems.append(Problem("overlap", file_name, params=params, feature=areas[i].feature))
    return problems


def _code_problems(areas: list[Area], file_name: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for area in areas:
        if area.kode in seen:
            params = {"kode": area.kode, "first": seen[area.kode]}
            problems.append(Problem("duplicate_code", file_name, params=params, feature=area.feature))
        seen.setdefault(area.kode, area.feature)
    return problems


def validate(
    kecamatan_file: tuple[str, bytes], desa_file: tuple[str, bytes] | None, existing_regions: set[str]
) -> Boundaries:
    """Every check over the uploaded files; ImportRejected with all problems if one fails."""
    kec_name, kec_data = kecamatan_file
    kecamatan, problems = read_areas(kec_name, kec_data, "kecamatan")
    problems += _code_problems(kecamatan, kec_name) + overlap_problems(kecamatan, kec_name)
    regions = sorted({a.kode[:5] for a in kecamatan})
    if len(regions) > 1:
        problems.append(Problem("several_regions", kec_name, params={"codes": ", ".join(regions)}))
    kode_kab = regions[0] if regions else ""
    if kode_kab in existing_regions:
        problems.append(Problem("region_exists", kec_name, params={"kode": kode_kab}))
    desa: list[Area] = []
    if desa_file is not None:
        desa_name, desa_data = desa_file
        desa, found = read_areas(desa_name, desa_data, "desa")
        problems += found + _code_problems(desa, desa_name) + overlap_problems(desa, desa_name)
        known = {a.kode for a in kecamatan}
        problems += [
            Problem("desa_without_kecamatan", desa_name, params={"kode": a.kode}, feature=a.feature)
            for a in desa
            if a.kode[:8] not in known
        ]
    if not kecamatan and not problems:
        problems.append(Problem("no_features", kec_name))
    reject_if_errors(problems)
    return Boundaries(kode_kab, tuple(kecamatan), tuple(desa), tuple(problems))
