"""What is wrong with an uploaded file, said so that the user can find it and fix it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.imports.masking import mask_nik_shaped

Severity = Literal["error", "warning"]
# More problems than this say nothing new to the user and cost memory on a hostile file.
MAX_PROBLEMS = 500
# Parameters that are quantities, written in the user's number format; the rest (cell values,
# years, codes) are shown as they are.
QUANTITIES = frozenset(
    {"total", "sum", "parts", "active", "registered", "paying", "participants", "expected", "found"}
    | {"limit", "limit_mb", "size_mb", "share"}
)


@dataclass(frozen=True)
class Problem:
    """One finding: where (file, row as the user counts it with the header as row 1, column) and what."""

    code: str  # locale key data.problem.<code>
    file: str
    row: int | None = None
    column: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)
    severity: Severity = "error"
    feature: int | None = None  # for GeoJSON: the feature's number, counted from 1

    def __post_init__(self) -> None:
        # a file named after a person's NIK must not echo it in the problem table and its CSV
        object.__setattr__(self, "file", mask_nik_shaped(self.file))

    def where(self, lang: Lang = "id") -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(t("data.where.row", lang, row=self.row))
        if self.feature is not None:
            parts.append(t("data.where.feature", lang, feature=self.feature))
        if self.column is not None:
            parts.append(t("data.where.column", lang, column=self.column))
        return " · ".join(parts)

    def message(self, lang: Lang = "id") -> str:
        values = {k: _shown(v, lang) if k in QUANTITIES else _cut(str(v)) for k, v in self.params.items()}
        return t(f"data.problem.{self.code}", lang, **values)

    def text(self, lang: Lang = "id") -> str:
        return f"{self.where(lang)}: {self.message(lang)}"


def _shown(value: object, lang: Lang) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fmt.number(value, lang, decimals=0 if float(value).is_integer() else 1)
    return _cut(str(value))


def _cut(text: str) -> str:
    """A cell's text shortened, so that a hostile or huge cell keeps the message readable; NIKs masked."""
    text = mask_nik_shaped(text)
    return text if len(text) <= 60 else text[:57] + "…"


class ImportRejected(Exception):
    """The one error an upload raises: it carries every problem found, and nothing was written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)[:MAX_PROBLEMS]
        super().__init__("; ".join(p.text() for p in self.problems[:3]))


def rejected(code: str, file_name: str, **params: object) -> ImportRejected:
    """The refusal of a whole file for one reason (too big, not text, no sheet …), to raise."""
    return ImportRejected([Problem(code, file_name, params=params)])


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def reject_if_errors(problems: Iterable[Problem]) -> None:
    """Raise with every problem (warnings too, for context) when at least one is an error."""
    found = list(problems)
    if errors(found):
        raise ImportRejected(found)
