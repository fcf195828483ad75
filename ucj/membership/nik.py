"""What a NIK says: 16 digits — province, kab/kota, kecamatan (digits 1–6: where it was issued),
birth day (women add 40), birth month, birth year, and a 4-digit serial.

The region part names where the NIK was issued, not where its holder lives now, so a kecamatan
taken from it is shown as "menurut kode wilayah NIK". Synthetic training files use an impossible
birth month (00) so that no real person can hold one of their NIKs; such a NIK is accepted only
from a file marked synthetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29 February: the century is unknown
SYNTHETIC_MONTH = 0  # the birth month of every synthetic NIK: impossible for a real one
_DIGITS = re.compile(r"\d{16}")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Nik:
    """A plausible NIK's parts (only ever held in memory, never stored)."""

    digits: str

    @property
    def region(self) -> str:
        """The 6-digit region part, e.g. '137101'."""
        return self.digits[:6]

    @property
    def kode_kab(self) -> str:
        """The kab/kota code, 'pp.kk'."""
        return f"{self.digits[0:2]}.{self.digits[2:4]}"

    @property
    def kode_kec(self) -> str:
        """The kecamatan code, 'pp.kk.cc'."""
        return f"{self.digits[0:2]}.{self.digits[2:4]}.{self.digits[4:6]}"

    @property
    def female(self) -> bool:
        return int(self.digits[6:8]) > 40

    @property
    def birth_day(self) -> int:
        day = int(self.digits[6:8])
        return day - 40 if day > 40 else day

    @property
    def birth_month(self) -> int:
        return int(self.digits[8:10])

    @property
    def serial(self) -> str:
        return self.digits[12:]


def clean(text: str) -> str:
    """A NIK cell's text without spaces and without the apostrophe Excel users type to keep it text."""
    return _SPACES.sub("", text).lstrip("'")


def problems(digits: str, synthetic: bool = False) -> list[str]:
    """Problem codes for a NIK on its own ([] when it is plausible): length, birth-date part, serial."""
    if not _DIGITS.fullmatch(digits):
        return ["nik_digits"]
    nik, found = Nik(digits), []
    if nik.birth_month == SYNTHETIC_MONTH and synthetic:
        valid_date = 1 <= nik.birth_day <= 31
    else:
        month_ok = 1 <= nik.birth_month <= 12
        valid_date = month_ok and 1 <= nik.birth_day <= DAYS_IN_MONTH[nik.birth_month - 1]
    if not valid_date:
        found.append("nik_birth_date")
    if nik.serial == "0000":
        found.append("nik_serial")
    return found


def parse(digits: str, synthetic: bool = False) -> Nik:
    """The NIK's parts; ValueError with the first problem code when it is not plausible."""
    found = problems(digits, synthetic)
    if found:
        raise ValueError(found[0])
    return Nik(digits)
