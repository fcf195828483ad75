"""NIKs never shown in clear: the masked form, and NIK-shaped text found anywhere a user typed.

A NIK can turn up outside its column: pasted into a free-text cell (a target group, a note), in a
file's name ("sk_1371014506850003.xlsx") or in a cell a problem message quotes. Every 16-digit run
there (spaces, dots or dashes between digits allowed) is masked like a NIK before it is stored or
shown; a real 16-digit number in such a place loses nothing the dashboard needs.
"""

from __future__ import annotations

import re

SHOWN_DIGITS = 4  # of a masked NIK: the kabupaten/kota code, which every NIK of the region shares
_NIK_SHAPED = re.compile(r"(?<![\d])\d(?:[ .\-]?\d){15}(?![\d])")


def mask_nik(nik: str) -> str:
    """The region code only: '1371************'.

    Each digit shown divides the search for a NIK by ten: with kecamatan and last digits shown, a NIK
    was recovered from its hash in seconds by whoever also held the install key.
    """
    return nik[:SHOWN_DIGITS] + "*" * (len(nik) - SHOWN_DIGITS) if len(nik) > SHOWN_DIGITS else "*" * len(nik)


def mask_nik_shaped(text: str) -> str:
    """`text` with every NIK-shaped run of 16 digits masked."""
    return _NIK_SHAPED.sub(lambda found: mask_nik(re.sub(r"\D", "", found.group())), text)
