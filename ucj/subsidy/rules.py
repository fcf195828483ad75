"""Contribution and benefit rules as data: data/rules/*.csv loaded, checked, and looked up by date.

Every rule row names the regulation that sets it and the dates it is in force, so a rule change
is a new row, never an edit of code. The one question the calculator asks is "which value applies
on date D for funding source F and worker group G"; the most specific row in force answers it.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from itertools import combinations, pairwise
from pathlib import Path

from ucj.errors import Explained
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.paths import DATA

RULES_DIR = DATA / "rules"
RULE_FILES = ("bpu_contributions", "pu_contributions", "benefits")
RULE_COLUMNS = (
    "rule",
    "group",
    "funding",
    "value",
    "unit",
    "effective_from",
    "effective_to",
    "regulation",
    "source",
    "secondary",
    "note",
)
UNITS = frozenset(
    {
        "ratio_of_income",
        "ratio_of_wage",
        "ratio_off",
        "rupiah",
        "rupiah_per_month",
        "rupiah_per_31_months",
        "multiple_of_wage",
    }
)
ANY = "*"
BRACKET_COLUMNS = (
    "declared_income_rp",
    "jkk_rp",
    "income_from_rp",
    "income_to_rp",
    "effective_from",
    "effective_to",
    "regulation",
    "source",
    "secondary",
    "note",
)
FUNDING_COLUMNS = ("funding", "label_id", "label_en", "restriction", "subsidy", "pp50_discount", "note")
GROUP_COLUMNS = ("group", "label_id", "label_en", "worker_group", "note")
ASSUMPTION_COLUMNS = ("key", "value", "unit", "basis")
WORKER_GROUPS = frozenset({"transport", "other"})
RESTRICTIONS = frozenset({"none", "dapil", "desa"})
# Whether PP 50/2025's discount reaches contributions paid from a funding source, by the regulation's words:
# it excludes only what is paid through the APBN or APBD; "open" where our sources do not settle it.
DISCOUNT_SCOPES = frozenset({"applies", "excluded", "open"})
DISCOUNT = "bpu.jkk_jkm.discount"


class RuleError(ValueError):
    """A rules file breaks its contract (bad value, missing citation, overlapping periods...)."""


class RuleNotFound(Explained, LookupError):
    """No rule row is in force for the date, funding source and group asked about."""


class AmbiguousRule(LookupError):
    """Two equally specific rows answer the same question."""


@dataclass(frozen=True)
class Period:
    """Inclusive dates a row is in force; `end` None means still in force."""

    start: dt.date
    end: dt.date | None

    def covers(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    def overlaps(self, other: Period) -> bool:
        """True when some day is in both periods."""
        return (other.end is None or self.start <= other.end) and (self.end is None or other.start <= self.end)


@dataclass(frozen=True)
class Citation:
    """Where a row comes from; `secondary` when the figure was read in a secondary source."""

    regulation: str
    source: str
    secondary: bool
    note: str

    def text(self, lang: Lang = "id") -> str:
        return f"{self.regulation} ({t('kalk.rules.secondary', lang)})" if self.secondary else self.regulation


@dataclass(frozen=True)
class Rule:
    rule: str
    group: str
    funding: str
    value: Fraction
    unit: str
    period: Period
    citation: Citation

    @property
    def specificity(self) -> int:
        return (self.group != ANY) + (self.funding != ANY)


@dataclass(frozen=True)
class Bracket:
    """One JKK income bracket for BPU: the declared income the nominal is set on, and the nominal."""

    declared_income_rp: int
    jkk_rp: int
    income_from_rp: int | None
    income_to_rp: int | None
    period: Period
    citation: Citation

    @property
    def span(self) -> tuple[int, int]:
        """The incomes the bracket covers: its range, or only its own income when no source gives the edges."""
        if self.income_from_rp is None or self.income_to_rp is None:
            return self.declared_income_rp, self.declared_income_rp
        return self.income_from_rp, self.income_to_rp

    def covers(self, income: int) -> bool:
        low, high = self.span
        return low <= income <= high


@dataclass(frozen=True)
class FundingSource:
    funding: str
    label_id: str
    label_en: str
    restriction: str  # none | dapil (a set of kecamatan) | desa (money stays in its desa)
    subsidy: bool
    pp50_discount: str  # applies | excluded | open (DISCOUNT_SCOPES)
    note: str

    def label(self, lang: Lang = "id") -> str:
        return self.label_id if lang == "id" else self.label_en


@dataclass(frozen=True)
class TargetGroup:
    group: str
    label_id: str
    label_en: str
    worker_group: str  # which PP 50/2025 period applies: transport or other

    def label(self, lang: Lang = "id") -> str:
        return self.label_id if lang == "id" else self.label_en


@dataclass(frozen=True)
class Assumption:
    """A default the user can change; never data, and shown with its basis."""

    key: str
    value: Fraction
    unit: str
    basis: str


@dataclass(frozen=True)
class RuleBook:
    rules: tuple[Rule, ...]
    brackets: tuple[Bracket, ...]
    funding: dict[str, FundingSource]
    groups: dict[str, TargetGroup]
    assumptions: dict[str, Assumption]

    def find(self, rule: str, on: dt.date, funding: str = ANY, group: str = ANY) -> Rule | None:
        """The most specific row of `rule` in force on `on` for this funding source and worker group."""
        matches = [
            r
            for r in self.rules
            if r.rule == rule and r.period.covers(on) and r.group in (ANY, group) and r.funding in (ANY, funding)
        ]
        if not matches:
            return None
        best = max(r.specificity for r in matches)
        top = [r for r in matches if r.specificity == best]
        if len(top) > 1:
            raise AmbiguousRule(f"{rule} on {on}: {len(top)} rows match equally well ({funding}, {group})")
        return top[0]

    def require(self, rule: str, on: dt.date, funding: str = ANY, group: str = ANY) -> Rule:
        """Like `find`, but a missing rule is an error: a rate is never guessed."""
        found = self.find(rule, on, funding, group)
        if found is None:
            raise RuleNotFound("err.rule_missing", rule=rule, on=on, funding=funding, group=group)
        return found

    def discount(self, on: dt.date, funding: str, group: str, open_applies: bool = False) -> Rule | None:
        """PP 50/2025's discount on `on` for contributions paid from `funding`, or None.

        It reaches a funding source whose scope is "applies"; an "open" one (the sources do not say)
        only when `open_applies` asks for that case, so a budget can be priced both ways.
        """
        source = self.funding.get(funding)
        if source is None:
            raise RuleNotFound("err.rule_missing", rule=DISCOUNT, on=on, funding=funding, group=group)
        if source.pp50_discount == "excluded" or (source.pp50_discount == "open" and not open_applies):
            return None
        return self.find(DISCOUNT, on, funding, group)

    def open_discount_sources(self) -> list[str]:
        """Funding sources for which the sources leave PP 50/2025's discount open."""
        return [f for f, src in self.funding.items() if src.pp50_discount == "open"]

    def brackets_on(self, on: dt.date) -> list[Bracket]:
        """The JKK brackets in force on `on`, lowest declared income first."""
        return sorted((b for b in self.brackets if b.period.covers(on)), key=lambda b: b.declared_income_rp)

    def bracket(self, income: int, on: dt.date) -> Bracket:
        """The bracket a declared income falls in; an income no cited bracket covers is an error."""
        for b in self.brackets_on(on):
            if b.covers(income):
                return b
        raise RuleNotFound("err.income_without_bracket", income_rp=income, on=on)

    def budget_sources(self) -> list[str]:
        """Subsidy sources given as rupiah (anywhere, or only in a dapil); desa money is given per desa."""
        return [f for f, src in self.funding.items() if src.subsidy and src.restriction in ("none", "dapil")]

    def desa_source(self) -> str:
        """The source each desa pays from its own budget (APBDes)."""
        return next(f for f, src in self.funding.items() if src.restriction == "desa")

    def worker_group(self, target_group: str) -> str:
        """The PP 50/2025 worker group of a target group; groups the user adds count as 'other'."""
        found = self.groups.get(target_group)
        return found.worker_group if found else "other"


