"""Uploaded boundaries: what a GeoJSON must be, a new region stored from it, and rolling it back."""

from __future__ import annotations

import pytest

from tests.apptest_support import open_app
from tests.data_support import (
    NEW_KECAMATAN,
    NEW_KOTA,
    PARTICIPANTS_HEADER,
    SECRET,
    checksums,
    collection,
    csv_bytes,
    feature,
    new_kota_files,
    square,
)
from ucj.db import run_query
from ucj.imports import boundaries, boundary_store
from ucj.imports.kind import Request
from ucj.imports.problems import ImportRejected
from ucj.imports.rollback import roll_back
from ucj.imports.store import commit
from ui.layout import PAGES

EXISTING = {"13.71", "13.03", "35.74", "35.09"}
KEC = {"kode_kec": "13.75.01", "nama_kec": "Guguk Panjang"}


def _named(nama: str) -> bytes:
    return collection([feature({"kode_kec": "13.75.01", "nama_kec": nama}, square(100.3, -0.3))])


def _codes(kecamatan: bytes, desa: bytes | None = None) -> list[tuple]:
    try:
        done = boundaries.validate(("kec.geojson", kecamatan), ("desa.geojson", desa) if desa else None, EXISTING)
    except ImportRejected as exc:
        return sorted((p.code, p.feature) for p in exc.problems if p.severity == "error")
    return [("ok", len(done.kecamatan), len(done.desa))]


def test_a_valid_kota():
    kecamatan, desa = new_kota_files()
    done = boundaries.validate(("kec.geojson", kecamatan), ("desa.geojson", desa), EXISTING)
    assert (done.kode_kab, done.jenis, len(done.kecamatan), len(done.desa)) == ("13.75", "kota", 4, 8)
    assert done.property_value("nama_kab") == "Kota Contoh"
    assert 4.0 < done.kecamatan[0].luas_km2 < 5.5  # 0.02° × 0.02° near the equator ≈ 4.9 km²
    assert done.warnings == ()


@pytest.mark.parametrize(
    ("kecamatan", "expected"),
    [
        (collection([feature(KEC, square(100.3, -0.3))], crs="EPSG:4326"), [("ok", 1, 0)]),
        (collection([feature(KEC, square(100.3, -0.3))], crs="urn:ogc:def:crs:OGC:1.3:CRS84"), [("ok", 1, 0)]),
        (collection([feature(KEC, square(100.3, -0.3))], crs="EPSG:32747"), [("crs_not_wgs84", None)]),
        (collection([feature(KEC, square(651000.0, 9964000.0, 2000.0))]), [("outside_indonesia", 1)]),  # UTM metres
        (collection([feature(KEC, square(-0.3, 100.3))]), [("outside_indonesia", 1)]),  # lat/lon swapped
        (collection([feature(KEC, {"type": "Point", "coordinates": [100.3, -0.3]})]), [("not_polygon", 1)]),
        (collection([feature(KEC, {"type": "Polygon", "coordinates": [[[100.3]]]})]), [("bad_geometry", 1)]),
        (collection([feature(KEC, {"type": "Polygon", "coordinates": []})]), [("bad_geometry", 1)]),
        (collection([]), [("no_features", None)]),
        (b'{"type": "Feature"}', [("not_geojson", None)]),
        (b"not json", [("not_geojson", None)]),
        (b"", [("empty_file", None)]),
        (collection([feature({"nama_kec": "Tanpa Kode"}, square(100.3, -0.3))]), [("bad_code", 1)]),
        (collection([feature({"kode_kec": "13.75.1", "nama_kec": "X"}, square(100.3, -0.3))]), [("bad_code", 1)]),
        (collection([feature({"kode_kec": "13.75.01"}, square(100.3, -0.3))]), [("missing_name", 1)]),
        (_named("![x](http://x.example/a.png)"), [("bad_name", 1)]),
        (_named("Koto XI Tarusan (Kec.)"), [("ok", 1, 0)]),
        (collection([feature({"KDCPUM": "137501", "WADMKC": "Alias BIG"}, square(100.3, -0.3))]), [("ok", 1, 0)]),
        (
            collection([feature(KEC, square(100.3, -0.3)), feature(KEC, square(100.4, -0.3))]),
            [("duplicate_code", 2)],
        ),
        (
            collection(
                [
                    feature(KEC, square(100.3, -0.3)),
                    feature({"kode_kec": "13.76.01", "nama_kec": "Y"}, square(100.4, -0.3)),
                ]
            ),
            [("several_regions", None)],
        ),
        (
            collection([feature({"kode_kec": "13.71.01", "nama_kec": "Padang Selatan"}, square(100.3, -0.9))]),
            [("region_exists", None)],
        ),
        (  # half of one square lies on the other
            collection(
                [
                    feature(KEC, square(100.3, -0.3)),
                    feature({"kode_kec": "13.75.02", "nama_kec": "B"}, square(100.31, -0.3)),
                ]
            ),
            [("overlap", 1)],
        ),
        (  # neighbours share an edge: no overlap
            collection(
                [
                    feature(KEC, square(100.3, -0.3)),
                    feature({"kode_kec": "13.75.02", "nama_kec": "B"}, square(100.32, -0.3)),
                ]
            ),
            [("ok", 2, 0)],
        ),
    ],
)
def test_kecamatan_file_checks(kecamatan, expected):
    assert _codes(kecamatan) == expected


