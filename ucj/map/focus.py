"""Where the map is focused: a selected kecamatan, its desa map, a selected desa; and how clicks move it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Focus:
    kec: str | None = None
    drilled: bool = False  # the map shows the desa/kelurahan of `kec`
    desa: str | None = None

    @property
    def level(self) -> str:
        return "desa" if self.drilled else "kecamatan"

    def click(self, kode: str, has_desa: bool) -> Focus:
        """A click selects an area; a second click on the selected kecamatan opens its desa map."""
        if self.drilled:
            return replace(self, desa=kode)
        if kode == self.kec and has_desa:
            return Focus(kec=kode, drilled=True)
        return Focus(kec=kode)

    def up(self) -> Focus:
        """One step back: from a desa to its kecamatan's desa map, then to the kecamatan map, then to none."""
        if self.desa:
            return replace(self, desa=None)
        if self.drilled:
            return Focus(kec=self.kec)
        return Focus()

    def checked(self, kecamatan: Collection[str], desa_with_maps: Collection[str], desa: Collection[str]) -> Focus:
        """The focus with anything that does not exist in this region dropped (an old or edited link)."""
        if self.kec not in kecamatan:
            return Focus()
        drilled = self.drilled and self.kec in desa_with_maps
        chosen = self.desa if drilled and self.desa in desa and self.desa.startswith(f"{self.kec}.") else None
        return Focus(self.kec, drilled, chosen)
