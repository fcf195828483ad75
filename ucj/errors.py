"""Errors a user reads: a translation key with its values, written in the reader's language on screen.

`str(err)` is the Indonesian text (logs, tests); pages call `err.message(lang)`. Values are formatted
when the message is written: dates through ucj.fmt, values named `*_rp` as rupiah, and a `field`
(a key of `err.field.*`) as that field's name.
"""

from __future__ import annotations

import datetime as dt

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t


class Explained(Exception):
    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(self.message("id"))

    def message(self, lang: Lang = "id") -> str:
        return t(self.key, lang, **{name: _shown(name, value, lang) for name, value in self.params.items()})


def _shown(name: str, value: object, lang: Lang) -> object:
    if isinstance(value, dt.date):
        return fmt.date(value, lang)
    if name.endswith("_rp") and isinstance(value, int | float):
        return fmt.rupiah(value, lang)
    if name == "field":
        return t(f"err.field.{value}", lang)
    return value
