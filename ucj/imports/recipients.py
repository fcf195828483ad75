"""Subsidy recipient lists: NIK checks, masking, keyed hashes for duplicate checks.

A NIK (Nomor Induk Kependudukan) is 16 digits: province (2), kabupaten/kota (2), kecamatan (2),
birth day (2; women add 40), birth month (2), birth year (2), serial (4). The app stores a NIK
only as an HMAC-SHA256 under a per-install secret kept outside the database, plus a masked form:
equal NIKs give equal hashes, so duplicates across lists are found, while a copy of the database
alone does not reveal them. A plain or per-row-salted hash would not do: the NIK space is small
enough to search (region prefix and birth date are guessable), and per-row salts defeat matching.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence

from ucj.imports.table import Cell
from ucj.imports.values import CellError, required
from ucj.membership import nik as nik_rules


def parse_nik(cell: Cell) -> str:
    """The NIK as 16-character text; a number cell is refused because Excel keeps only 15 digits."""
    cell = required(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        raise CellError("nik_number_cell")
    text = nik_rules.clean(str(cell))
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", text):
        raise CellError("nik_number_cell")
    return text


def nik_errors(nik: str, kode_kab: str) -> list[str]:
    """Problem codes for one NIK against its region ([] when it is plausible)."""
    found = nik_rules.problems(nik)
    if found == ["nik_digits"]:
        return found
    region = [] if nik[:4] == kode_kab.replace(".", "") else ["nik_region"]
    return region + found


def mask_name(name: str) -> str:
    """Initials only, with a fixed-width mask so the length of a name is not given away: 'B*** S***'."""
    return " ".join(word[0] + "***" for word in name.split()) or "***"


def nik_hash(nik: str, secret: bytes) -> str:
    return nik_hashes([nik], secret)[0]


def nik_hashes(niks: Sequence[str | None], secret: bytes) -> list[str | None]:
    """Each NIK's keyed hash as `nik_hash` gives it (None stays None); the key is prepared once."""
    keyed = hmac.new(secret, digestmod=hashlib.sha256)
    out: list[str | None] = []
    for nik in niks:
        if nik is None:
            out.append(None)
            continue
        one = keyed.copy()
        one.update(nik.encode("ascii", "replace"))
        out.append(one.hexdigest())
    return out
