"""Where a figure comes from, and how that is said on screen.

Every number the app shows is one of three kinds: published by a cited source, uploaded by a
Pemda user, or estimated by a stated rule. Estimates are always labelled as such.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t

Kind = Literal["published", "estimate", "upload"]
KINDS: tuple[Kind, ...] = ("published", "estimate", "upload")


def kind_label(kind: object, lang: Lang) -> str:
    """'Angka terbitan', 'Perkiraan', 'Data unggahan'; 'tidak ada data' where a row has no figure (None, NaN)."""
    return t(f"kind.{kind}", lang) if isinstance(kind, str) and kind else fmt.MISSING[lang]


@dataclass(frozen=True)
class Provenance:
    kind: Kind
    source: str  # the short citation, e.g. "Trimaulina, Koeswara & Wahyuni (2025)"
    as_of: dt.date | None  # the date the figure stands at (the start of its period)
    as_of_end: dt.date | None = None  # the end of that period, when the source states a period
    method: str | None = None  # for estimates: the rule that made it
    quote: str | None = None  # for published figures: the sentence that states it
    stated_as: str | None = None  # the period in the source's own words ("per Agustus 2023")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of figure: {self.kind!r}")
        if self.kind == "estimate" and not self.method:
            raise ValueError("an estimate must state how it was calculated")

    def citation(self, lang: Lang = "id") -> str:
        """When and where from: 'Agustus 2023 · Trimaulina dkk. (2025)'."""
        when = fmt.period(self.as_of, self.as_of_end, lang) if self.as_of else t("figure.undated", lang)
        return f"{when} · {self.source}"

    def label(self, lang: Lang = "id") -> str:
        """One line for under a figure: kind · date · source."""
        return f"{kind_label(self.kind, lang)} · {self.citation(lang)}"

    def detail(self) -> str | None:
        """What a hover shows: the rule of an estimate, or the sentence (and wording of the date) of a figure,
        with what the build says of it (a bound, a change of concept in its series)."""
        if self.kind == "estimate":
            return self.method
        said = f"“{self.quote}”" if self.quote else None
        if said and self.stated_as:
            said = f"{said} ({self.stated_as})"
        return " — ".join(p for p in (said, self.method) if p) or None


def combine(kind_a: Kind, kind_b: Kind) -> Kind:
    """The kind of a figure computed from two others: any estimate input makes an estimate."""
    if "estimate" in (kind_a, kind_b):
        return "estimate"
    if "upload" in (kind_a, kind_b):
        return "upload"
    return "published"
