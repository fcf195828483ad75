"""One cell of a participant extract: a date, a month, a status, a funding source, programmes.

Extracts hold few distinct values per column (dates, codes), so the importer parses each distinct
value once with these functions and joins the result back to the rows in DuckDB.
"""

from __future__ import annotations

import datetime as dt
import re

from ucj.imports.columns import squash
from ucj.imports.table import Cell
from ucj.imports.values import MONTHS, SEGMENTS, CellError, choice, required

MEMBER_SEGMENTS = {k: v for k, v in SEGMENTS.items() if k != "ALL"}
MEMBER_STATUSES = {
    "aktif": ("aktif", "active", "pesertaaktif"),
    "nonaktif": ("nonaktif", "tidakaktif", "inactive", "menunggak", "inaktif"),
    "meninggal": ("meninggal", "meninggaldunia", "wafat", "deceased", "died"),
    "keluar": ("keluar", "berhenti", "mengundurkandiri", "left", "resigned", "exited"),
}
FUNDING = {
    "APBD": ("apbd",),
    "APBDES": ("apbdes", "danadesa", "dd", "add"),
    "DBHCHT": ("dbhcht", "cukai", "dbhcukai"),
    "POKIR": ("pokir", "pokokpikiran", "dprd"),
    "CSR": ("csr", "tjsl"),
    "MANDIRI": ("mandiri", "sendiri", "selfpaid", "self"),
    "PEMBERI_KERJA": ("pemberikerja", "perusahaan", "employer"),
}
PROGRAMMES = ("JKK", "JKM", "JHT", "JP", "JKP")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YM = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})[-/](\d{4})$")
_NAMED = re.compile(r"^([^\W\d_]+)[\s\-]+(\d{4})$")
YEARS = (1970, 2100)


def _date(year: int, month: int, day: int, cell: Cell) -> dt.date:
    if not YEARS[0] <= year <= YEARS[1]:
        raise CellError("bad_date", value=cell)
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise CellError("bad_date", value=cell) from exc


def date(cell: Cell) -> dt.date:
    """A day: '2023-05-17', '17/05/2023', '17-05-2023', '17.05.2023' or an Excel date."""
    cell = required(cell)
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = str(cell).strip()
    if found := _ISO.match(text):
        return _date(int(found[1]), int(found[2]), int(found[3]), cell)
    if found := _DMY.match(text):
        return _date(int(found[3]), int(found[2]), int(found[1]), cell)
    raise CellError("bad_date", value=cell)


def month(cell: Cell) -> dt.date:
    """The first day of a month: '2024-06', '06/2024', 'Juni 2024', or any day of it."""
    cell = required(cell)
    text = str(cell).strip()
    if found := _YM.match(text):
        return _date(int(found[1]), int(found[2]), 1, cell)
    if found := _MY.match(text):
        return _date(int(found[2]), int(found[1]), 1, cell)
    if (found := _NAMED.match(text)) and squash(found[1]) in MONTHS:
        return _date(int(found[2]), MONTHS[squash(found[1])], 1, cell)
    try:
        return date(cell).replace(day=1)
    except CellError as exc:
        raise CellError("bad_paid_month", value=cell) from exc


def segment(cell: Cell) -> str:
    return choice(cell, MEMBER_SEGMENTS, "bad_segment")


def status(cell: Cell) -> str:
    return choice(cell, MEMBER_STATUSES, "bad_member_status")


def funding(cell: Cell) -> str:
    return choice(cell, FUNDING, "bad_funding")


def programmes(cell: Cell) -> str:
    """'JKK, JKM dan JHT' → 'JKK,JKM,JHT', in the programmes' own order."""
    words = {w.upper() for w in re.split(r"[\s,;/+&]+|\bdan\b|\band\b", str(required(cell))) if w}
    unknown = words - set(PROGRAMMES)
    if unknown:
        raise CellError("bad_programme", value=", ".join(sorted(unknown)), options=", ".join(PROGRAMMES))
    return ",".join(p for p in PROGRAMMES if p in words)
