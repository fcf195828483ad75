"""Each kind's checks, as tables of file rows → the problems named (code, row, column)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.data_support import PARTICIPANTS_HEADER, SECRET, csv_bytes
from ucj.imports.kind import Request
from ucj.imports.problems import ImportRejected
from ucj.imports.store import Checked, check

PADANG_KEC = [f"13.71.{i:02d}" for i in range(1, 12)]


@pytest.fixture(scope="module")
def con(demo_db: Path):
    with duckdb.connect(str(demo_db), read_only=True) as connection:
        yield connection


def run(con, kind: str, rows: list, region: str = "13.71", **options) -> Checked | list[tuple]:
    """The checked upload, or the (code, row, column) of every problem when it is refused."""
    request = Request(kind, region, "uji.csv", csv_bytes(rows), options=options)
    try:
        return check(con, request, SECRET)
    except ImportRejected as exc:
        return sorted((p.code, p.row, p.column) for p in exc.problems if p.severity == "error")


P = PARTICIPANTS_HEADER


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([P, ["Koto Tangah", 2024, 6, "BPU", "aktif", 250]], []),
        ([P[:-1], ["Koto Tangah", 2024, 6, "BPU", "aktif"]], [("missing_column", 1, "jumlah peserta")]),
        ([P, ["Kototangah", 2024, 6, "BPU", "aktif", 250]], [("unknown_area_suggest", 2, "kecamatan")]),
        ([P, ["Koto Tangah", 2024, 13, "BPU", "aktif", 250]], [("month_range", 2, "bulan")]),
        ([P, ["Koto Tangah", 2024, 6, "BPU", "aktif", -1]], [("negative", 2, "jumlah")]),
        ([P, ["Koto Tangah", 2024, 6, "BPU", "aktif", "banyak"]], [("not_number", 2, "jumlah")]),
        ([P, ["Koto Tangah", 2024, 6, "BPU", "aktif", ""]], [("missing_value", 2, "jumlah")]),
        (
            [P, ["Pauh", 2024, 6, "BPU", "aktif", 5], ["Pauh", 2024, 6, "BPU", "aktif", 6]],
            [("duplicate_row", 3, "kecamatan")],
        ),
        (
            [P, ["Pauh", 2024, 6, "BPU", "aktif", 50], ["Pauh", 2024, 6, "BPU", "terdaftar", 40]],
            [("active_over_registered", 2, "jumlah")],
        ),
        (  # ALL with all four segments must be their sum
            [
                P,
                *[["Pauh", 2024, 6, s, "aktif", 10] for s in ("PU", "BPU", "JAKON", "PMI")],
                ["Pauh", 2024, 6, "ALL", "aktif", 41],
            ],
            [("total_not_sum", 6, "jumlah")],
        ),
        (  # ALL with some segments must not be smaller than them
            [P, ["Pauh", 2024, 6, "PU", "aktif", 10], ["Pauh", 2024, 6, "ALL", "aktif", 9]],
            [("total_below_parts", 3, "jumlah")],
        ),
        (  # the kota total with some kecamatan must not be smaller than them
            [P, ["Pauh", 2024, 6, "BPU", "aktif", 10], ["Kota Padang", 2024, 6, "BPU", "aktif", 9]],
            [("total_below_parts", 3, "jumlah")],
        ),
        (  # several problems in one row are all named
            [P, ["Kototangah", 2024, 0, "XX", "lapsed", -2]],
            [
                ("bad_segment", 2, "segmen"),
                ("bad_status", 2, "status"),
                ("month_range", 2, "bulan"),
                ("negative", 2, "jumlah"),
                ("unknown_area_suggest", 2, "kecamatan"),
            ],
        ),
    ],
)
def test_participants(con, rows, expected):
    result = run(con, "participants", rows)
    assert (result if isinstance(result, list) else []) == expected


def test_kota_total_must_equal_all_kecamatan(con):
    rows = [P, *[[k, 2024, 6, "BPU", "aktif", 10] for k in PADANG_KEC], ["13.71", 2024, 6, "BPU", "aktif", 111]]
    assert run(con, "participants", rows) == [("total_not_sum", 13, "jumlah")]


def test_complete_parts_give_derived_totals(con):
    rows = [P, *[[k, 2024, 6, s, "aktif", 10] for k in PADANG_KEC for s in ("PU", "BPU", "JAKON", "PMI")]]
    checked = run(con, "participants", rows)
    derived = [r for r in checked.stored if r["row"] is None]
    by_key = {(r["kode_wilayah"], r["segment"]): r["persons"] for r in derived}
    assert by_key[("13.71.08", "ALL")] == 40  # every segment of a kecamatan
    assert by_key[("13.71", "BPU")] == 110  # every kecamatan of a segment
    assert by_key[("13.71", "ALL")] == 440
    assert len(derived) == 11 + 5
    assert all(r["method"] for r in derived)


def test_incomplete_parts_give_no_total(con):
    checked = run(con, "participants", [P, ["Pauh", 2024, 6, "BPU", "aktif", 10]])
    assert [r["row"] for r in checked.stored] == [2]


W = ("kecamatan", "tahun", "bulan", "jumlah tenaga kerja")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([W, ["Pauh", 2024, 8, 40000]], []),
        ([W, ["Pauh", 2024, 8, 40000], ["Pauh", 2024, 8, 41000]], [("duplicate_row", 3, "kecamatan")]),
        ([W, ["Pauh", 2024, 8, 400], ["Padang", 2024, 8, 300]], [("total_below_parts", 3, "jumlah tenaga kerja")]),
        ([W, ["Pauh", 2024, "Agustus", "40.000,5"]], [("not_whole", 2, "jumlah tenaga kerja")]),
    ],
)
def test_workforce(con, rows, expected):
    result = run(con, "workforce", rows)
    assert (result if isinstance(result, list) else []) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("kecamatan", "tahun", "jumlah penduduk"), ["Pauh", 2024, 75000]], []),
        ([("wilayah", "year", "population"), ["13.71.08", 2024, 75000]], []),
        ([("kecamatan", "tahun", "penduduk"), ["Pauh", 1800, 75000]], [("bad_year", 2, "tahun")]),
    ],
)
def test_population(con, rows, expected):
    result = run(con, "population", rows)
    assert (result if isinstance(result, list) else []) == expected


T = ("kecamatan", "tahun", "segmen", "metrik", "nilai")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([T, ["Kota Padang", 2026, "ALL", "cakupan", "45%"]], []),
        ([T, ["Pauh", 2026, "BPU", "peserta", 1200]], []),
        ([T, ["Kota Padang", 2026, "ALL", "cakupan", 145]], [("percent_range", 2, "nilai")]),
        ([T, ["Pauh", 2026, "BPU", "peserta", "12,5"]], [("not_whole", 2, "nilai")]),
        ([T, ["Pauh", 2026, "BPU", "jumlah", 5]], [("bad_metric", 2, "metrik")]),
        ([T, ["13.71.01.1001", 2026, "BPU", "peserta", 5]], [("target_desa", 2, "kecamatan")]),
        (
            [T, ["Pauh", 2026, "BPU", "peserta", 500], ["Padang", 2026, "BPU", "peserta", 400]],
            [("total_below_parts", 3, "nilai")],
        ),
        # a rate of the whole is no sum of the parts' rates: no total check
        ([T, ["Pauh", 2026, "ALL", "cakupan", 50], ["Padang", 2026, "ALL", "cakupan", 40]], []),
    ],
)
def test_targets(con, rows, expected):
    result = run(con, "target", rows)
    assert (result if isinstance(result, list) else []) == expected


A = ("kode agen", "wadah", "kecamatan", "tahun", "bulan", "jumlah peserta", "peserta membayar")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([A, ["SZ", "", "Pauh", 2024, 6, 254, 35]], []),
        ([A, ["SZ", "", "Pauh", 2024, 6, 254, 300]], [("paying_over_participants", 2, "peserta membayar")]),
        (
            [A, ["SZ", "", "Pauh", 2024, 6, 254, 35], ["sz", "", "Pauh", 2024, 6, 10, 1]],
            [("duplicate_row", 3, "kode agen")],
        ),
    ],
)
def test_perisai(con, rows, expected):
    result = run(con, "perisai", rows)
    assert (result if isinstance(result, list) else []) == expected


def test_perisai_full_name_is_only_a_warning(con):
    checked = run(con, "perisai", [A, ["Siti Zubaidah", "", "Pauh", 2024, 6, 254, 35]])
    assert [p.code for p in checked.warnings] == ["agent_full_name"]


def test_messages_name_file_row_column_in_both_languages(con):
    request = Request("participants", "13.71", "juni.csv", csv_bytes([P, ["Kototangah", 2024, 6, "BPU", "aktif", 5]]))
    with pytest.raises(ImportRejected) as exc:
        check(con, request, SECRET)
    (problem,) = exc.value.problems
    assert (
        problem.text("id")
        == "juni.csv · baris 2 · kolom 'kecamatan': Kecamatan 'Kototangah' tidak dikenal. Maksudnya 'Koto Tangah'?"
    )
    assert (
        problem.text("en")
        == "juni.csv · row 2 · column 'kecamatan': Unknown kecamatan 'Kototangah'. Did you mean 'Koto Tangah'?"
    )


def test_header_only_file_has_no_rows(con):
    assert run(con, "participants", [P]) == [("no_rows", None, None)]
