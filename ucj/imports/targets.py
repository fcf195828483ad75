"""Targets per kabupaten/kota or kecamatan: a coverage rate (percent) or a number of participants."""

from __future__ import annotations

from ucj.imports import values
from ucj.imports.columns import Column
from ucj.imports.common_columns import AREA, SEGMENT, YEAR
from ucj.imports.kind import Context, ImportKind, insert_rows
from ucj.imports.problems import Problem
from ucj.imports.rows import Record
from ucj.imports.table import Cell
from ucj.imports.totals import by_kecamatan

METRICS = {
    "coverage_rate": ("cakupan", "persencakupan", "targetcakupan", "coverage", "coveragerate", "ucj"),
    "participants": ("peserta", "jumlahpeserta", "targetpeserta", "participants"),
}


def metric(cell: Cell) -> str:
    return values.choice(cell, METRICS, "bad_metric")


METRIC = Column("metric", ("metrik", "jenis target", "ukuran", "metric", "target type"), metric, "cakupan")
VALUE = Column("value", ("nilai target", "nilai", "target", "value"), values.amount, "45")


def value_fits_metric(records: list[Record], ctx: Context) -> list[Problem]:
    """A rate lies in 0–100; a number of participants is whole; targets stop at kecamatan level."""
    problems = []
    for r in records:
        if r["metric"] == "coverage_rate" and r["value"] > 100:
            problems.append(Problem("percent_range", ctx.file_name, r["row"], ctx.column(VALUE), {"value": r["value"]}))
        elif r["metric"] == "participants" and not float(r["value"]).is_integer():
            problems.append(Problem("not_whole", ctx.file_name, r["row"], ctx.column(VALUE), {"value": r["value"]}))
        if r["level"] == "desa":
            params = {"value": r["area_name"]}
            problems.append(Problem("target_desa", ctx.file_name, r["row"], ctx.column(AREA), params))
    return problems


KIND = ImportKind(
    key="target",
    table="target",
    columns=(AREA, YEAR, SEGMENT, METRIC, VALUE),
    identity=("kode_wilayah", "year", "segment", "metric"),
    checks=(value_fits_metric,),
    axes=(by_kecamatan("year", "segment", "metric", where=lambda r: r["metric"] == "participants"),),
    value="value",
    write=insert_rows("import_target", ("kode_wilayah", "level", "year", "segment", "metric", "value", "method")),
)
