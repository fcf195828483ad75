"""What a new assessment round or action item must satisfy before it is written.

Problems are collected, not raised one by one, so a meeting sees every reason at once; each is a
locale key with its values, turned into words in the reader's language only when shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t

SCORE_MIN, SCORE_MAX = 1, 5
HORIZONS: tuple[str, ...] = ("short", "medium", "long")
STATUSES: tuple[str, ...] = ("open", "in_progress", "done", "dropped")
OPEN_STATUSES: frozenset[str] = frozenset({"open", "in_progress"})


@dataclass(frozen=True)
class Problem:
    """One reason a draft is refused: a locale key and the values its message needs."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: Lang = "id") -> str:
        return t(self.key, lang, **{name: _shown(value, lang) for name, value in self.values.items()})


def _shown(value: object, lang: Lang) -> str:
    if isinstance(value, dt.date):
        return fmt.date(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


class Rejected(ValueError):
    """A draft broke one or more rules; nothing was written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message("id") for p in self.problems))

    def messages(self, lang: Lang = "id") -> list[str]:
        return [p.message(lang) for p in self.problems]


@dataclass(frozen=True)
class RoundDraft:
    """A new round as entered: one score per indicator of one framework, for a region or one stakeholder."""

    kode_kab: str
    framework_id: str
    round_date: dt.date | None
    scores: Mapping[str, object]
    evidence: Mapping[str, str] = field(default_factory=dict)
    document_ref: str | None = None
    stakeholder_id: str | None = None
    note: str | None = None
    round_id: str | None = None  # None: a new id is made; an existing id is refused (rounds are append-only)


@dataclass(frozen=True)
class ActionDraft:
    """A new action item decided in a meeting."""

    kode_kab: str
    title: str
    status: str = "open"
    horizon: str | None = None
    owner: str | None = None
    owner_stakeholder_id: str | None = None
    due_date: dt.date | None = None
    indicator_id: str | None = None
    meeting_ref: str | None = None


def is_score(value: object) -> bool:
    """A whole number from 1 to 5 (booleans and 3.5 are not scores)."""
    return isinstance(value, int) and not isinstance(value, bool) and SCORE_MIN <= value <= SCORE_MAX


def round_problems(
    draft: RoundDraft,
    indicator_ids: Sequence[str],
    today: dt.date,
    stakeholder_ids: Iterable[str] = (),
) -> list[Problem]:
    """Every rule `draft` breaks, given its framework's indicators (empty for an unknown framework)."""
    problems: list[Problem] = []
    if not indicator_ids:
        problems.append(Problem("kolab.err.framework", {"framework": draft.framework_id}))
    if draft.round_date is None:
        problems.append(Problem("kolab.err.no_date"))
    elif draft.round_date > today:
        problems.append(Problem("kolab.err.future", {"date": draft.round_date, "today": today}))
    scored = {key for key, value in draft.scores.items() if value is not None}
    missing = [i for i in indicator_ids if i not in scored]
    if indicator_ids and missing:
        problems.append(Problem("kolab.err.missing", {"indicators": missing}))
    unknown = [i for i in draft.scores if i not in indicator_ids]
    if indicator_ids and unknown:
        problems.append(Problem("kolab.err.unknown", {"indicators": unknown}))
    for indicator, score in draft.scores.items():
        if score is not None and not is_score(score):
            problems.append(Problem("kolab.err.score_range", {"indicator": indicator, "score": score}))
    if draft.stakeholder_id is not None and draft.stakeholder_id not in set(stakeholder_ids):
        problems.append(Problem("kolab.err.stakeholder", {"stakeholder": draft.stakeholder_id}))
    return problems


def action_problems(
    draft: ActionDraft, indicator_ids: Iterable[str] = (), stakeholder_ids: Iterable[str] = ()
) -> list[Problem]:
    """Every rule a new action item breaks."""
    problems: list[Problem] = []
    if not draft.title.strip():
        problems.append(Problem("kolab.err.title"))
    if draft.status not in STATUSES:
        problems.append(Problem("kolab.err.status", {"status": draft.status}))
    if draft.horizon is not None and draft.horizon not in HORIZONS:
        problems.append(Problem("kolab.err.horizon", {"horizon": draft.horizon}))
    if draft.indicator_id is not None and draft.indicator_id not in set(indicator_ids):
        problems.append(Problem("kolab.err.unknown", {"indicators": [draft.indicator_id]}))
    if draft.owner_stakeholder_id is not None and draft.owner_stakeholder_id not in set(stakeholder_ids):
        problems.append(Problem("kolab.err.stakeholder", {"stakeholder": draft.owner_stakeholder_id}))
    return problems


def new_round_id(slug: str, framework_id: str, round_date: dt.date, taken: Iterable[str]) -> str:
    """A readable id, 'padang_cgr_20261123', with '_2', '_3' … when that day already has a round."""
    base = f"{slug}_{framework_id}_{round_date:%Y%m%d}"
    taken = set(taken)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


def new_action_id(slug: str, taken: Iterable[str]) -> str:
    """'padang_m001', 'padang_m002' …: meeting items numbered after the highest one the region has."""
    prefix = f"{slug}_m"
    numbers = [int(i[len(prefix) :]) for i in taken if i.startswith(prefix) and i[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"
