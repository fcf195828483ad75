"""BPJS Ketenagakerjaan's monthly participant counts per kecamatan × segment × status."""

from __future__ import annotations

from ucj.imports import values
from ucj.imports.columns import Column
from ucj.imports.common_columns import AREA, MONTH, SEGMENT, YEAR, persons, with_period
from ucj.imports.kind import Context, ImportKind, insert_rows
from ucj.imports.problems import Problem
from ucj.imports.rows import Record
from ucj.imports.totals import BY_SEGMENT, by_kecamatan

STATUS = Column(
    "status", ("status", "status peserta", "status kepesertaan", "participant status"), values.status, "aktif"
)
COUNT = persons("jumlah peserta", "jumlah", "peserta", "orang", "participants", "count", "persons", "number")


def active_over_registered(records: list[Record], ctx: Context) -> list[Problem]:
    """Active participants are a subset of the registered: more active than registered is an error."""
    registered = {
        (r["kode_wilayah"], r["period"], r["segment"]): r["persons"] for r in records if r["status"] == "registered"
    }
    problems = []
    for r in records:
        limit = registered.get((r["kode_wilayah"], r["period"], r["segment"]))
        if r["status"] == "active" and limit is not None and r["persons"] > limit:
            params = {"active": r["persons"], "registered": limit}
            problems.append(Problem("active_over_registered", ctx.file_name, r["row"], ctx.column(COUNT), params))
    return problems


KIND = ImportKind(
    key="participants",
    table="participants",
    columns=(AREA, YEAR, MONTH, SEGMENT, STATUS, COUNT),
    identity=("kode_wilayah", "period", "segment", "status"),
    checks=(active_over_registered,),
    axes=(BY_SEGMENT, by_kecamatan("period", "segment", "status")),
    shape=with_period,
    write=insert_rows(
        "import_participants", ("kode_wilayah", "level", "period", "segment", "status", "persons", "method")
    ),
)
