"""A calculator scenario: every input in one value, shared as a compact, versioned URL parameter.

The link carries only inputs (`s=1.<zlib+base64url JSON>`); whoever opens it recomputes the results
from the rules in force, so a shared link and the screen it came from show the same totals.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import zlib
from dataclasses import dataclass, field, replace

from ucj.errors import Explained
from ucj.subsidy.allocation import RULES
from ucj.subsidy.calendar import month_key, parse_month_key
from ucj.subsidy.cost import PACKAGES, Line
from ucj.subsidy.retention import INCENTIVES
from ucj.subsidy.rules import RuleBook, RuleNotFound

VERSION = 1
PARAM = "s"
# A plan of 960 lines (30 kecamatan × 8 groups × 4 funding sources) is a 9.200-character link of
# 38 KB JSON; anything far beyond is not a plan but an attempt on the server's memory.
MAX_LINK_CHARS = 32_000
MAX_JSON_BYTES = 256 * 1024


NAME_MAX = 80  # characters a scenario name keeps


class ScenarioError(Explained, ValueError):
    """A shared link that cannot be read (damaged, another version, or values outside the allow-lists)."""


@dataclass(frozen=True)
class ClaimInputs:
    """The user's claim-rate assumptions; None everywhere means the defaults of assumptions.csv."""

    death_rate_annual: float | None = None
    fatal_accident_rate_annual: float | None = None
    injury_rate_annual: float | None = None
    injury_cost_rp: int | None = None


@dataclass(frozen=True)
class Scenario:
    start: dt.date
    region: str = ""  # kode_kab: kecamatan codes mean nothing in another region
    name: str = ""
    package: str = "jkk_jkm"
    declared_income: int = 1_000_000
    months: int = 12
    lines: tuple[Line, ...] = ()
    extra_groups: tuple[str, ...] = ()
    budgets: dict[str, int] = field(default_factory=dict)
    dapil: tuple[str, ...] = ()
    per_desa: int = 0
    uncovered: dict[str, int] = field(default_factory=dict)  # typed over the database's estimates
    rule: str = "optimise"
    min_share_pct: int = 0
    dropout_pct: float | None = None  # None: the default derived from the research
    incentives: tuple[str, ...] = ()
    claims: ClaimInputs = ClaimInputs()

    def named(self, name: str) -> Scenario:
        return replace(self, name=name)


def to_json(s: Scenario) -> dict:
    """The JSON a link carries (short keys); `decode` checks every value of it again."""
    return {
        "k": s.region,
        "n": s.name,
        "p": s.package,
        "i": s.declared_income,
        "t": month_key(s.start),
        "m": s.months,
        "l": [[line.kecamatan or "", line.target_group, line.funding, line.workers] for line in s.lines],
        "g": list(s.extra_groups),
        "b": s.budgets,
        "d": list(s.dapil),
        "q": s.per_desa,
        "u": s.uncovered,
        "r": s.rule,
        "ms": s.min_share_pct,
        "do": s.dropout_pct,
        "in": list(s.incentives),
        "c": [
            s.claims.death_rate_annual,
            s.claims.fatal_accident_rate_annual,
            s.claims.injury_rate_annual,
            s.claims.injury_cost_rp,
        ],
    }


def encode(s: Scenario) -> str:
    """The scenario as `1.<payload>`: short keys, zlib, base64url without padding."""
    raw = json.dumps(to_json(s), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    payload = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")
    return f"{VERSION}.{payload}"


def _int(value: object, low: int, high: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ScenarioError("err.out_of_range", field=what, value=repr(value)[:40], low=low, high=high)
    return value


def _rate(value: object, what: str) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ScenarioError("err.not_a_rate", field=what)
    return float(value)


def _from_json(d: dict, book: RuleBook) -> Scenario:
    funding = set(book.funding)
    groups = set(book.groups) | set(d["g"])
    lines = []
    for kec, group, source, workers in d["l"]:
        if group not in groups or source not in funding:
            raise ScenarioError("err.unknown_group_or_funding", group=repr(group)[:40], funding=repr(source)[:40])
        lines.append(Line(kec or None, group, source, _int(workers, 0, 10**8, "workers")))
    if d["p"] not in PACKAGES or d["r"] not in RULES or not set(d["in"]) <= set(INCENTIVES):
        raise ScenarioError("err.unknown_choice")
    if not set(d["b"]) <= set(book.budget_sources()):
        raise ScenarioError("err.unknown_budget_source", sources=", ".join(map(str, d["b"]))[:80])
    dropout = d["do"]
    if dropout is not None and (not isinstance(dropout, int | float) or not 0 <= dropout <= 100):
        raise ScenarioError("err.dropout_range")
    death, fatal, injury, injury_cost = d["c"]
    scenario = Scenario(
        start=parse_month_key(d["t"]),
        region=str(d["k"]),
        name=str(d["n"])[:NAME_MAX],
        package=d["p"],
        declared_income=_int(d["i"], 1, 10**10, "income"),
        months=_int(d["m"], 1, 60, "months"),
        lines=tuple(lines),
        extra_groups=tuple(str(g)[:40] for g in d["g"]),
        budgets={k: _int(v, 0, 10**14, "budget") for k, v in d["b"].items()},
        dapil=tuple(str(k) for k in d["d"]),
        per_desa=_int(d["q"], 0, 10**5, "per_desa"),
        uncovered={str(k): _int(v, 0, 10**8, "uncovered") for k, v in d["u"].items()},
        rule=d["r"],
        min_share_pct=_int(d["ms"], 0, 100, "min_share"),
        dropout_pct=None if dropout is None else float(dropout),
        incentives=tuple(d["in"]),
        claims=ClaimInputs(
            _rate(death, "death_rate"),
            _rate(fatal, "fatal_rate"),
            _rate(injury, "injury_rate"),
            None if injury_cost is None else _int(injury_cost, 0, 10**12, "claim_cost"),
        ),
    )
    try:  # a declared income no cited bracket covers in the first month cannot be costed
        book.bracket(scenario.declared_income, scenario.start)
    except RuleNotFound as err:
        raise ScenarioError(err.key, **err.params) from err
    return scenario


def _inflate(compressed: bytes) -> bytes:
    """zlib-decompress at most MAX_JSON_BYTES: a few kilobytes of link can otherwise inflate to gigabytes."""
    inflater = zlib.decompressobj()
    raw = inflater.decompress(compressed, MAX_JSON_BYTES)
    if inflater.unconsumed_tail or not inflater.eof:
        raise ScenarioError("err.link_too_big", limit=MAX_JSON_BYTES // 1024)
    return raw


def decode(text: str, book: RuleBook) -> Scenario:
    """The scenario of a shared link; anything unreadable raises ScenarioError, never a half scenario."""
    if len(text) > MAX_LINK_CHARS:
        raise ScenarioError("err.link_too_big", limit=MAX_JSON_BYTES // 1024)
    version, _, payload = text.partition(".")
    if version != str(VERSION):
        raise ScenarioError("err.link_version", version=repr(version)[:20])
    try:
        raw = _inflate(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        # RecursionError: JSON nested thousands deep ('[[[[…') exhausts the parser's stack
        return _from_json(json.loads(raw.decode("utf-8")), book)
    except ScenarioError:
        raise
    except (
        binascii.Error,
        zlib.error,
        UnicodeDecodeError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
    ) as err:
        raise ScenarioError("err.link_damaged") from err
