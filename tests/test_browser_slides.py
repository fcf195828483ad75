"""Presentation mode in headless chromium: keys step through the deck, and nothing leaves the screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser_support import APP_RUN_TIMEOUT_MS, SERVER, run_streamlit, wait_for_app
from ucj.i18n import t
from ucj.slides.registry import SLIDES
from ui.slides.presentation import MORE_KEYS

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
# Forward with each key a keyboard or a presentation clicker sends, then back.
FORWARD = ["PageDown", "ArrowRight", "Space", "PageDown", "ArrowRight"]
BACK = ["PageUp", "ArrowLeft"]

# Every element the viewer can see whose box reaches outside the viewport (one pixel of tolerance).
OUTSIDE = """() => {
    const w = window.innerWidth, h = window.innerHeight, out = [];
    for (const el of document.body.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[aria-hidden="true"]')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1) {
            out.push(`${el.tagName}.${el.className} [${Math.round(r.left)},${Math.round(r.top)},` +
                     `${Math.round(r.right)},${Math.round(r.bottom)}] ${(el.textContent || '').slice(0, 40)}`);
        }
    }
    return out;
}"""
# Boxes of the slide whose content spills out of them (it would run over the next box or the footer).
SPILLING = """() => [...document.querySelectorAll('.ucj-deck.present *')]
    .filter(el => el.offsetParent !== null && el.tagName !== 'IMG')
    .filter(el => el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)
    .map(el => `${el.tagName}.${el.className} ${el.scrollWidth}x${el.scrollHeight} ` +
               `in ${el.clientWidth}x${el.clientHeight}`)
"""


@pytest.fixture(scope="module")
def base_url(demo_db: Path) -> Iterator[str]:
    """One server for this module's journeys (starting one takes seconds)."""
    with run_streamlit(SERVER, env={"UCJ_DEMO_DB": str(demo_db)}) as url:
        yield url


def heading(page: Page):
    return page.locator(".ucj-deck.present h1")


def step(page: Page, key: str, number: int) -> None:
    """Press a key and wait for its rerun (as long as any script run may take on a loaded CI machine)."""
    page.keyboard.press(key)
    try:
        expect(page).to_have_url(re.compile(rf"[?&]slide={number}(&|$)"), timeout=APP_RUN_TIMEOUT_MS)
    except AssertionError as lost:
        focused = page.evaluate("() => document.activeElement && document.activeElement.outerHTML.slice(0, 300)")
        raise AssertionError(f"{key} did not open slide {number}; the focus was on {focused}") from lost
    wait_for_app(page)


def ready_for_keys(page: Page) -> None:
    """The keys are bound once their buttons (the clicker's hidden) are mounted and enabled; a tap on the slide
    then gives the page the focus, as a presenter's first tap or click would."""
    for key, _, _ in MORE_KEYS:
        expect(page.locator(f".st-key-{key} button")).to_be_enabled(timeout=APP_RUN_TIMEOUT_MS)
    heading(page).click()


def assert_fits(page: Page, what: str) -> None:
    assert page.evaluate(OUTSIDE) == [], f"{what} leaves the screen"
    assert page.evaluate(SPILLING) == [], f"{what} spills out of its boxes"


@pytest.mark.parametrize("viewport", [PROJECTOR, PHONE], ids=["projector", "phone"])
def test_keys_step_through_the_deck_and_every_slide_fits(base_url: str, page: Page, viewport) -> None:
    keys = list(SLIDES)
    titles = [t(f"rapat.slide.{k}") for k in keys]
    page.set_viewport_size(viewport)
    page.goto(f"{base_url}/rapat?region=padang&present=1&slides={','.join(keys)}&slide=1")
    wait_for_app(page)
    ready_for_keys(page)
    for number, key in enumerate([None, *FORWARD], start=1):
        if key:
            step(page, key, number)
        expect(heading(page)).to_have_text(titles[number - 1])
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()
        expect(page.get_by_test_id("stHeader")).to_be_hidden()
        footer = page.locator(".ucj-deck.present footer")
        expect(footer).to_contain_text("Sumber: ")
        expect(footer).to_contain_text("Data per ")
        assert_fits(page, f"slide {number} ({keys[number - 1]})")
    for number, key in zip((5, 4), BACK):
        step(page, key, number)
        expect(heading(page)).to_have_text(titles[number - 1])


def test_a_copied_link_opens_the_same_slide_on_a_phone(base_url: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/rapat?region=sijunjung&lang=en&present=1&slides=budget,headline,map&slide=2")
    wait_for_app(page)
    expect(heading(page)).to_have_text(t("rapat.slide.headline", "en"))
    expect(page.locator(".ucj-deck.present")).to_contain_text("Kabupaten Sijunjung · Slide 2 of 3")
    expect(page.locator(".ucj-deck.present .figure .value").first).to_have_text("no data")
    assert_fits(page, "Sijunjung's headline slide")
    ready_for_keys(page)
    step(page, "ArrowLeft", 1)
    expect(heading(page)).to_have_text(t("rapat.slide.budget", "en"))
    assert_fits(page, "Sijunjung's budget slide")

    page.keyboard.press("Escape")  # back to the editing page, at the same slide of the same deck
    expect(page).not_to_have_url(re.compile(r"present=1"), timeout=APP_RUN_TIMEOUT_MS)
    wait_for_app(page)
    expect(page.locator(".ucj-deck.preview h1")).to_have_text(t("rapat.slide.budget", "en"))
    picked = page.get_by_test_id("stMultiSelectTagsContainer").locator("span[title]")
    expect(picked).to_have_text([t(f"rapat.slide.{k}", "en") for k in ("budget", "headline", "map")])


def test_the_fullscreen_button_fills_the_screen_and_gives_it_back(base_url: str, page: Page) -> None:
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{base_url}/rapat?region=padang&present=1&slides=headline&slide=1")
    wait_for_app(page)
    button = page.get_by_role("button", name=t("rapat.fullscreen"))
    button.click()
    page.wait_for_function("document.fullscreenElement === document.documentElement")
    assert_fits(page, "the headline slide at full screen")
    button.click()
    page.wait_for_function("document.fullscreenElement === null")
