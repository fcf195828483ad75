"""Participant extracts (rekonsiliasi data kepesertaan): one row per participant, up to millions of rows.

Unlike the other kinds, an extract is never held as Python records. The file goes through DuckDB's
own CSV reader into a private staging database (an Excel sheet is first written out as CSV); every
column's distinct values are parsed once with the rules of `ucj.membership.values`, NIKs are
checked by `ucj.membership.nik` as a DuckDB function, and the problems come back as a query that
names row and column. Only after every check passes are NIKs hashed and names and KPJ numbers
encrypted, still in staging. The shared database is locked only for `commit`, which copies the
staged rows and the counts derived from them in one transaction, so other users are not held up
while a long file is read and checked.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from ucj.db import query_text, run_query
from ucj.imports import recipients, values
from ucj.imports.areas import Region
from ucj.imports.columns import Column, Header, find_header
from ucj.imports.common_columns import SEGMENT
from ucj.imports.masking import mask_nik
from ucj.imports.problems import MAX_PROBLEMS, ImportRejected, Problem, errors, rejected
from ucj.imports.reading import DELIMITERS, ZIP_MAGIC, decoded
from ucj.imports.recipient_list import NIK
from ucj.imports.table import MAX_COLUMNS, Row, Table
from ucj.imports.xlsx import read_sheet
from ucj.membership import active, crypto, nik
from ucj.membership import values as member_values
from ucj.paths import QUERIES, SCHEMA

KEY = "membership"
TABLE = "participant"
MAX_EXTRACT_BYTES = 1024 * 2**20  # about 5 million rows; a bigger extract is split by kecamatan
SAMPLE_BYTES = 64 * 1024  # enough to find the header and the delimiter
SYNTHETIC_MARK = "contoh sintetis"
_STATED_DATE = re.compile(r"\bper (\d{4}-\d{2}-\d{2})\b")
STAGE = QUERIES / "stage"

NAME = Column("name", ("nama", "nama peserta", "nama lengkap", "nama tenaga kerja", "name", "full name"), None, "")
COLUMNS: tuple[Column, ...] = (
    NIK,
    Column(NAME.key, NAME.names, values.optional_text, "Siti Aminah", False),
    Column(
        "kpj",
        ("no kpj", "nomor kpj", "kpj", "nomor kartu peserta", "no kartu", "kpj number", "card number"),
        values.optional_text,
        "24012345678",
        False,
    ),
    Column(SEGMENT.key, SEGMENT.names, member_values.segment, "BPU"),
    Column(
        "programmes",
        ("program", "program jaminan", "programmes", "programs"),
        member_values.programmes,
        "JKK, JKM",
        False,
    ),
    Column(
        "registered_on",
        (
            "tanggal daftar",
            "tgl daftar",
            "tanggal kepesertaan",
            "tanggal registrasi",
            "registration date",
            "registered on",
        ),
        member_values.date,
        "2023-05-17",
    ),
    Column(
        "status",
        ("status", "status peserta", "status kepesertaan", "participant status"),
        member_values.status,
        "aktif",
    ),
    Column(
        "last_paid",
        (
            "bulan terakhir bayar",
            "iuran terakhir",
            "bulan iuran terakhir",
            "terakhir bayar",
            "last paid month",
            "paid until",
        ),
        member_values.month,
        "2024-06",
    ),
    Column(
        "desa",
        ("desa", "kelurahan", "desa/kelurahan", "kode desa", "nama desa", "village", "village code"),
        None,
        "13.71.01.1001",
        False,
    ),
    Column(
        "funding",
        ("sumber iuran", "sumber dana", "pembiayaan", "dibayar oleh", "funding", "funding source"),
        member_values.funding,
        "APBD",
        False,
    ),
    Column("employer", ("pemberi kerja", "perusahaan", "nama perusahaan", "employer"), values.optional_text, "", False),
    Column(
        "agent",
        ("agen perisai", "perisai", "kode perisai", "kode agen", "perisai agent"),
        values.optional_text,
        "SZ",
        False,
    ),
)
BY_KEY = {c.key: c for c in COLUMNS}
# Columns parsed value by value (few distinct values); NIK is checked row by row in DuckDB.
PARSED = ("segment", "programmes", "registered_on", "status", "last_paid", "desa", "funding")
FREE_TEXT_LIMIT = 200

Progress = Callable[[str, int], None]  # stage ('read', 'checked') and rows done


@dataclass(frozen=True)
class ExtractKind:
    """The Data page's view of this kind: its key, table and columns (template and guide)."""

    key: str
    table: str
    columns: tuple[Column, ...]


