"""Workforce (tenaga kerja / angkatan kerja, per month) and population (per year) per area."""

from __future__ import annotations

from ucj.imports.common_columns import AREA, MONTH, YEAR, persons, with_period
from ucj.imports.kind import ImportKind, insert_rows
from ucj.imports.totals import by_kecamatan

WORKFORCE = ImportKind(
    key="workforce",
    table="workforce",
    columns=(
        AREA,
        YEAR,
        MONTH,
        persons("jumlah tenaga kerja", "tenaga kerja", "angkatan kerja", "jumlah", "workforce", "labour force"),
    ),
    identity=("kode_wilayah", "period"),
    axes=(by_kecamatan("period"),),
    shape=with_period,
    write=insert_rows("import_workforce", ("kode_wilayah", "level", "period", "persons", "method")),
)

POPULATION = ImportKind(
    key="population",
    table="population",
    columns=(AREA, YEAR, persons("jumlah penduduk", "penduduk", "jumlah", "population", "persons")),
    identity=("kode_wilayah", "year"),
    axes=(by_kecamatan("year"),),
    write=insert_rows("import_population", ("kode_wilayah", "level", "year", "persons", "method")),
)
