"""Turn the bytes of a text file into text, whatever Excel or a phone saved it as.

Indonesian offices send UTF-8 (with or without Excel's BOM), UTF-16 ("Unicode text" from Excel)
and Windows-1252/Latin-1 (older Excel "CSV"). Decoding is strict in that order, so a file is never
silently garbled; Latin-1 accepts any byte, so binary junk is caught by its control characters.
"""

from __future__ import annotations

import codecs
import re

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NotText(ValueError):
    """The bytes are not text in any encoding we accept."""


def _utf16_without_bom(data: bytes) -> str | None:
    # ASCII-heavy UTF-16 has a NUL in every other byte: even positions for big-endian, odd for little.
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < len(sample) // 4:
        return None
    codec = "utf-16-be" if even > odd else "utf-16-le"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) or NotText."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise NotText(codec) from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16, "utf-16")
    for codec in ("utf-8", "cp1252", "latin-1"):
        try:
            return _checked(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    raise NotText("latin-1")  # unreachable in practice: latin-1 decodes every byte


def _checked(text: str, codec: str) -> tuple[str, str]:
    # A text file has almost no control characters; a binary one (image, zip, exe) has many.
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(2, len(text[:20000]) // 100):
        raise NotText(codec)
    return text, codec
