"""Population by age group per desa/kelurahan or kecamatan (Disdukcapil's DKB semester tables).

Stored as given, and turned at once into each area's workforce estimate (working age × the kab/kota
TPAK entered beside the upload, `ucj.imports.working_age`), which takes the place of the build's
spread for that area. The TPAK and its source are the import's options, like a recipient list's OPD.
"""

from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd

from ucj.db import execute, run_query
from ucj.imports import age_groups, values
from ucj.imports.columns import Column
from ucj.imports.common_columns import AREA, YEAR, persons
from ucj.imports.kind import Batch, Context, ImportKind, execute_with_rows
from ucj.imports.problems import Problem
from ucj.imports.rows import Record
from ucj.imports.working_age import Tpak, kecamatan_totals, reference_period, workforce_rows

DKB_AREA = Column(
    "area",
    ("desa/kelurahan", "desa", "kelurahan", "nama desa", "kode desa", "desa kelurahan", "village", *AREA.names),
    None,
    "13.71.01.1001",
    desa_names=True,
)
SEMESTER = Column("semester", ("semester", "smt", "sem", "half year"), values.semester, "1")
AGE = Column(
    "age_group",
    ("kelompok umur", "kelompok usia", "golongan umur", "umur", "usia", "age group", "age"),
    age_groups.age_group,
    "15-19",
)
PERSONS = persons("jumlah penduduk", "jumlah", "penduduk", "jumlah jiwa", "jiwa", "population", "persons")


def _rate_ok(rate: object) -> bool:
    """A TPAK is a percentage above 0 (nobody working is no rate to multiply by) and at most 100."""
    return isinstance(rate, int | float) and math.isfinite(rate) and 0 < rate <= 100


def tpak_of(ctx: Context) -> Tpak | None:
    """The TPAK and source entered beside the upload, or None when either is missing or out of range."""
    rate, source = ctx.request.options.get("tpak"), str(ctx.request.options.get("tpak_source") or "").strip()
    return Tpak(float(rate), source) if _rate_ok(rate) and source else None


def shape(record: Record) -> Record:
    group = record["age_group"]
    return record | {
        "measure": "population_age",
        "age_group": str(group),
        "age_low": group.low,
        "age_high": group.high,
        "period": reference_period(record["year"], record["semester"]),
    }


def option_problems(records: list[Record], ctx: Context) -> list[Problem]:
    """The TPAK must be a percentage above 0 and at most 100, and say where it comes from."""
    rate = ctx.request.options.get("tpak")
    problems = []
    if rate is None:
        problems.append(Problem("tpak_missing", ctx.file_name))
    elif not _rate_ok(rate):
        problems.append(Problem("tpak_range", ctx.file_name, params={"value": rate}))
    if not str(ctx.request.options.get("tpak_source") or "").strip():
        problems.append(Problem("tpak_source_missing", ctx.file_name))
    return problems


def level_problems(records: list[Record], ctx: Context) -> list[Problem]:
    """A kab/kota total row: the rule works per desa and kecamatan, and BPS publishes the kab/kota's own."""
    return [
        Problem("age_total_row", ctx.file_name, r["row"], ctx.column(DKB_AREA), {"value": r["area_name"]})
        for r in records
        if r["level"] == "kabupaten"
    ]


def _tables(records: list[Record]) -> dict[tuple, list[Record]]:
    """One area's rows for one semester: the table its age groups must fit into."""
    found: dict[tuple, list[Record]] = defaultdict(list)
    for r in records:
        found[(r["kode_wilayah"], r["period"])].append(r)
    return found


def group_problems(records: list[Record], ctx: Context) -> list[Problem]:
    """Groups of one area and semester that overlap, and working ages the groups leave out."""
    column = ctx.column(AGE)
    problems = []
    for rows in _tables(records).values():
        by_group = {age_groups.AgeGroup(r["age_low"], r["age_high"]): r for r in reversed(rows)}  # first row wins
        overlap = age_groups.first_overlap(by_group)
        if overlap:
            first, second = (by_group[g] for g in overlap)
            later, earlier = sorted((first, second), key=lambda r: r["row"], reverse=True)
            params = {"value": later["age_group"], "other": earlier["age_group"], "first": earlier["row"]}
            problems.append(Problem("age_groups_overlap", ctx.file_name, later["row"], column, params))
        elif not age_groups.covers_working_age(by_group):
            params = {"area": rows[0]["area_name"], "age": age_groups.WORKING_AGE}
            problems.append(Problem("age_groups_gap", ctx.file_name, rows[0]["row"], column, params))
    return problems


def taken_problems(records: list[Record], ctx: Context) -> list[Problem]:
    """Areas and semesters an earlier DKB upload still holds (also a kecamatan summed from its desa)."""
    stored = run_query(ctx.con, "import_population_age_taken", kode_kab=ctx.region.kode_kab)
    owner = {(r.kode_wilayah, pd.Timestamp(r.period).date()): int(r.import_id) for r in stored.itertuples()}
    summed, _ = kecamatan_totals(records, ctx.region)
    first_rows = {key: rows[0]["row"] for key, rows in _tables(records).items()}
    wanted = list(first_rows) + [(area.kode, area.period) for area in summed]
    return [
        Problem(
            "already_uploaded",
            ctx.file_name,
            first_rows.get((kode, period)),
            None,
            {"import_id": owner[(kode, period)], "what": f"{kode} · {period:%Y-%m}"},
        )
        for kode, period in dict.fromkeys(wanted)
        if (kode, period) in owner
    ]


def partial_warnings(records: list[Record], ctx: Context) -> list[Problem]:
    """A kecamatan the file covers only in part gets no workforce of its own: say so, it is not a mistake."""
    _, partial = kecamatan_totals(records, ctx.region)
    return [
        Problem(
            "age_kecamatan_partial",
            ctx.file_name,
            params={
                "area": area.name,
                "present": present,
                "total": total,
                "semester": area.semester,
                "year": area.year,
            },
            severity="warning",
        )
        for area, (present, total) in sorted(partial.items())
    ]


def derive(records: list[Record], ctx: Context) -> list[Record]:
    tpak = tpak_of(ctx)
    return workforce_rows(records, ctx.region, tpak) if tpak else []


def write(ctx: Context, records: list[Record], batch: Batch) -> int:
    """The age rows, then the workforce estimates in place of the spread rows they displace."""
    ages = [r for r in records if r["measure"] == "population_age"]
    workforce = [r for r in records if r["measure"] == "workforce"]
    params = {"import_id": batch.import_id, "source_id": batch.source_id}
    age_columns = ("kode_wilayah", "level", "period", "age_low", "age_high", "persons")
    execute_with_rows(ctx.con, "import_population_age", ages, age_columns, **params)
    key = ("kode_wilayah", "period")
    execute_with_rows(ctx.con, "import_population_age_set_aside", workforce, key, import_id=batch.import_id)
    execute(ctx.con, "import_population_age_displace", import_id=batch.import_id)
    columns = ("kode_wilayah", "level", "period", "persons", "method")
    execute_with_rows(ctx.con, "import_population_age_workforce", workforce, columns, **params)
    return len(ages)  # rollback counts the age rows; the workforce rows go with them


KIND = ImportKind(
    key="population_age",
    table="population_age",
    columns=(DKB_AREA, YEAR, SEMESTER, AGE, PERSONS),
    identity=("kode_wilayah", "period", "age_low", "age_high"),
    checks=(option_problems, level_problems, group_problems, taken_problems, partial_warnings),
    shape=shape,
    derive=derive,
    versioned=False,  # an earlier upload of the same area and semester is found by taken_problems
    write=write,
)
