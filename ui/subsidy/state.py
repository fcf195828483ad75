"""The calculator's inputs: widgets in session state, one Scenario assembled from them, and the URL.

A shared link carries the whole scenario in `s` (ucj.subsidy.scenario). On the page's first run
the widgets take the link's values (else the session's last scenario, else defaults); afterwards
the widgets are the truth and every run writes the scenario back into the URL.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pandas as pd
import streamlit as st

from ucj.subsidy.calendar import add_months, first_of_month
from ucj.subsidy.cost import Line
from ucj.subsidy.headcount import Region
from ucj.subsidy.report import WHOLE_REGION
from ucj.subsidy.retention import Evidence
from ucj.subsidy.rules import RuleBook
from ucj.subsidy.scenario import PARAM, ClaimInputs, Scenario, ScenarioError, decode, encode
from ui import url_state

PREFIX = "kalk_"
LAST = PREFIX + "last"  # the last scenario of this session, kept while other pages run
LINE_COLUMNS = ["kecamatan", "target_group", "funding", "workers"]
# Claim-rate widgets show rates per this many workers, so the numbers read like the assumptions file.
CLAIM_SCALES = {"death_rate_annual": 1000, "fatal_accident_rate_annual": 100_000, "injury_rate_annual": 100}
DEFAULT_DROPOUT = "default"
CUSTOM_DROPOUT = "custom"


def key(name: str) -> str:
    return PREFIX + name


def keep(*names: str) -> None:
    """The values of widgets not drawn in this run (a closed tab's), kept for when they are drawn again.

    Streamlit forgets a widget's value after a run without it, unless the value was last set through session
    state.
    """
    for name in names:
        if key(name) in st.session_state:
            st.session_state[key(name)] = st.session_state[key(name)]


def default_scenario(kode_kab: str, today: dt.date | None = None) -> Scenario:
    """A blank plan starting next month: one line for the whole region, no workers yet."""
    start = add_months(first_of_month(today or dt.date.today()), 1)
    return Scenario(start=start, region=kode_kab, lines=(Line(None, "lainnya", "APBD", 0),))


def _readable(text: str | None, book: RuleBook, kode_kab: str, report: bool) -> Scenario | None:
    """The scenario in `text` if it is readable and for this region; `report` a damaged one to the page."""
    if not text:
        return None
    try:
        found = decode(text, book)
    except ScenarioError as err:
        if report:
            st.session_state[key("url_error")] = err  # written in the reader's language by the page
        return None
    return found if found.region == kode_kab else None


def lines_frame(lines: tuple[Line, ...]) -> pd.DataFrame:
    rows = [(line.kecamatan or WHOLE_REGION, line.target_group, line.funding, line.workers) for line in lines]
    return pd.DataFrame(rows, columns=LINE_COLUMNS).astype({"workers": "int64"})


def uncovered_frame(region: Region, typed: dict[str, int]) -> pd.DataFrame:
    """Rows for the uncovered-workers editor: the database's estimate, and the user's number if typed."""
    rows = [(k.kode, k.nama, k.uncovered, typed.get(k.kode)) for k in region.kecamatan]
    return pd.DataFrame(rows, columns=["kode", "nama", "estimate", "typed"]).astype(
        {"estimate": "Int64", "typed": "Int64"}
    )


def dropout_choice(s: Scenario, evidence: list[Evidence]) -> tuple[str, float]:
    """The radio choice that reproduces `s.dropout_pct`, and the custom percentage to show."""
    if s.dropout_pct is None:
        return DEFAULT_DROPOUT, 0.0
    for e in evidence:
        if abs(e.monthly_dropout * 100 - s.dropout_pct) < 1e-9:
            return e.key, s.dropout_pct
    return CUSTOM_DROPOUT, s.dropout_pct


def apply(s: Scenario, book: RuleBook, region: Region, evidence: list[Evidence]) -> None:
    """Set every widget of the page to `s` (call before the widgets are drawn, or from a callback)."""
    ss = st.session_state
    incomes = [b.declared_income_rp for b in book.brackets_on(s.start)]
    ss[key("region")] = s.region
    ss[key("name")] = s.name
    ss[key("package")] = s.package
    ss[key("income")] = s.declared_income if s.declared_income in incomes else incomes[0]
    ss[key("start")] = s.start
    ss[key("months")] = s.months
    ss[key("groups")] = ", ".join(s.extra_groups)
    ss[key("lines_base")] = lines_frame(s.lines)
    ss.pop(key("lines_editor"), None)
    for funding in book.budget_sources():
        ss[key(f"budget_{funding}")] = s.budgets.get(funding, 0)
    codes = {k.kode for k in region.kecamatan}
    ss[key("dapil")] = [c for c in s.dapil if c in codes]
    ss[key("per_desa")] = s.per_desa
    ss[key("uncovered_base")] = uncovered_frame(region, s.uncovered)
    ss.pop(key("uncovered_editor"), None)
    ss[key("rule")] = s.rule
    ss[key("min_share")] = s.min_share_pct
    ss[key("dropout_choice")], ss[key("dropout_custom")] = dropout_choice(s, evidence)
    for incentive in ("first_free", "yearly_free"):
        ss[key(f"inc_{incentive}")] = incentive in s.incentives
    defaults = book.assumptions
    for name, scale in CLAIM_SCALES.items():
        chosen = getattr(s.claims, name)
        ss[key(name)] = float((defaults[name].value if chosen is None else Fraction(chosen)) * scale)
    cost = s.claims.injury_cost_rp
    ss[key("injury_cost_rp")] = int(defaults["injury_cost_rp"].value) if cost is None else cost


def init(book: RuleBook, kode_kab: str, region: Region, evidence: list[Evidence]) -> None:
    """On the page's first run for this region: the link's scenario, else this session's, else defaults."""
    ss = st.session_state
    if ss.get(key("region")) == kode_kab and key("months") in ss:
        return
    shared = _readable(url_state.read(PARAM), book, kode_kab, report=True)
    remembered = _readable(ss.get(LAST), book, kode_kab, report=False)
    apply(shared or remembered or default_scenario(kode_kab), book, region, evidence)


def _lines(frame: pd.DataFrame) -> tuple[Line, ...]:
    """Editor rows as lines; a half-filled new row counts as the whole region, 'other', APBD, 0 workers."""
    lines = []
    for row in frame.itertuples():
        workers = 0 if pd.isna(row.workers) else int(row.workers)
        group = row.target_group if isinstance(row.target_group, str) and row.target_group else "lainnya"
        funding = row.funding if isinstance(row.funding, str) and row.funding else "APBD"
        kecamatan = (
            row.kecamatan if isinstance(row.kecamatan, str) and row.kecamatan not in ("", WHOLE_REGION) else None
        )
        lines.append(Line(kecamatan, group, funding, max(workers, 0)))
    return tuple(lines)


def _typed(frame: pd.DataFrame) -> dict[str, int]:
    return {row.kode: max(int(row.typed), 0) for row in frame.itertuples() if not pd.isna(row.typed)}


def _dropout_pct(evidence: list[Evidence]) -> float | None:
    choice = st.session_state[key("dropout_choice")]
    if choice == DEFAULT_DROPOUT:
        return None
    if choice == CUSTOM_DROPOUT:
        return float(st.session_state[key("dropout_custom")])
    return next(e.monthly_dropout * 100 for e in evidence if e.key == choice)


def _claims(book: RuleBook) -> ClaimInputs:
    """The claim-rate widgets; a value equal to the default is stored as None (the default may change)."""
    ss = st.session_state
    chosen: dict[str, float | int | None] = {}
    for name, scale in CLAIM_SCALES.items():
        rate = Fraction(str(ss[key(name)])) / scale
        chosen[name] = None if rate == book.assumptions[name].value else float(rate)
    cost = int(ss[key("injury_cost_rp")])
    chosen["injury_cost_rp"] = None if cost == book.assumptions["injury_cost_rp"].value else cost
    return ClaimInputs(**chosen)


def extra_groups() -> tuple[str, ...]:
    """Target groups the user added, comma separated, in order and without repeats."""
    typed = (g.strip() for g in str(st.session_state[key("groups")]).split(","))
    return tuple(dict.fromkeys(g[:40] for g in typed if g))


def assemble(
    book: RuleBook, kode_kab: str, lines: pd.DataFrame, uncovered: pd.DataFrame, evidence: list[Evidence]
) -> Scenario:
    """The scenario the widgets show now (`lines`, `uncovered`: what the two editors returned)."""
    ss = st.session_state
    return Scenario(
        start=first_of_month(ss[key("start")]),
        region=kode_kab,
        name=ss[key("name")],
        package=ss[key("package")],
        declared_income=int(ss[key("income")]),
        months=int(ss[key("months")]),
        lines=_lines(lines),
        extra_groups=extra_groups(),
        budgets={f: int(ss[key(f"budget_{f}")]) for f in book.budget_sources() if ss[key(f"budget_{f}")]},
        dapil=tuple(ss[key("dapil")]),
        per_desa=int(ss[key("per_desa")]),
        uncovered=_typed(uncovered),
        rule=ss[key("rule")],
        min_share_pct=int(ss[key("min_share")]),
        dropout_pct=_dropout_pct(evidence),
        incentives=tuple(i for i in ("first_free", "yearly_free") if ss[key(f"inc_{i}")]),
        claims=_claims(book),
    )


def publish(s: Scenario) -> str:
    """Put the scenario into the URL and remember it for this session; returns the encoded value."""
    encoded = encode(s)
    url_state.write({PARAM: encoded})
    st.session_state[LAST] = encoded
    return encoded