def _date(text: str, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise RuleError(f"{where}: invalid date {text!r}") from err


def _fraction(text: str, where: str) -> Fraction:
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError) as err:
        raise RuleError(f"{where}: invalid number {text!r}") from err


def _bool(text: str, where: str) -> bool:
    if text not in ("true", "false"):
        raise RuleError(f"{where}: secondary must be true/false, not {text!r}")
    return text == "true"


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    """Rows with their location for error messages; the header must be exactly `columns`."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise RuleError(f"{path.name}: columns must be {', '.join(columns)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                raise RuleError(f"{path.name} row {line}: wrong number of columns")
            rows.append((f"{path.name} row {line}", {k: v.strip() for k, v in row.items()}))
        return rows


def _period(row: dict[str, str], where: str) -> Period:
    start = _date(row["effective_from"], where)
    if start is None:
        raise RuleError(f"{where}: effective_from is required")
    end = _date(row["effective_to"], where)
    if end is not None and end < start:
        raise RuleError(f"{where}: effective_to is before effective_from")
    return Period(start, end)


def _citation(row: dict[str, str], where: str) -> Citation:
    if not row["regulation"] or not row["source"]:
        raise RuleError(f"{where}: every row must name its regulation and source")
    return Citation(row["regulation"], row["source"], _bool(row["secondary"], where), row["note"])


def _rule(row: dict[str, str], where: str, funding: set[str]) -> Rule:
    if not row["rule"]:
        raise RuleError(f"{where}: rule is empty")
    if row["unit"] not in UNITS:
        raise RuleError(f"{where}: unknown unit {row['unit']!r}")
    if row["funding"] not in funding | {ANY}:
        raise RuleError(f"{where}: unknown funding source {row['funding']!r}")
    return Rule(
        rule=row["rule"],
        group=row["group"] or ANY,
        funding=row["funding"],
        value=_fraction(row["value"], where),
        unit=row["unit"],
        period=_period(row, where),
        citation=_citation(row, where),
    )


def check_no_overlap(rules: list[Rule]) -> None:
    """Two rows of one rule for the same group and funding source may never be in force together."""
    keyed: dict[tuple[str, str, str], list[Rule]] = defaultdict(list)
    for r in rules:
        keyed[(r.rule, r.group, r.funding)].append(r)
    for (name, group, funding), rows in keyed.items():
        ordered = sorted(rows, key=lambda r: r.period.start)
        for earlier, later in pairwise(ordered):
            if earlier.period.overlaps(later.period):
                raise RuleError(
                    f"rule {name} ({group}, {funding}) is in force twice: from {earlier.period.start} "
                    f"and from {later.period.start}"
                )


def check_recomposition(rules: list[Rule]) -> None:
    """PP 49/2023 moves one share of the PU JKK rate into JKP, the same for every risk class, and a
    share of JKM: each `pu.X.rate_after_jkp` row must be its `pu.X.rate` less that one positive share."""
    for programme in ("jkk", "jkm"):
        shares = set()
        for after in (r for r in rules if r.rule == f"pu.{programme}.rate_after_jkp"):
            full = [
                r
                for r in rules
                if r.rule == f"pu.{programme}.rate" and r.group == after.group and r.period.covers(after.period.start)
            ]
            if len(full) != 1 or full[0].value <= after.value:
                raise RuleError(
                    f"pu.{programme}.rate_after_jkp ({after.group}): no larger pu.{programme}.rate in force"
                )
            shares.add(full[0].value - after.value)
        if len(shares) > 1:
            raise RuleError(f"pu.{programme}.rate_after_jkp: the share moved to JKP differs between risk classes")


def _optional_int(text: str, where: str) -> int | None:
    return None if not text else int(_fraction(text, where))


def _brackets(path: Path, rules: list[Rule]) -> list[Bracket]:
    book = RuleBook(tuple(rules), (), {}, {}, {})
    brackets = []
    for where, row in _rows(path, BRACKET_COLUMNS):
        bracket = Bracket(
            declared_income_rp=int(_fraction(row["declared_income_rp"], where)),
            jkk_rp=int(_fraction(row["jkk_rp"], where)),
            income_from_rp=_optional_int(row["income_from_rp"], where),
            income_to_rp=_optional_int(row["income_to_rp"], where),
            period=_period(row, where),
            citation=_citation(row, where),
        )
        rate = book.find("bpu.jkk.rate", bracket.period.start)
        if rate is None or rate.value * bracket.declared_income_rp != bracket.jkk_rp:
            raise RuleError(f"{where}: jkk_rp must equal bpu.jkk.rate × declared_income_rp")
        low, high = bracket.span
        if not low <= bracket.declared_income_rp <= high:
            raise RuleError(f"{where}: declared_income_rp lies outside its own bracket's range")
        brackets.append(bracket)
    check_brackets_disjoint(brackets)
    return brackets


def check_brackets_disjoint(brackets: list[Bracket]) -> None:
    """Brackets in force together never share an income (so an income has one nominal)."""
    for a, b in combinations(brackets, 2):
        (lo_a, hi_a), (lo_b, hi_b) = a.span, b.span
        if a.period.overlaps(b.period) and lo_a <= hi_b and lo_b <= hi_a:
            raise RuleError(f"JKK brackets Rp{a.declared_income_rp} and Rp{b.declared_income_rp} overlap")


def _funding(path: Path) -> dict[str, FundingSource]:
    result = {}
    for where, row in _rows(path, FUNDING_COLUMNS):
        if row["restriction"] not in RESTRICTIONS:
            raise RuleError(f"{where}: restriction must be one of {sorted(RESTRICTIONS)}")
        if row["pp50_discount"] not in DISCOUNT_SCOPES:
            raise RuleError(f"{where}: pp50_discount must be one of {sorted(DISCOUNT_SCOPES)}")
        if not row["note"]:
            raise RuleError(f"{where}: note must give the basis of pp50_discount")
        result[row["funding"]] = FundingSource(
            row["funding"],
            row["label_id"],
            row["label_en"],
            row["restriction"],
            _bool(row["subsidy"], where),
            row["pp50_discount"],
            row["note"],
        )
    return result


def _groups(path: Path) -> dict[str, TargetGroup]:
    result = {}
    for where, row in _rows(path, GROUP_COLUMNS):
        if row["worker_group"] not in WORKER_GROUPS:
            raise RuleError(f"{where}: worker_group must be one of {sorted(WORKER_GROUPS)}")
        result[row["group"]] = TargetGroup(row["group"], row["label_id"], row["label_en"], row["worker_group"])
    return result


def _assumptions(path: Path) -> dict[str, Assumption]:
    result = {}
    for where, row in _rows(path, ASSUMPTION_COLUMNS):
        if not row["basis"]:
            raise RuleError(f"{where}: an assumption must state its basis")
        value = _fraction(row["value"], where)
        result[row["key"]] = Assumption(row["key"], value, row["unit"], row["basis"])
    return result


@cache
def load(folder: Path = RULES_DIR) -> RuleBook:
    """Every rules file of `folder`, checked; a broken file stops the app rather than mis-price."""
    funding = _funding(folder / "funding_sources.csv")
    rules = [
        _rule(row, where, set(funding))
        for name in RULE_FILES
        for where, row in _rows(folder / f"{name}.csv", RULE_COLUMNS)
    ]
    check_no_overlap(rules)
    check_recomposition(rules)
    return RuleBook(
        rules=tuple(rules),
        brackets=tuple(_brackets(folder / "bpu_jkk_brackets.csv", rules)),
        funding=funding,
        groups=_groups(folder / "target_groups.csv"),
        assumptions=_assumptions(folder / "assumptions.csv"),
    )