KIND = ExtractKind(KEY, TABLE, COLUMNS)


@dataclass(frozen=True)
class Options:
    """What the user states beside the file."""

    extract_date: dt.date | None = None  # the date the data stand at; None: as the file's title states
    active_rule: str = active.DEFAULT_RULE


@dataclass(frozen=True)
class Facts:
    """What the extract is: the date its data stand at, its active rule, and whether it is synthetic."""

    extract_date: dt.date
    active_rule: str
    synthetic: bool  # the file's title says "contoh sintetis": NIKs with the synthetic birth month are accepted


@dataclass
class Staged:
    """An extract that passed every check, staged in its own database file until it is committed."""

    folder: Path
    file_name: str
    kode_kab: str
    facts: Facts
    sha256: str
    sheet: str | None
    file_rows: int
    warnings: tuple[Problem, ...]
    counts: pd.DataFrame  # the participants counts the commit will store (area × segment × status × month)
    outside: pd.DataFrame  # NIKs issued outside the region, by their kab/kota code

    @property
    def database(self) -> Path:
        return self.folder / "stage.duckdb"

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def check_size(file_name: str, size: int) -> None:
    """Refuse an empty or oversize file before reading a byte of it."""
    if size == 0:
        raise rejected("empty_file", file_name)
    if size > MAX_EXTRACT_BYTES:
        raise rejected("too_big", file_name, size_mb=round(size / 2**20, 1), limit_mb=MAX_EXTRACT_BYTES // 2**20)


def _sample_text(file_name: str, path: Path) -> tuple[str, str]:
    with path.open("rb") as fh:
        sample = fh.read(SAMPLE_BYTES)
    if len(sample) == SAMPLE_BYTES:  # cut at the last line end, not inside a character
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    return decoded(file_name, sample)


def _duckdb_encoding(encoding: str) -> str:
    if encoding.startswith("utf-16"):
        return "utf-16"
    return "utf-8" if encoding.startswith("utf-8") or encoding == "ascii" else "latin-1"


def _xlsx_as_csv(file_name: str, data: bytes, sheet: str | None, out: Path) -> tuple[Path, str | None, list[Problem]]:
    """An Excel sheet written out as UTF-8 CSV, so that one reader serves both; NIKs typed as numbers are problems."""
    table = read_sheet(file_name, data, sheet)
    header, _ = find_header(table, COLUMNS)
    nik_position = header.positions.get(NIK.key)
    problems = []
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        for row in table.rows:
            cells = []
            for index, cell in enumerate(row.cells):
                if row.number > header.row and index == nik_position and isinstance(cell, int | float):
                    problems.append(Problem("nik_number_cell", file_name, row.number, header.labels[NIK.key]))
                cells.append(_cell_text(cell))
            writer.writerow(cells)
    return out, table.sheet, problems


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _header(file_name: str, text: str) -> tuple[str, Header, list[Problem], str, int]:
    """The delimiter, the header (row, positions), its problems, the text above it and its number of columns."""
    try:
        delimiter = csv.Sniffer().sniff(text[:8192], delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = [Row(n, tuple(cells)) for n, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)]
    except csv.Error as exc:
        raise rejected("bad_csv", file_name, detail=str(exc)) from exc
    rows = [r for r in rows[:50] if any(c.strip() for c in r.cells)]
    if not rows:
        raise rejected("empty_file", file_name)
    if max(len(r.cells) for r in rows) > MAX_COLUMNS:
        raise rejected("too_many_columns", file_name, limit=MAX_COLUMNS)
    header, problems = find_header(Table(file_name, tuple(rows)), COLUMNS)
    title = " ".join(c for r in rows if r.number < header.row for c in r.cells)
    width = max((len(r.cells) for r in rows if r.number == header.row), default=0)
    return delimiter, header, problems, title, width


def facts(file_name: str, title: str, options: Options) -> Facts:
    """The extract's facts from the user's options and the file's title ("… per 2024-06-30", "contoh sintetis")."""
    stated = _STATED_DATE.search(title)
    extract_date = options.extract_date or (dt.date.fromisoformat(stated[1]) if stated else None)
    if extract_date is None:
        raise rejected("missing_extract_date", file_name)
    return Facts(extract_date, options.active_rule, SYNTHETIC_MARK in title.casefold())


def _nik_problem(synthetic: bool) -> Callable[[str], str | None]:
    """The first problem code of a NIK cell (a number in Excel's notation, then the NIK rules), or None."""

    def first(text: str) -> str | None:
        try:
            digits = recipients.parse_nik(text)
        except values.CellError as exc:
            return exc.code
        return next(iter(nik.problems(digits, synthetic)), None)

    return first


def _each(function: Callable[[str], object]) -> Callable[[list[str | None]], list[object]]:
    """A per-value rule applied to a batch (nulls stay null)."""
    return lambda texts: [None if v is None else function(v) for v in texts]


def _arrow(function: Callable[[list[str | None]], list[object]], kind: pa.DataType) -> Callable[[pa.Array], pa.Array]:
    """A batch function over Python values as a DuckDB function over Arrow batches."""
    return lambda column: pa.array(function(column.to_pylist()), kind)


def _register_functions(con: duckdb.DuckDBPyConnection, secret: bytes, synthetic: bool) -> None:
    """The Python rules DuckDB calls: NIK cleaning and check, keyed hash, encryption (each a batch at a time)."""
    varchar = duckdb.sqltype("varchar")
    functions = {
        "nik_clean": (_each(nik.clean), pa.string(), varchar),
        "nik_problem": (_each(_nik_problem(synthetic)), pa.string(), varchar),
        "keyed_hash": (lambda texts: recipients.nik_hashes(texts, secret), pa.string(), varchar),
        "seal": (crypto.encrypt_all, pa.binary(), duckdb.sqltype("blob")),
    }
    for name, (function, arrow_type, sql_type) in functions.items():
        con.create_function(
            name, _arrow(function, arrow_type), [varchar], sql_type, type="arrow", null_handling="special"
        )


def _value_maps(con: duckdb.DuckDBPyConnection, region: Region) -> None:
    """Each parsed column's distinct raw values with their value or problem, as table map_<column>."""
    for key in PARSED:
        raw = [v for (v,) in con.execute(f"select distinct {key} from raw where {key} is not null").fetchall()]
        rows = []
        for text in raw:
            try:
                parsed = region.match_desa(text) if key == "desa" else BY_KEY[key].parse(text)
                value = parsed.kode if key == "desa" else parsed
                rows.append({"raw": text, "value": str(value), "code": None, "params": None})
            except values.CellError as exc:
                rows.append(
                    {"raw": text, "value": None, "code": exc.code, "params": json.dumps(exc.params, default=str)}
                )
        frame = pd.DataFrame(rows, columns=["raw", "value", "code", "params"]).astype(object)
        con.register(f"map_{key}_frame", frame)
        con.execute(
            f"create table map_{key} as select raw::varchar as raw, value::varchar as value,"
            f" code::varchar as code, params::varchar as params from map_{key}_frame"
        )
        con.unregister(f"map_{key}_frame")


def _stage_sql(name: str) -> str:
    return query_text(name, STAGE)


def _read_raw(
    con: duckdb.DuckDBPyConnection, path: Path, delimiter: str, encoding: str, header: Header, width: int
) -> int:
    """The file's rows below the header as text, one column per known key (absent ones empty)."""
    # The select list is made from the fixed column keys and the header's column positions, never
    # from the file's text: the file's columns are named c0, c1, … by position.
    picked = [
        f"nullif(trim(c{header.positions[c.key]}), '') as {c.key}"
        if c.key in header.positions
        else f"null::varchar as {c.key}"
        for c in COLUMNS
    ]
    con.execute(
        "create table raw_file as select * from read_csv($path, delim = $delim, header = false, skip = $skip,"
        " names = $names, all_varchar = true, null_padding = true, encoding = $encoding, quote = '\"', escape = '\"')",
        {
            "path": str(path),
            "delim": delimiter,
            "skip": header.row,
            "encoding": encoding,
            "names": [f"c{i}" for i in range(width)],
        },
    )
    con.execute(
        f"create table raw as select cast(rowid + {int(header.row) + 1} as integer) as row, {', '.join(picked)}"
        " from raw_file"
    )
    con.execute("drop table raw_file")
    blank = " and ".join(f"{c.key} is null" for c in COLUMNS)
    con.execute(f"delete from raw where {blank}")
    return con.execute("select count(*) from raw").fetchone()[0]


def _value_problems(
    con: duckdb.DuckDBPyConnection, file_name: str, labels: dict[str, str], extract_date: dt.date
) -> list[Problem]:
    found = con.execute(
        _stage_sql("problems"),
        {"extract_date": extract_date, "limit": FREE_TEXT_LIMIT, "max_problems": MAX_PROBLEMS},
    ).fetchall()
    problems = []
    for row, key, code, params_json, _total in found:
        params = json.loads(params_json) if params_json else {}
        if "nik" in params:
            params["nik"] = mask_nik(str(params["nik"]))
        if code == "nik_number_cell":
            params = {}
        column = labels.get(key, BY_KEY[key].header)
        problems.append(Problem(code, file_name, int(row), column, params))
    return problems


def _region_tables(con: duckdb.DuckDBPyConnection, region: Region) -> None:
    """The region's kecamatan and desa, under the names the shared database uses, so the same queries run here."""
    kecamatan = pd.DataFrame({"kode_kec": list(region.kecamatan), "nama": list(region.kecamatan.values())})
    desa = pd.DataFrame(
        {"kode_desa": list(region.desa), "kode_kec": [k[:8] for k in region.desa], "nama": list(region.desa.values())}
    )
    con.register("kecamatan_frame", kecamatan.assign(kode_kab=region.kode_kab))
    con.register("desa_frame", desa)
    con.execute("create table kecamatan as select kode_kec, kode_kab, nama from kecamatan_frame")
    con.execute("create table desa as select kode_desa, kode_kec, nama from desa_frame")
    con.unregister("kecamatan_frame")
    con.unregister("desa_frame")


def _schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute((SCHEMA / "10_membership.sql").read_text(encoding="utf-8"))


def stage(
    path: Path,
    file_name: str,
    region: Region,
    options: Options,
    secret: bytes,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> Staged:
    """Read and check an extract into a staging database; ImportRejected (and nothing kept) when it has errors."""
    report = progress or (lambda stage, rows: None)
    check_size(file_name, path.stat().st_size)
    if options.active_rule not in active.RULES:
        raise rejected("bad_active_rule", file_name, options=", ".join(active.RULES))
    folder = Path(tempfile.mkdtemp(prefix="ucj-extract-"))
    try:
        return _stage_in(folder, path, file_name, region, options, secret, sheet, report)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _stage_in(
    folder: Path,
    path: Path,
    file_name: str,
    region: Region,
    options: Options,
    secret: bytes,
    sheet: str | None,
    report: Progress,
) -> Staged:
    problems: list[Problem] = []
    sha256 = _sha256(path)
    with path.open("rb") as fh:
        is_excel = fh.read(4) == ZIP_MAGIC
    if is_excel:
        path, sheet, problems = _xlsx_as_csv(file_name, path.read_bytes(), sheet, folder / "sheet.csv")
    text, encoding = _sample_text(file_name, path)
    delimiter, header, header_problems, title, width = _header(file_name, text)
    problems += header_problems
    if errors(problems):
        raise ImportRejected(problems)
    known = facts(file_name, title, options)
    con = duckdb.connect(str(folder / "stage.duckdb"))
    try:
        _register_functions(con, secret, known.synthetic)
        try:
            rows = _read_raw(con, path, delimiter, _duckdb_encoding(encoding), header, width)
        except duckdb.Error as exc:
            raise rejected("bad_csv", file_name, detail=str(exc).splitlines()[0]) from exc
        report("read", rows)
        if rows == 0:
            raise rejected("no_rows", file_name)
        _value_maps(con, region)
        con.execute(_stage_sql("nik_checked"))
        problems += _value_problems(con, file_name, header.labels, known.extract_date)
        report("checked", rows)
        if errors(problems):
            raise ImportRejected(problems)
        _schema(con)
        _region_tables(con, region)
        con.execute(_stage_sql("participant"), {"kode_kab": region.kode_kab})
        con.execute(
            "insert into participant_extract values (0, $kode_kab, $file_name, $extract_date, $rule, $synthetic)",
            {
                "kode_kab": region.kode_kab,
                "file_name": file_name,
                "extract_date": known.extract_date,
                "rule": known.active_rule,
                "synthetic": known.synthetic,
            },
        )
        for table in ("raw", "nik_checked", *(f"map_{key}" for key in PARSED)):
            con.execute(f"drop table {table}")
        counts = run_query(con, "membership_counts", import_id=0)
        outside = run_query(con, "membership_outside", import_id=0)
    finally:
        con.close()
    return Staged(folder, file_name, region.kode_kab, known, sha256, sheet, rows, tuple(problems), counts, outside)


def sample(staged: Staged) -> pd.DataFrame:
    """The first staged participants (encrypted columns still encrypted), for a masked preview."""
    with duckdb.connect(str(staged.database), read_only=True) as con:
        return run_query(con, "membership_sample", import_id=0)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()
