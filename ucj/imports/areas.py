"""Which kecamatan (or desa, or the whole kabupaten/kota) a cell names, by Kemendagri code or name.

Names match case- and space-insensitively after dropping a 'Kecamatan'/'Kec.' prefix, but not
when spaces are missing inside a name: 'Kototangah' is refused with the suggestion 'Koto Tangah',
so a typo never lands silently on a similar-sounding kecamatan. A cell with a code and a name
('35.09.11.2004 Dukuhdempok') must name the area the code has in the national list, which is
what a workspace's areas are (ucj.workspace.regions).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ucj.imports.columns import squash
from ucj.imports.table import Cell
from ucj.imports.values import CellError, required

TOTAL_WORDS = frozenset({"total", "jumlah", "totalkabupaten", "totalkota", "semuakecamatan", "all"})
_PREFIX = re.compile(r"^(kecamatan|kec\.?)\s+", re.IGNORECASE)
_CODE = re.compile(r"^[\d.\s]+$")
_CODE_AND_NAME = re.compile(r"^(\d[\d.]*)\s+(\D.*)$")
SUGGESTION_CUTOFF = 0.75


@dataclass(frozen=True)
class Area:
    kode: str
    level: str  # 'kabupaten', 'kecamatan' or 'desa'
    nama: str


@dataclass(frozen=True)
class Region:
    """A kabupaten/kota and its areas, as stored in the database."""

    kode_kab: str
    nama: str
    kecamatan: dict[str, str]  # kode_kec → nama
    desa: dict[str, str]  # kode_desa → nama

    @property
    def kode_prov(self) -> str:
        return self.kode_kab[:2]

    def match(self, cell: Cell) -> Area:
        """The area a cell names; CellError 'unknown_area' (with a suggestion) otherwise."""
        cell = required(cell)
        raw = str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell).strip()
        if _CODE.match(raw):
            return self._by_code(raw)
        if both := _CODE_AND_NAME.match(raw):
            area = self._by_code(both.group(1))
            if squash(_PREFIX.sub("", both.group(2))) != squash(area.nama):
                raise CellError("area_name_mismatch", value=raw, kode=area.kode, nama=area.nama)
            return area
        return self._by_name(raw)

    def match_desa(self, cell: Cell) -> Area:
        """The desa/kelurahan a cell names by code or by name; a desa of another kab/kota is refused."""
        cell = required(cell)
        raw = str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell).strip()
        if _CODE.match(raw):
            digits = re.sub(r"\D", "", raw)
            kode = ".".join(p for p in (digits[0:2], digits[2:4], digits[4:6], digits[6:]) if p)
            if kode in self.desa:
                return Area(kode, "desa", self.desa[kode])
            if len(digits) == 10 and not kode.startswith(self.kode_kab + "."):
                raise CellError("desa_other_region", value=raw, region=self.nama)
            raise CellError("unknown_desa", value=raw, region=self.nama)
        name = " ".join(raw.split()).casefold()
        found = [kode for kode, nama in self.desa.items() if " ".join(nama.split()).casefold() == name]
        if len(found) > 1:
            raise CellError("desa_ambiguous", value=raw, codes=", ".join(sorted(found)))
        if not found:
            raise CellError("unknown_desa", value=raw, region=self.nama)
        return Area(found[0], "desa", self.desa[found[0]])

    def match_place(self, cell: Cell) -> Area:
        """Like `match`, but a name may also be a desa/kelurahan's (DKB tables list desa by name),
        and a code of another kab/kota is refused as such."""
        cell = required(cell)
        raw = str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell).strip()
        if _CODE.match(raw) or _CODE_AND_NAME.match(raw):
            digits = re.sub(r"\D", "", raw.split()[0] if _CODE_AND_NAME.match(raw) else raw)
            if len(digits) >= 4 and digits[:4] != self.kode_kab.replace(".", ""):
                raise CellError("area_other_region", value=raw, region=self.nama)
            return self.match(cell)
        try:
            return self._by_name(raw)
        except CellError as by_kecamatan:
            try:
                return self.match_desa(raw)
            except CellError as by_desa:
                raise by_desa if by_desa.code == "desa_ambiguous" else by_kecamatan from None

    def _by_code(self, raw: str) -> Area:
        digits = re.sub(r"\D", "", raw)
        parts = [digits[0:2], digits[2:4], digits[4:6], digits[6:]]
        kode = ".".join(p for p in parts if p)
        if kode == self.kode_kab:
            return Area(kode, "kabupaten", self.nama)
        if kode in self.kecamatan:
            return Area(kode, "kecamatan", self.kecamatan[kode])
        if kode in self.desa:
            return Area(kode, "desa", self.desa[kode])
        raise CellError("unknown_area_code", value=raw, region=self.nama)

    def _by_name(self, raw: str) -> Area:
        name = " ".join(_PREFIX.sub("", raw).split()).casefold()
        if squash(name) in TOTAL_WORDS or name in {self.nama.casefold(), _short(self.nama).casefold()}:
            return Area(self.kode_kab, "kabupaten", self.nama)
        for kode, nama in self.kecamatan.items():
            if " ".join(nama.split()).casefold() == name:
                return Area(kode, "kecamatan", nama)
        suggestion = self.suggest(raw)
        if suggestion:
            raise CellError("unknown_area_suggest", value=raw, suggestion=suggestion)
        raise CellError("unknown_area", value=raw, region=self.nama)

    def suggest(self, raw: str) -> str | None:
        """The kecamatan name closest to `raw` ('Kototangah' → 'Koto Tangah'), if any is close."""
        names = {squash(n): n for n in self.kecamatan.values()}
        close = difflib.get_close_matches(squash(_PREFIX.sub("", raw)), list(names), n=1, cutoff=SUGGESTION_CUTOFF)
        return names[close[0]] if close else None


def _short(nama: str) -> str:
    """'Kota Padang' → 'Padang', 'Kabupaten Sijunjung' → 'Sijunjung'."""
    return re.sub(r"^(kota|kabupaten|kab\.?)\s+", "", nama, flags=re.IGNORECASE)
