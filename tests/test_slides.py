"""The slide registry and builders: what each slide says, with its provenance, for every region."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from ucj.db import Database
from ucj.fmt import MISSING
from ucj.provenance import Provenance
from ucj.slides import budget, trend
from ucj.slides.calculator_scenario import scenario_from_link
from ucj.slides.html import slide_html
from ucj.slides.layout import column_weights, figure_columns, page_layout, value_size
from ucj.slides.model import DeckContext, Slide, SlideFigure, SlideTable, as_of_of, footer_lines, sources_of
from ucj.slides.registry import SLIDES, build_deck, parse_selection, slide_number
from ucj.slides.scorecard import score_text
from ucj.subsidy.cost import Line
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import Scenario, encode

D = dt.date
TODAY = D(2026, 11, 23)
REGIONS = {
    "13.71": "Kota Padang",
    "13.03": "Kabupaten Sijunjung",
    "35.74": "Kota Probolinggo",
    "35.09": "Kabupaten Jember",
}
ALL = list(SLIDES)


@pytest.fixture(scope="module")
def query(demo_db: Path):
    db = Database(demo_db)
    yield db.query
    db.close()


def deck(query, kode="13.71", lang="id", keys=ALL, scenario=None):
    return build_deck(keys, query, DeckContext(kode, REGIONS.get(kode, "Wilayah uji"), lang, TODAY, scenario))


def by_key(built) -> dict[str, Slide]:
    return {s.key: s for s in built.slides}


def figures(slide: Slide) -> dict[str, SlideFigure]:
    return {f.label: f for f in slide.figures}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ALL),
        ("", ALL),
        ("map,headline", ["map", "headline"]),
        (" trend , budget ", ["trend", "budget"]),
        ("map,map,headline", ["map", "headline"]),
        ("atlantis,actions", ["actions"]),
        ("atlantis", ALL),
        ("MAP", ALL),
    ],
)
def test_the_url_picks_and_orders_slides(text, expected):
    assert parse_selection(text) == expected


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("2", 6, 2),
        ("1", 6, 1),
        ("6", 6, 6),
        ("9", 6, 6),
        ("0", 6, 1),
        ("-3", 6, 1),
        ("dua", 6, 1),
        (None, 6, 1),
        ("3", 0, 1),
    ],
)
def test_slide_number_stays_in_the_deck(text, count, expected):
    assert slide_number(text, count) == expected


def prov(kind="published", source="A", start=None, end=None, method=None) -> Provenance:
    return Provenance(kind, source, start, end, method or ("aturan" if kind == "estimate" else None))


@pytest.mark.parametrize(
    ("provenances", "sources", "as_of"),
    [
        ([], (), None),
        ([None], (), None),
        ([prov(source="A", start=D(2023, 8, 1), end=D(2023, 8, 31))], ("A",), "Agustus 2023"),
        (
            [prov(source="A; B", start=D(2024, 1, 1), end=D(2024, 12, 31)), prov(source="B", start=D(2024, 6, 1))],
            ("A", "B"),
            "2024",  # the year's end is later than 1 June
        ),
        ([prov(source="B", start=D(2023, 2, 9)), prov(source="A", start=None)], ("B", "A"), "9 Februari 2023"),
    ],
)
def test_sources_listed_once_and_the_newest_date(provenances, sources, as_of):
    assert sources_of(provenances) == sources
    assert as_of_of(provenances, "id") == as_of


@pytest.mark.parametrize(
    ("first", "last", "lang", "expected"),
    [
        (3639, 2784, "id", "−855 (−23,5 %)"),
        (96500, 96500, "id", "0 (0,0 %)"),
        (1000, 1250, "id", "+250 (+25,0 %)"),
        (1000, 1250, "en", "+250 (+25.0%)"),
        (0, 5, "id", f"+5 ({MISSING['id']})"),
    ],
)
def test_change_is_signed_and_relative(first, last, lang, expected):
    assert trend.change_text(first, last, lang) == expected


def series_rows(*rows):
    return pd.DataFrame(rows, columns=["segment", "status", "period"])


@pytest.mark.parametrize(
    ("rows", "kept"),
    [
        (series_rows(("BPU", "registered", 1), ("BPU", "registered", 2)), ["registered", "registered"]),
        (series_rows(("BPU", "registered", 1), ("BPU", "active", 2)), ["active"]),
        (series_rows(("PU", "active", 1), ("BPU", "registered", 1)), ["active", "registered"]),
        (series_rows(), []),
    ],
)
def test_one_series_per_segment_prefers_active(rows, kept):
    assert trend.one_series_per_segment(rows)["status"].tolist() == kept


@pytest.mark.parametrize(
    ("score", "lang", "expected"), [(2.26, "id", "2,3 / 5"), (4.0, "en", "4.0 / 5"), (1, "id", "1,0 / 5")]
)
def test_score_text(score, lang, expected):
    assert score_text(score, lang) == expected


def programmes(*rows):
    columns = ["programme_id", "status", "headcount", "as_of", "funding_source", "kind", "source_short"]
    return pd.DataFrame(rows, columns=columns)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (programmes(), None),
        (programmes(("a", "protected", 349, D(2024, 12, 1), "POKIR", "published", "T")), None),
        (programmes(("a", "planned", 3670, D(2024, 1, 1), "POKIR", "published", "T")), 3670),
        (
            programmes(
                ("a", "quota", 11616, D(2023, 1, 1), "APBD", "published", "W"),
                ("b", "planned", 500, D(2022, 1, 1), "APBD", "published", "W"),
            ),
            11616,  # only the latest plan counts
        ),
        (programmes(("a", "planned", None, D(2024, 1, 1), "APBD", "published", "T")), None),
    ],
)
def test_plan_is_the_latest_planned_or_quota_headcount(rows, expected):
    assert budget.plan_figure(rows).value == expected


@pytest.mark.parametrize(
    ("workers", "funding", "start", "per_worker", "total"),
    [
        (1333, "APBD", D(2022, 1, 1), 16_800, 1333 * 16_800 * 12),
        (3670, "POKIR", D(2026, 12, 1), 16_800, 739_872_000),
        # a source the rules do not know is priced as APBD (no PP 50/2025 discount: the Pemda pays)
        (10, "OTHER", D(2026, 5, 1), 16_800, 10 * 16_800 * 12),
    ],
)
def test_scenario_uses_the_calculators_arithmetic(workers, funding, start, per_worker, total):
    got_per_worker, got_total, provenance, regulations = budget.scenario(load(), workers, funding, start, "id")
    assert (got_per_worker, got_total) == (per_worker, total)
    assert provenance.kind == "estimate" and provenance.method
    assert any("PP 44/2015" in r for r in regulations)


@pytest.mark.parametrize(("count", "columns"), [(1, 1), (2, 2), (3, 3), (4, 2), (5, 3), (6, 3)])
def test_figure_grid(count, columns):
    assert figure_columns(count) == columns


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [("31,5 %", 100, 24.0), ("Rp 13.580.179.200", 100, 22.5), ("Rp 13.580.179.200", 50, 10.5)],
)
def test_long_figures_get_smaller_type(text, width, expected):
    assert value_size(text, width) == expected


def test_column_weights_follow_the_longest_cell_within_bounds():
    table = SlideTable(("Program", "Pekerja"), (("x" * 60, "349"),), (False, True))
    assert column_weights(table) == (40, 7)


def test_a_slide_holds_at_most_six_figures():
    figure = SlideFigure("a", "1", None, "x")
    assert len(Slide("k", "t", figures=(figure,) * 6).figures) == 6
    with pytest.raises(ValueError, match="at most 6"):
        Slide("k", "t", figures=(figure,) * 7)


def test_a_ragged_table_is_refused():
    with pytest.raises(ValueError, match="as long as"):
        SlideTable(("a", "b"), (("1",),), (False, False))


def test_page_layout_keeps_every_box_on_the_page(query):
    for slide in deck(query).slides:
        layout = page_layout(slide, slide.chart is not None)
        boxes = [layout.title, layout.meta, *layout.figures, layout.picture, layout.table, layout.notes, layout.footer]
        for box in filter(None, boxes):
            assert box.x >= 0 and box.y >= 0 and box.x + box.w <= 338.67 + 0.01 and box.y + box.h <= 190.5, slide.key
            assert box.h > 0, slide.key


def test_padang_headline_in_indonesian_format(query):
    headline = figures(by_key(deck(query))["headline"])
    assert headline["Cakupan (UCJ)"].value == "31,5 %"
    assert headline["Cakupan (UCJ)"].kind == "estimate"
    assert headline["Tenaga kerja"].value == "426.765"
    assert headline["Tenaga kerja"].provenance.startswith("Angka terbitan · Agustus 2023 · Trimaulina")
    assert headline["Peserta aktif BPJS Ketenagakerjaan"].value == "134.249"


def test_padang_in_english(query):
    slides = by_key(deck(query, lang="en", keys=["headline", "trend"]))
    assert figures(slides["headline"])["Coverage (UCJ)"].value == "31.5%"
    assert slides["trend"].figures[-1].detail == "−855 (−23.5%) since January 2024"
    assert footer_lines(slides["headline"], "en")[0].startswith("Sources: ")


def test_padang_trend_marks_estimates_and_draws_both_layouts(query):
    slide = by_key(deck(query, keys=["trend"]))["trend"]
    pu, bpu = slide.figures[1], slide.figures[2]
    assert (bpu.value, bpu.kind, bpu.detail) == ("2.784", "published", "−855 (−23,5 %) sejak Januari 2024")
    assert pu.kind == "estimate" and pu.detail.startswith("≈ ")  # both ends are estimates
    points = slide.chart["data"]["values"]
    assert {p["estimate"] for p in points if p["series"] == bpu.label} == {True, False}
    assert slide.chart["facet"].keys() == {"column"} and slide.chart_portrait["facet"].keys() == {"row"}
    assert slide.as_of == "2024"


def test_padang_budget_prices_the_plan_for_a_year(query):
    slide = by_key(deck(query, keys=["budget"]))["budget"]
    shown = figures(slide)
    assert shown["Pekerja rentan yang iurannya dibayar"].value == "349"
    assert shown["Pekerja rentan yang direncanakan (rencana/kuota)"].value == "3.670"
    assert shown["Biaya 12 bulan untuk 3.670 pekerja"].value == "Rp 739.872.000"
    assert shown["Biaya 12 bulan untuk 3.670 pekerja"].kind == "estimate"
    assert any("PP 44/2015" in s for s in slide.sources)
    assert slide.as_of == "Desember 2024"  # the data's date, not the scenario's future months
    assert slide.table.rows[0][3] == MISSING["id"]  # an unstated budget is "no data", never Rp 0


def test_padang_map_classes_kecamatan_against_the_target(query):
    slide = by_key(deck(query, keys=["map"]))["map"]
    shown = figures(slide)
    assert shown["Target cakupan (nasional)"].value == "52,15 %"
    assert shown["Kecamatan di bawah target"].value == "11 dari 11"
    assert shown["Kecamatan di bawah target"].kind == "estimate"  # kecamatan figures are spread estimates
    features = slide.chart["data"]["values"]["features"]
    assert len(features) == 11
    assert all(f["properties"]["estimate"] for f in features)
    assert {f["properties"]["label"] for f in features} <= set(slide.chart["encoding"]["color"]["scale"]["domain"])
    assert len(slide.table.rows) == 5
    assert slide.notes and "perkiraan" in slide.notes[0]


def test_padang_scorecard_and_actions_come_from_the_collaboration_records(query):
    slides = by_key(deck(query, keys=["scorecard", "actions"]))
    scorecard = slides["scorecard"]
    assert scorecard.figures and all(f.value.endswith(" / 5") for f in scorecard.figures)
    assert all(f.kind == "estimate" for f in scorecard.figures)  # rounds read from the research text
    scores = [float(r[2].split(" / ")[0].replace(",", ".")) for r in scorecard.table.rows]
    assert scores == sorted(scores)
    actions = slides["actions"]
    assert figures(actions)["Tindak lanjut terbuka"].value.isdigit()
    assert actions.as_of == "23 November 2026"


@pytest.mark.parametrize("kode", list(REGIONS))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_slide_of_every_region_says_where_its_figures_come_from(query, kode, lang):
    for slide in deck(query, kode, lang).slides:
        assert slide.title
        if slide.figures or slide.table or slide.chart:
            assert slide.sources, slide.key
            assert slide.as_of, slide.key
        else:
            assert slide.notes, slide.key  # an empty slide says why
        for figure in slide.figures:
            assert figure.value and figure.provenance
            if figure.kind is None:
                assert figure.value == MISSING[lang], (slide.key, figure)


def test_a_region_without_data_gets_no_data_never_zero(query):
    built = deck(query, kode="99.99")
    for slide in built.slides:
        assert all(f.value == MISSING["id"] for f in slide.figures if f.kind is None)
        assert all(f.value != "0" for f in slide.figures), slide.key
    slides = by_key(built)
    assert slides["map"].chart is None and slides["map"].notes
    assert slides["trend"].chart is None and slides["trend"].notes
    assert slides["budget"].notes and len(slides["budget"].figures) == 2
    assert footer_lines(slides["trend"], "id") == ("Sumber: tidak ada sumber", "Tidak ada data bertanggal")


def test_html_escapes_text_and_marks_what_a_phone_may_drop():
    slide = Slide(
        key="budget",
        title="<b>Judul</b>",
        figures=(SlideFigure("Label <i>", "Rp 1", "estimate", "Perkiraan · 2024 · X", "≈ +1"),),
        table=SlideTable(("A", "B"), (("<script>x</script>", "1"),), (False, True), essential=(True, False)),
        notes=("catatan",),
        sources=("X",),
        as_of="2024",
    )
    markup = slide_html(slide, "Kota Padang · Slide 1 dari 1", "id", ("data:a", "data:b"))
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "&lt;b&gt;Judul&lt;/b&gt;" in markup
    assert 'class="figure kind-estimate"' in markup and 'style="--chars: 4"' in markup
    assert '<td class="num optional">1</td>' in markup
    assert 'class="landscape" src="data:a"' in markup and 'class="portrait" src="data:b"' in markup
    assert "Sumber: X" in markup and "Data per 2024" in markup
    assert 'class="body"' in markup  # a slide with a table is not "figures only"


SIJUNJUNG_PHASE_ONE = Scenario(
    start=D(2022, 1, 1),
    region="13.03",
    name="Tahap I",
    months=9,
    lines=(Line(None, "petani", "APBD", 1333),),
    budgets={"APBD": 201_549_600},
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://dasbor.example/kalkulator?region=sijunjung&lang=id&s=1.abc_-", "1.abc_-"),
        ("/kalkulator?s=1.xyz", "1.xyz"),
        ("1.abc_-", "1.abc_-"),
        ("https://dasbor.example/kalkulator?region=sijunjung", None),
        ("bukan tautan", None),
        ("", None),
    ],
)
def test_the_scenario_is_taken_from_a_calculator_link(text, expected):
    assert scenario_from_link(text) == expected


def test_a_shared_calculator_scenario_fills_the_budget_slide(query):
    slide = deck(query, "13.03", keys=["budget"], scenario=encode(SIJUNJUNG_PHASE_ONE)).slides[0]
    shown = figures(slide)
    # the research's own case comes out to the rupiah: 1.333 workers × Rp 16.800 × 9 months
    assert shown["Biaya total"].value == "Rp 201.549.600"
    assert shown["Pekerja"].value == "1.333"
    assert shown["Biaya total"].kind == "estimate"
    assert slide.table.rows == (("APBD", "11.997", "Rp 201.549.600"),)
    assert "Tahap I" in slide.notes[0]


@pytest.mark.parametrize(
    ("kode", "scenario", "reason"),
    [("13.03", "1.rusak", "rusak"), ("13.71", encode(SIJUNJUNG_PHASE_ONE), "bukan 13.71")],
)
def test_an_unusable_scenario_says_so_and_the_default_is_shown(query, kode, scenario, reason):
    slide = deck(query, kode, keys=["budget"], scenario=scenario).slides[0]
    assert slide.notes[0].startswith("Skenario dari tautan tidak bisa dipakai") and reason in slide.notes[0]
    assert any(f.label.startswith("Biaya 12 bulan untuk") for f in slide.figures)
