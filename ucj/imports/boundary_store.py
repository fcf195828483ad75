"""Store a checked boundary upload as a new region (one import), or roll it back.

Rolling back takes one transaction per level: DuckDB refuses to delete a parent row in the
transaction that deletes its children (its foreign-key check sees the children until commit; see
DuckDB's "foreign key limitations"). Polygons and desa go first, then kecamatan, then the region
with its source, the import's active state and the audit entry. Each step only deletes, so if
one fails the import stays active and rolling back again finishes the job.
"""

from __future__ import annotations

import re
import unicodedata

import duckdb
import pandas as pd

from ucj.db import Database, execute, run_query
from ucj.imports.boundaries import Boundaries, is_plain_name
from ucj.imports.kind import Batch, Request, execute_with_rows
from ucj.imports.problems import ImportRejected, Problem, reject_if_errors
from ucj.imports.store import (
    batch_row,
    close_batch,
    next_import_id,
    open_batch,
    record_change,
    rollback_scope_problems,
    scope_problems,
    table_counts,
)


def slug_for(nama: str, kode_kab: str, taken: set[str]) -> str:
    """'Kota Bukittinggi' → 'bukittinggi' (with the code appended if another region has it)."""
    plain = unicodedata.normalize("NFKD", nama).encode("ascii", "ignore").decode()
    plain = re.sub(r"^(kota|kabupaten|kab\.?)\s+", "", plain.strip(), flags=re.IGNORECASE)
    slug = re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-") or "wilayah"
    return slug if slug not in taken else f"{slug}-{kode_kab.replace('.', '')}"


def _kecamatan_rows(upload: Boundaries) -> list[dict]:
    desa_per_kec = pd.Series([d.kode[:8] for d in upload.desa], dtype=object).value_counts().to_dict()
    return [
        {
            "kode_kec": a.kode,
            "kode_kab": upload.kode_kab,
            "nama": a.nama,
            "luas_km2": a.luas_km2,
            "jumlah_desa_kel": desa_per_kec.get(a.kode),
        }
        for a in upload.kecamatan
    ]


def _desa_rows(upload: Boundaries) -> list[dict]:
    # Kemendagri numbers kelurahan 1xxx and desa 2xxx.
    return [
        {
            "kode_desa": a.kode,
            "kode_kec": a.kode[:8],
            "nama": a.nama,
            "jenis": "kelurahan" if a.kode[9] == "1" else "desa",
            "luas_km2": a.luas_km2,
        }
        for a in upload.desa
    ]


def _polygon_rows(upload: Boundaries) -> list[dict]:
    return [
        {"kode": a.kode, "level": level, "geojson": a.geojson()}
        for level, areas in (("kecamatan", upload.kecamatan), ("desa", upload.desa))
        for a in areas
    ]


def commit(
    con: duckdb.DuckDBPyConnection,
    upload: Boundaries,
    nama: str,
    provinsi: str,
    file_names: list[str],
    data: list[bytes],
    actor: str,
) -> int:
    """Insert region, kecamatan, desa and polygons as one import, in the caller's transaction."""
    reject_if_errors(scope_problems(con, actor, upload.kode_kab, file_names[0]))
    for name in (nama, provinsi):
        if not is_plain_name(name):
            raise ImportRejected([Problem("bad_name", file_names[0], params={"value": name})])
    before = table_counts(con)
    taken = set(run_query(con, "regions")["slug"])
    import_id = next_import_id(con)
    file_name = " + ".join(file_names)
    source_id = open_batch(con, import_id, file_name, actor)
    execute(
        con,
        "import_region",
        kode_kab=upload.kode_kab,
        slug=slug_for(nama, upload.kode_kab, taken),
        nama=nama,
        jenis=upload.jenis,
        kode_prov=upload.kode_kab[:2],
        provinsi=provinsi,
        luas_km2=round(sum(a.luas_km2 for a in upload.kecamatan), 3),
    )
    kecamatan, desa, polygons = _kecamatan_rows(upload), _desa_rows(upload), _polygon_rows(upload)
    execute_with_rows(con, "import_kecamatan", kecamatan)
    if desa:
        execute_with_rows(con, "import_desa", desa)
    execute_with_rows(con, "import_boundary", polygons, source=f"Unggahan #{import_id}: {file_name}")
    request = Request("boundaries", upload.kode_kab, file_name, b"".join(data))
    counts = {"kecamatan": len(kecamatan), "desa": len(desa), "poligon": len(polygons)}
    close_batch(
        con,
        Batch(import_id, source_id),
        request,
        kind="boundaries",
        sheet=None,
        file_rows=len(upload.kecamatan) + len(upload.desa),
        stored_rows=1 + sum(counts.values()),
        actor=actor,
    )
    listed = ", ".join(f"{n} {what}" for what, n in counts.items())
    detail = f"impor #{import_id}: wilayah baru {upload.kode_kab} {nama} dari {file_name} ({listed})"
    record_change(con, actor, "import", "region", detail, before)
    return import_id


def roll_back(db: Database, kode_kab: str, import_id: int, actor: str) -> None:
    """Remove an uploaded region; refused while figures uploaded for it are still active."""
    with db.writer() as con:
        batch = batch_row(con, kode_kab, import_id)
        reject_if_errors(rollback_scope_problems(con, kode_kab, batch, actor))
        others = run_query(con, "import_batches", kode_kab=kode_kab)
        others = others[others["is_active"] & (others["import_id"] != import_id)]
        if not others.empty:
            ids = ", ".join(f"#{i}" for i in others["import_id"])
            raise ImportRejected([Problem("region_in_use", batch["file_name"], params={"imports": ids})])
        before = table_counts(con)
        execute(con, "import_undo_boundary", kode_kab=kode_kab)
        execute(con, "import_undo_desa", kode_kab=kode_kab)
    with db.writer() as con:
        execute(con, "import_undo_kecamatan", kode_kab=kode_kab)
    with db.writer() as con:
        execute(con, "import_undo_region", kode_kab=kode_kab)
        execute(con, "import_undo_source", source_id=batch["source_id"])
        execute(con, "import_batch_rolled_back", import_id=import_id, actor=actor)
        detail = f"impor #{import_id} dibatalkan: wilayah {kode_kab} dengan kecamatan, desa dan poligonnya dihapus"
        record_change(con, actor, "rollback", "region", detail, before)
