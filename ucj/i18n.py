"""One translation table for every label, Bahasa Indonesia first, English as the option.

The table is kept as one CSV per screen under ucj/locale/ (so screens can be worked on apart) and
merged here; a key defined twice is an error, not a silent override.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from ucj.fmt import Lang
from ucj.paths import LOCALE

LANGS: tuple[Lang, ...] = ("id", "en")


class DuplicateLabel(ValueError):
    """Two locale files define the same key."""


@cache
def table(folder: Path = LOCALE) -> dict[str, dict[str, str]]:
    """key → {'id': …, 'en': …} from every ucj/locale/*.csv."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                key = row["key"].strip()
                if key in merged:
                    raise DuplicateLabel(f"label {key!r} appears twice ({path.name})")
                merged[key] = {lang: row[lang] for lang in LANGS}
    return merged


def t(key: str, lang: Lang = "id", **values: object) -> str:
    """The label for `key` in `lang`, with `{placeholders}` filled; an unknown key shows itself."""
    entry = table().get(key)
    text = entry[lang] if entry else key
    return text.format(**values) if values else text
