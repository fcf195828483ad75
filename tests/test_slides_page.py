"""The Rapat page in AppTest: the deck and the slide live in the URL, presentation mode, the exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import REGIONS, open_app
from ucj.i18n import t
from ucj.slides.registry import SLIDES
from ucj.subsidy import scenario_store
from ucj.subsidy.cost import Line
from ucj.subsidy.rules import load
from ucj.subsidy.scenario import Scenario, encode

PAGE = "views/slides.py"
ALL = list(SLIDES)


def shown(at: AppTest) -> str:
    """The slide's HTML (the one st.html element of the page that holds a deck)."""
    decks = [h.proto.body for h in at.get("html") if "ucj-deck" in h.proto.body]
    assert len(decks) == 1
    return decks[0]


def param(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("region", REGIONS)
def test_the_page_opens_on_the_whole_deck_for_every_region(app_db, region):
    at = open_app(region, page=PAGE)
    assert at.multiselect(key="rapat_slides").value == ALL
    assert param(at, "slides") == ",".join(ALL) and param(at, "slide") == "1"
    assert 'class="ucj-deck preview"' in shown(at)
    assert t("rapat.slide.headline") in shown(at)
    assert at.button(key="rapat_prev").disabled and not at.button(key="rapat_next").disabled
    assert {b.key for b in at.get("download_button")} == {"rapat_pdf", "rapat_pptx"}


def test_picking_slides_orders_the_deck_and_goes_into_the_url(app_db):
    at = open_app("padang", page=PAGE)
    at.multiselect(key="rapat_slides").set_value(["budget", "map"]).run()
    assert param(at, "slides") == "budget,map"
    assert t("rapat.slide.budget") in shown(at)
    at.button(key="rapat_next").click().run()
    assert param(at, "slide") == "2"
    assert t("rapat.slide.map") in shown(at) and "Slide 2 dari 2" in shown(at)
    assert at.button(key="rapat_next").disabled


def test_an_empty_choice_asks_for_a_slide(app_db):
    at = open_app("padang", page=PAGE)
    at.multiselect(key="rapat_slides").set_value([]).run()
    assert not at.exception
    assert at.info[0].value == t("rapat.pick_one")


def test_a_copied_link_opens_the_same_deck_at_the_same_slide(app_db):
    at = open_app("sijunjung", "en", PAGE, slides="trend,budget,atlantis", slide="2")
    assert at.multiselect(key="rapat_slides").value == ["trend", "budget"]
    assert t("rapat.slide.budget", "en") in shown(at)
    assert "Kabupaten Sijunjung · Slide 2 of 2" in shown(at)


def test_presentation_mode_shows_only_the_slide_and_its_keys(app_db):
    at = open_app("padang", "id", PAGE, present="1", slides=",".join(ALL), slide="3")
    body = shown(at)
    assert 'class="ucj-deck present"' in body
    assert t("rapat.slide.trend") in body and "Slide 3 dari 6" in body
    assert '[data-testid="stSidebar"]' in body  # the frame is hidden for this page only
    assert not at.multiselect and not at.get("download_button")
    keys = {b.key for b in at.button}
    assert {"rapat_prev", "rapat_next", "rapat_exit", "rapat_pageup", "rapat_pagedown", "rapat_space"} <= keys
    at.button(key="rapat_pagedown").click().run()
    assert param(at, "slide") == "4" and t("rapat.slide.budget") in shown(at)
    at.button(key="rapat_pageup").click().run()
    assert param(at, "slide") == "3"
    at.button(key="rapat_exit").click().run()
    assert param(at, "present") is None
    assert 'class="ucj-deck preview"' in shown(at)
    assert at.multiselect(key="rapat_slides").value == ALL


def test_start_button_enters_presentation_mode_at_the_current_slide(app_db):
    at = open_app("probolinggo", page=PAGE)
    at.button(key="rapat_next").click().run()
    at.button(key="rapat_start").click().run()
    assert param(at, "present") == "1" and param(at, "slide") == "2"
    assert 'class="ucj-deck present"' in shown(at) and t("rapat.slide.map") in shown(at)


def test_english_labels(app_db):
    at = open_app("padang", lang="en", page=PAGE)
    assert at.multiselect(key="rapat_slides").label == t("rapat.pick", "en")
    assert "Coverage (UCJ)" in shown(at) and "31.5%" in shown(at)
    assert at.get("download_button")[0].label == "Download PDF"


def test_a_pasted_calculator_link_puts_its_scenario_on_the_budget_slide(app_db):
    encoded = encode(
        Scenario(start=dt.date(2022, 1, 1), region="13.03", months=9, lines=(Line(None, "petani", "APBD", 1333),))
    )
    at = open_app("sijunjung", "id", PAGE, slides="budget")
    at.text_input(key="rapat_scenario_link").input(
        f"https://dasbor.example/kalkulator?region=sijunjung&s={encoded}"
    ).run()
    assert param(at, "s") == encoded
    assert "Biaya total" in shown(at) and "Rp 201.549.600" in shown(at)
    assert at.text_input(key="rapat_scenario_link").value == ""
    at.button(key="rapat_scenario_drop").click().run()
    assert param(at, "s") is None
    assert "Biaya total" not in shown(at) and "Biaya 12 bulan untuk" in shown(at)


def test_a_scenario_an_editor_saved_is_picked_for_the_budget_slide(db):
    case = Scenario(
        start=dt.date(2022, 1, 1), region="13.03", months=9, lines=(Line(None, "petani", "APBD", 1333),), name="Tahap I"
    )
    with db.writer() as con:
        scenario_store.save(con, encode(case), load(), actor="bappeda1", now=dt.datetime(2026, 11, 30, 9))
    at = open_app("sijunjung", "id", PAGE, slides="budget")
    at.selectbox(key="rapat_scenario_saved").set_value("Tahap I").run()
    assert param(at, "s") == encode(case)
    assert "Tahap I" in shown(at) and "Rp 201.549.600" in shown(at)
    assert at.selectbox(key="rapat_scenario_saved").value is None  # ready for the next pick


def test_a_scenario_that_cannot_be_costed_is_named_on_the_slide(app_db):
    odd = replace(
        Scenario(start=dt.date(2022, 1, 1), region="13.03", months=9, lines=(Line(None, "petani", "APBD", 1333),)),
        declared_income=1_234_567,
    )
    at = open_app("sijunjung", "id", PAGE, slides="budget", s=encode(odd))
    assert "tidak bisa dipakai" in shown(at) and "Rp 1.234.567" in shown(at)
    assert "Biaya 12 bulan untuk" in shown(at)  # the default plan instead
