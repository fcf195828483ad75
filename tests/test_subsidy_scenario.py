"""Scenarios: the shared link carries every input and nothing else, and the exports read back the same
figures the screen shows (Excel through openpyxl, PDF through pypdf)."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import json
import zlib
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from ucj.subsidy.cost import Line
from ucj.subsidy.evaluate import evaluate, summary
from ucj.subsidy.export_pdf import scenario_pdf
from ucj.subsidy.export_xlsx import scenario_xlsx
from ucj.subsidy.headcount import Kecamatan, Region
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import (
    MAX_LINK_CHARS,
    NAME_MAX,
    ClaimInputs,
    Scenario,
    ScenarioError,
    decode,
    encode,
    to_json,
)

D = dt.date
REGION = Region(
    (
        Kecamatan("13.03.03", "Tanjung Gadang", 9, False, uncovered=1_000, workforce=14_039, active=13_039),
        Kecamatan("13.03.04", "Sijunjung", 9, False),
    ),
    default_dropout=0.0521548,
)
RESEARCH_CASE = Scenario(
    start=D(2022, 1, 1),
    region="13.03",
    name="Contoh: Sijunjung Tahap I 2022",
    months=9,
    lines=(Line(None, "lainnya", "APBD", 1333),),
)


@pytest.fixture(scope="module")
def book():
    return load()


def test_research_case_through_the_whole_scenario(book):
    figures = summary(evaluate(RESEARCH_CASE, book, REGION))
    assert figures["total_cost_rp"] == 201_549_600
    assert figures["worker_months"] == 1_333 * 9
    assert figures["cost_per_worker_month_rp"] == 16_800


@pytest.mark.parametrize(("funding", "both"), [("DBHCHT", True), ("APBDes", True), ("APBD", False), ("CSR", False)])
def test_where_the_sources_leave_the_discount_open_both_costs_are_given(book, funding, both):
    """Probolinggo-like: 100 workers paid from DBHCHT for April–June 2026. PP 50/2025 excludes only
    APBN/APBD payments and no source says whether DBHCHT (or APBDes) counts: the cost without the
    discount, and the cost with it beside it."""
    s = Scenario(start=D(2026, 4, 1), region="13.03", months=3, lines=(Line(None, "petani", funding, 100),))
    r = evaluate(s, book, REGION)
    if both:
        assert (r.total_cost, r.cost_if_discounted, r.open_funding) == (100 * 3 * 16_800, 100 * 3 * 8_400, (funding,))
    else:
        assert r.cost_if_discounted is None and r.open_funding == ()


RICH = Scenario(
    start=D(2026, 3, 1),
    region="13.71",
    name="Pokir + APBD, 'uji' = \"kutip\"",
    package="jkk_jkm_jht",
    declared_income=20_700_000,
    months=10,
    lines=tuple(
        Line(f"13.71.{i:02d}", g, f, 17 * i)
        for i, (g, f) in enumerate([("ojek", "POKIR"), ("petani", "APBD")] * 5 + [("penjahit", "CSR")], start=1)
    ),
    extra_groups=("penjahit",),
    budgets={"APBD": 900_000_000, "POKIR": 250_000_000},
    dapil=("13.71.01", "13.71.02"),
    per_desa=100,
    uncovered={"13.71.03": 4_000},
    rule="proportional",
    min_share_pct=5,
    dropout_pct=7.5,
    incentives=("first_free", "yearly_free"),
    claims=ClaimInputs(0.004, None, 0.02, 1_500_000),
)


def test_round_trip_keeps_every_input(book):
    assert decode(encode(RICH), book) == RICH


def test_the_link_is_compact_and_versioned():
    encoded = encode(RICH)
    assert encoded.startswith("1.")
    assert len(encoded) < 600  # 11 lines and every option still fit comfortably in a URL
    assert set(encoded[2:]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@pytest.mark.parametrize(
    "text",
    ["", "2." + encode(RICH)[2:], "1.!!!!", "1.eJzLSM3JyVcozy_KSQEAGgQEXQ", encode(RICH)[:-12]],
    ids=["empty", "other-version", "not-base64", "not-json", "truncated"],
)
def test_unreadable_links_are_refused(book, text):
    with pytest.raises(ScenarioError):
        decode(text, book)


@pytest.mark.parametrize(
    "bad",
    [
        Scenario(start=D(2026, 1, 1), package="jkk_only"),
        Scenario(start=D(2026, 1, 1), rule="lottery"),
        Scenario(start=D(2026, 1, 1), incentives=("free_forever",)),
        Scenario(start=D(2026, 1, 1), lines=(Line(None, "petani", "ARISAN", 5),)),
        Scenario(start=D(2026, 1, 1), lines=(Line(None, "astronot", "APBD", 5),)),
        Scenario(start=D(2026, 1, 1), budgets={"SELF": 5}),
        Scenario(start=D(2026, 1, 1), months=0),
        Scenario(start=D(2026, 1, 1), min_share_pct=120),
        Scenario(start=D(2026, 1, 1), dropout_pct=150.0),
        Scenario(start=D(2026, 1, 1), claims=ClaimInputs(death_rate_annual=2.0)),
    ],
    ids=["package", "rule", "incentive", "funding", "group", "budget-source", "months", "share", "dropout", "claims"],
)
def test_values_outside_the_allow_lists_are_refused(book, bad):
    with pytest.raises(ScenarioError):
        decode(encode(bad), book)


scenarios = st.builds(
    Scenario,
    start=st.dates(D(2016, 1, 1), D(2035, 12, 1)).map(lambda d: d.replace(day=1)),
    region=st.sampled_from(["13.71", "13.03", "35.74", "35.09"]),
    name=st.text(max_size=80),
    package=st.sampled_from(["jkk_jkm", "jkk_jkm_jht"]),
    months=st.integers(1, 60),
    lines=st.lists(
        st.builds(
            Line,
            st.one_of(st.none(), st.sampled_from(["13.71.01", "35.09.11"])),
            st.sampled_from(["petani", "ojek", "lainnya"]),
            st.sampled_from(["APBD", "APBDes", "POKIR", "CSR", "DBHCHT"]),
            st.integers(0, 10**6),
        ),
        max_size=12,
    ).map(tuple),
    budgets=st.dictionaries(st.sampled_from(["APBD", "DBHCHT", "POKIR", "CSR", "APBN"]), st.integers(0, 10**12)),
    min_share_pct=st.integers(0, 100),
    dropout_pct=st.one_of(st.none(), st.floats(0, 100)),
    claims=st.builds(ClaimInputs, st.one_of(st.none(), st.floats(0, 1)), st.one_of(st.none(), st.floats(0, 1))),
)


@settings(max_examples=60, deadline=None)
@given(scenarios)
def test_any_valid_scenario_survives_the_link(s):
    assert decode(encode(s), load()) == s


@pytest.fixture(scope="module")
def rich_results(book):
    return evaluate(RICH, book, REGION)


def test_excel_holds_inputs_results_and_the_regulations(book):
    results = evaluate(RESEARCH_CASE, book, REGION)
    wb = load_workbook(io.BytesIO(scenario_xlsx(results, book, REGION, "id")))
    assert wb.sheetnames == ["Masukan", "Hasil", "Tarif dan dasar hukum"]
    values = {cell.value for ws in wb for row in ws.iter_rows() for cell in row}
    assert 201_549_600 in values  # the cost by funding source, as a number planners can add up
    assert "Rp 201.549.600" in values  # the summary
    rules = [c.value for row in wb["Tarif dan dasar hukum"].iter_rows() for c in row if c.value]
    assert any("PP 44/2015 Lampiran II" in str(v) for v in rules)
    assert any("sumber sekunder" in str(v) for v in rules)


def test_excel_neutralises_formula_like_names(book, rich_results):
    wb = load_workbook(io.BytesIO(scenario_xlsx(rich_results, book, REGION, "en")))
    texts = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(t.startswith("=") for t in texts)


def test_pdf_reads_back_with_the_totals_and_the_regulations(book):
    results = evaluate(RESEARCH_CASE, book, REGION)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(scenario_pdf(results, book, REGION, "id"))).pages)
    assert "201.549.600" in text
    assert "PP 44/2015" in text
    assert "ASUMSI" in text  # the claim rates are labelled as assumptions


def test_pdf_without_dejavu_falls_back_and_says_so(book, rich_results, tmp_path):
    pdf = scenario_pdf(rich_results, book, REGION, "en", font_folder=tmp_path)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "DejaVu Sans was not found" in text


def test_minimum_share_fraction_is_passed_on(book):
    s = Scenario(start=D(2026, 1, 1), region="13.03", budgets={"APBD": 10_000_000}, min_share_pct=50, rule="optimise")
    allocation = evaluate(s, book, REGION).allocation
    assert allocation.max_min_share is not None and allocation.max_min_share < Fraction(1, 2)


def _raw_link(payload: object) -> str:
    """A link built by hand, as someone editing the URL would: well-formed, but with any JSON inside."""
    raw = json.dumps(payload).encode("utf-8")
    return "1." + base64.urlsafe_b64encode(zlib.compress(raw)).decode("ascii").rstrip("=")


JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=6)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(field=st.sampled_from(sorted(to_json(RESEARCH_CASE))), value=JSON_VALUE)
def test_a_hand_edited_link_is_read_or_refused_never_a_crash(book, field, value):
    """Found by fuzzing: 'b': [] or 't': null in a link raised AttributeError and broke the page."""
    payload = to_json(RESEARCH_CASE) | {field: value}
    with contextlib.suppress(ScenarioError):
        decode(_raw_link(payload), book)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"i": 1_234_567}, r"Rp 1\.234\.567"),  # a declared income no cited bracket covers
        ({"t": "1990-01"}, "1990"),  # before the rules in the data
    ],
)
def test_a_link_that_cannot_be_costed_is_refused_with_its_reason(book, change, reason):
    with pytest.raises(ScenarioError, match=reason):
        decode(_raw_link(to_json(RESEARCH_CASE) | change), book)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("id", "jumlah bulan di luar batas 1–60: 61"), ("en", "number of months outside 1–60: 61")],
)
def test_a_refusal_names_the_field_and_its_limits_in_both_languages(book, lang, text):
    with pytest.raises(ScenarioError) as refused:
        decode(_raw_link(to_json(RESEARCH_CASE) | {"m": 61}), book)
    assert refused.value.message(lang) == text


def _zlib_link(raw: bytes) -> str:
    return "1." + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (_zlib_link(b" " * (300 * 2**20)), "err.link_too_big"),  # 300 MB of JSON whitespace in a 300 KB link
        (_zlib_link(b"[" * 200_000), "err.link_damaged"),  # under the size cap, but nested too deep to parse
        ("1." + "A" * (MAX_LINK_CHARS + 1), "err.link_too_big"),
    ],
    ids=["zlib-bomb", "deep", "too-long"],
)
def test_hostile_links_are_refused_before_they_cost_memory(book, text, reason):
    with pytest.raises(ScenarioError) as refused:
        decode(text, book)
    assert refused.value.key == reason


def test_the_largest_plan_still_fits_in_a_link(book):
    groups = [f"kelompok{n}" for n in range(8)]
    lines = tuple(
        Line(f"13.71.{k:02d}", g, f, 10**6 - k) for k in range(1, 31) for g in groups for f in list(book.funding)[:4]
    )
    big = replace(RESEARCH_CASE, lines=lines, extra_groups=tuple(groups), name="x" * NAME_MAX)
    assert len(encode(big)) < MAX_LINK_CHARS
    assert decode(encode(big), book).lines == lines