def test_a_self_crossing_polygon_is_repaired_with_a_warning():
    bow_tie = {
        "type": "Polygon",
        "coordinates": [[[100.3, -0.3], [100.32, -0.28], [100.32, -0.3], [100.3, -0.28], [100.3, -0.3]]],
    }
    done = boundaries.validate(("kec.geojson", collection([feature(KEC, bow_tie)])), None, EXISTING)
    assert [p.code for p in done.warnings] == ["repaired_geometry"]
    assert done.kecamatan[0].geometry.is_valid


def test_desa_must_sit_in_a_known_kecamatan():
    kecamatan, _ = new_kota_files()
    stray = collection([feature({"kode_desa": "13.75.09.2001", "nama_desa": "Hilang"}, square(100.5, -0.3, 0.01))])
    assert _codes(kecamatan, stray) == [("desa_without_kecamatan", 1)]


def test_problem_text_names_the_feature():
    with pytest.raises(ImportRejected) as exc:
        boundaries.validate(("batas.geojson", collection([feature(KEC, square(-0.3, 100.3))])), None, EXISTING)
    assert exc.value.problems[0].text("id").startswith("batas.geojson · fitur ke-1: Koordinat di luar Indonesia")


def test_region_names_must_be_plain(db):
    kecamatan, _ = new_kota_files()
    upload = boundaries.validate(("kec.geojson", kecamatan), None, EXISTING)
    with pytest.raises(ImportRejected) as exc, db.writer() as con:
        boundary_store.commit(con, upload, "Kota [Contoh](javascript:x)", "Sumatera Barat", ["k"], [kecamatan], "e")
    assert [p.code for p in exc.value.problems] == ["bad_name"]


def _store_new_kota(db) -> int:
    kecamatan, desa = new_kota_files()
    upload = boundaries.validate(("kec.geojson", kecamatan), ("desa.geojson", desa), EXISTING)
    with db.writer() as con:
        return boundary_store.commit(
            con, upload, "Kota Contoh", "Sumatera Barat", ["kec.geojson", "desa.geojson"], [kecamatan, desa], "editor1"
        )


def test_a_stored_region_appears_everywhere_and_rolls_back(db, data_db):
    before = checksums(data_db)
    region_import = _store_new_kota(db)
    with db.reading() as con:
        regions = run_query(con, "regions").set_index("kode_kab")
        areas = run_query(con, "import_region_areas", kode_kab=NEW_KOTA)
        polygons = con.execute(
            "select level, count(*) from boundary where kode like '13.75.%' group by all order by 1"
        ).fetchall()
        desa = con.execute(
            "select jenis, count(*) from desa where kode_kec like '13.75.%' group by all order by 1"
        ).fetchall()
    assert regions.loc[NEW_KOTA, ["slug", "nama", "jenis", "is_demo"]].tolist() == [
        "contoh",
        "Kota Contoh",
        "kota",
        False,
    ]
    assert set(areas[areas["level"] == "kecamatan"]["nama"]) == {n for _, n, _, _ in NEW_KECAMATAN}
    assert polygons == [("desa", 8), ("kecamatan", 4)]
    assert desa == [("desa", 4), ("kelurahan", 4)]

    # its figures can be imported, and every page renders for it
    rows = [PARTICIPANTS_HEADER, *[[kode, 2025, 1, "BPU", "aktif", 25] for kode, *_ in NEW_KECAMATAN]]
    with db.writer() as con:
        figures = commit(con, Request("participants", NEW_KOTA, "jan.csv", csv_bytes(rows)), "editor1", SECRET)
    for _, _, script in PAGES:
        at = open_app("contoh", page=script)
        assert at.session_state["region"] == "contoh"
    home = open_app("contoh")
    assert home.title[0].value == "Kota Contoh"

    # the region cannot go while its figures stay; then it goes entirely
    with pytest.raises(ImportRejected) as exc:
        roll_back(db, NEW_KOTA, region_import, "editor1")
    assert exc.value.problems[0].code == "region_in_use"
    roll_back(db, NEW_KOTA, figures.import_id, "editor1")
    roll_back(db, NEW_KOTA, region_import, "editor1")
    after = checksums(data_db)
    assert {t for t in before if before[t] != after[t]} == {"import_batch", "audit_log"}


@pytest.mark.parametrize(
    ("nama", "taken", "slug"),
    [
        ("Kota Bukittinggi", set(), "bukittinggi"),
        ("Kabupaten Agam", set(), "agam"),
        ("Kab. Tanah Datar", set(), "tanah-datar"),
        ("Kota Padang", {"padang"}, "padang-1375"),
        ("Kota Ŝolok", set(), "solok"),
    ],
)
def test_slug(nama, taken, slug):
    assert boundary_store.slug_for(nama, "13.75", taken) == slug
