"""Subsidy recipient lists (the SK naming who an OPD pays for) and lists of people already registered.

Rows are checked one by one (NIK, name), duplicates within the list block the import, and NIKs
already on another OPD's list or among the registered are flagged, the double registration the
Probolinggo study reports. Only the NIK's keyed hash and masked forms are stored.
"""

from __future__ import annotations

from ucj.db import execute, run_query
from ucj.imports import recipients, values
from ucj.imports.columns import Column
from ucj.imports.common_columns import AREA
from ucj.imports.kind import Batch, Context, ImportKind, execute_with_rows
from ucj.imports.masking import mask_nik
from ucj.imports.problems import Problem
from ucj.imports.rows import Record

LIST_KINDS = ("subsidy", "registered")
NIK = Column(
    "nik",
    ("nik", "nomor induk kependudukan", "no ktp", "nomor ktp", "ktp", "national id"),
    recipients.parse_nik,
    "1371014506850003",
)
NAME = Column(
    "name", ("nama", "nama lengkap", "nama penerima", "nama peserta", "name", "full name"), values.text, "Siti Aminah"
)
GROUP = Column(
    "group_label",
    ("pekerjaan", "kelompok sasaran", "sasaran", "kelompok", "occupation", "target group"),
    values.optional_text,
    "petani",
    False,
)
OPTIONAL_AREA = Column(AREA.key, AREA.names, None, AREA.example, False)


def option_problems(ctx: Context) -> list[Problem]:
    """The list's own facts, entered beside the upload: which OPD, what kind of list."""
    options = ctx.request.options
    problems = []
    if not str(options.get("opd") or "").strip():
        problems.append(Problem("missing_opd", ctx.file_name))
    if options.get("list_kind") not in LIST_KINDS:
        problems.append(Problem("bad_list_kind", ctx.file_name, params={"options": ", ".join(LIST_KINDS)}))
    return problems


def nik_problems(records: list[Record], ctx: Context) -> list[Problem]:
    """Each NIK: 16 digits, the region's code, a possible birth date, a serial that is not 0000."""
    # People already registered with BPJSTK may hold a NIK from elsewhere: only a warning there.
    elsewhere = "warning" if ctx.request.options.get("list_kind") == "registered" else "error"
    problems = option_problems(ctx)
    for r in records:
        for code in recipients.nik_errors(r["nik"], ctx.region.kode_kab):
            severity = elsewhere if code == "nik_region" else "error"
            params = {"nik": mask_nik(r["nik"]), "region": ctx.region.kode_kab.replace(".", "")}
            problems.append(Problem(code, ctx.file_name, r["row"], ctx.column(NIK), params, severity))
    return problems


def other_list_problems(records: list[Record], ctx: Context) -> list[Problem]:
    """Warnings for NIKs already on a list: another OPD's, this OPD's own, or those already registered."""
    stored = run_query(ctx.con, "recipient_hashes", kode_kab=ctx.region.kode_kab)
    opd = str(ctx.request.options.get("opd") or "").strip().casefold()
    by_hash: dict[str, list[dict]] = {}
    for entry in stored.to_dict("records"):
        by_hash.setdefault(entry["nik_hash"], []).append(entry)
    problems = []
    for r in records:
        for entry in by_hash.get(recipients.nik_hash(r["nik"], ctx.secret), []):
            if entry["list_kind"] == "registered":
                code = "nik_already_registered"
            elif entry["opd"].casefold() != opd:
                code = "nik_other_opd"
            else:
                code = "nik_same_opd"  # paid twice by one OPD, or the same list uploaded again
            params = {"opd": entry["opd"], "list": entry["reference"] or entry["list_id"]}
            problems.append(Problem(code, ctx.file_name, r["row"], ctx.column(NIK), params, "warning"))
    return problems


def write(ctx: Context, records: list[Record], batch: Batch) -> int:
    options = ctx.request.options
    list_id = int(run_query(ctx.con, "import_next_ids")["list_id"].iloc[0])
    execute(
        ctx.con,
        "import_recipient_list",
        list_id=list_id,
        import_id=batch.import_id,
        kode_kab=ctx.region.kode_kab,
        opd=str(options["opd"]).strip(),
        list_kind=options["list_kind"],
        reference=options.get("reference") or None,
        year=options.get("year"),
    )
    rows = [
        {
            "row_number": r["row"],
            "nik_hash": recipients.nik_hash(r["nik"], ctx.secret),
            "nik_masked": mask_nik(r["nik"]),
            "name_masked": recipients.mask_name(r["name"]),
            "kode_kec": r.get("kode_wilayah") if r.get("level") == "kecamatan" else None,
            "group_label": r.get("group_label"),
        }
        for r in records
    ]
    execute_with_rows(ctx.con, "import_recipients", rows, list_id=list_id)
    return len(rows)


KIND = ImportKind(
    key="recipients",
    table="recipient",
    columns=(NIK, NAME, OPTIONAL_AREA, GROUP),
    identity=("nik",),
    checks=(nik_problems, other_list_problems),
    versioned=False,
    write=write,
)
