"""Parse one cell into the value a column needs, or raise `CellError` naming the problem.

Counts accept Indonesian and English digit grouping (1.234 / 1,234) but never a fraction; Excel
numbers arrive as int or float. Months accept 1–12 and Indonesian or English names.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from ucj.imports.columns import squash
from ucj.imports.masking import mask_nik_shaped
from ucj.imports.table import Cell, is_blank

YEAR_RANGE = (1990, 2100)
SEGMENTS = {
    "ALL": ("all", "semua", "semuasegmen", "total", "jumlah"),
    "PU": ("pu", "ppu", "penerimaupah", "pekerjapenerimaupah", "wage", "wageearners"),
    "BPU": ("bpu", "pbpu", "bukanpenerimaupah", "pekerjabukanpenerimaupah", "informal", "nonwage"),
    "JAKON": ("jakon", "jasakonstruksi", "konstruksi", "construction"),
    "PMI": ("pmi", "pekerjamigran", "pekerjamigranindonesia", "migrant", "migrantworkers"),
}
STATUSES = {
    "active": ("aktif", "active", "pesertaaktif"),
    "registered": ("terdaftar", "registered", "daftar", "pesertaterdaftar"),
}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan", "january"),
            ("februari", "feb", "pebruari", "february"),
            ("maret", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("agustus", "agu", "agt", "ags", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov", "nopember"),
            ("desember", "des", "dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_GROUPED = re.compile(r"^\d{1,3}([.,])\d{3}(\1\d{3})*$")
_GROUPED_DECIMAL = re.compile(r"^\d{1,3}(?:(\.)\d{3})+,\d+$|^\d{1,3}(?:(,)\d{3})+\.\d+$")  # 1.234,5 or 1,234.5


class CellError(ValueError):
    """A cell that cannot be the value its column needs; `code` names a locale message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# More people than live in Indonesia is a typo (or a NIK in the wrong column), and beyond 64-bit
# integers the database could not store it at all.
COUNT_MAX = 300_000_000


def required(cell: Cell) -> Cell:
    if is_blank(cell):
        raise CellError("missing_value")
    return cell


def _number(cell: Cell) -> float:
    if isinstance(cell, bool) or not isinstance(cell, int | float | str):
        raise CellError("not_number", value=cell)
    if isinstance(cell, int | float):
        if not math.isfinite(cell):
            raise CellError("not_number", value=cell)
        return float(cell)
    text = cell.strip().replace(" ", "").replace("\u00a0", "")
    sign = -1.0 if text.startswith("-") else 1.0
    digits = text.lstrip("+-")
    if _GROUPED.match(digits):
        return sign * float(re.sub(r"[.,]", "", digits))
    decimal = _GROUPED_DECIMAL.match(digits)
    if decimal:
        group = decimal.group(1) or decimal.group(2)
        return sign * float(digits.replace(group, "").replace(",", "."))
    if re.fullmatch(r"\d+", digits):
        return sign * float(digits)
    if re.fullmatch(r"\d+[.,]\d+", digits):
        return sign * float(digits.replace(",", "."))
    raise CellError("not_number", value=cell)


def count(cell: Cell) -> int:
    """A whole, non-negative number of people, at most COUNT_MAX."""
    value = _number(required(cell))
    if value < 0:
        raise CellError("negative", value=cell)
    if not value.is_integer():
        raise CellError("not_whole", value=cell)
    if value > COUNT_MAX:
        raise CellError("too_large", value=cell, limit=COUNT_MAX)
    return int(value)


def amount(cell: Cell) -> float:
    """A non-negative number, whole or not, with an optional '%' (a target in people or in percent)."""
    cell = required(cell)
    value = _number(cell.strip().rstrip("%").strip() if isinstance(cell, str) else cell)
    if value < 0:
        raise CellError("negative", value=cell)
    return value


def year(cell: Cell) -> int:
    value = _number(required(cell))
    if not value.is_integer() or not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        raise CellError("bad_year", value=cell, low=YEAR_RANGE[0], high=YEAR_RANGE[1])
    return int(value)


def month(cell: Cell) -> int:
    """1–12 from a number, a month name (Indonesian or English) or an Excel date."""
    cell = required(cell)
    if isinstance(cell, dt.date):
        return cell.month
    if isinstance(cell, str) and squash(cell) in MONTHS:
        return MONTHS[squash(cell)]
    try:
        value = _number(cell)
    except CellError as exc:
        raise CellError("bad_month", value=cell) from exc
    if not value.is_integer() or not 1 <= value <= 12:
        raise CellError("month_range", value=cell)
    return int(value)


SEMESTERS = {1: ("1", "i", "semester1", "smt1", "s1", "sem1"), 2: ("2", "ii", "semester2", "smt2", "s2", "sem2")}


def semester(cell: Cell) -> int:
    """1 or 2 from a number, a Roman numeral or 'Semester 1' (DKB tables come per semester)."""
    cell = required(cell)
    key = squash(str(int(cell)) if isinstance(cell, float) and cell.is_integer() else cell)
    for number, aliases in SEMESTERS.items():
        if key in aliases:
            return number
    raise CellError("bad_semester", value=cell)


def choice(cell: Cell, options: dict[str, tuple[str, ...]], code: str) -> str:
    key = squash(required(cell))
    for value, aliases in options.items():
        if key == squash(value) or key in aliases:
            return value
    raise CellError(code, value=cell, options=", ".join(options))


def segment(cell: Cell) -> str:
    return choice(cell, SEGMENTS, "bad_segment")


def status(cell: Cell) -> str:
    return choice(cell, STATUSES, "bad_status")


def text(cell: Cell, max_length: int = 200) -> str:
    """A free-text cell, whitespace tidied and any NIK-shaped number in it masked (never stored in clear)."""
    value = mask_nik_shaped(" ".join(str(required(cell)).split()))
    if len(value) > max_length:
        raise CellError("too_long", limit=max_length)
    return value


def optional_text(cell: Cell) -> str | None:
    return None if is_blank(cell) else text(cell)
