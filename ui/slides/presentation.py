"""Rapat on screen: the slide picker, the preview, presentation mode and the one-click exports.

Presentation mode lays one slide over the whole viewport (ucj/slides/slide.css) and hides
Streamlit's header, toolbar and sidebar for this page only. Keyboards and clickers step through
the slides with Streamlit's own button shortcuts: → PageDown Space forward, ← PageUp back, Esc
leaves. The deck, the slide and the mode live in the URL (`slides=…&slide=2&present=1`), so a
copied link opens the same deck at the same slide.

The markup, styles and script of presentation mode are files beside this one (deck.html,
presentation.css, fullscreen.html/.css/.js), read once; only escaped text goes into them.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from functools import cache
from pathlib import Path
from string import Template
from typing import Literal

import streamlit as st

from ucj.i18n import t
from ucj.slides import images
from ucj.slides.calculator_scenario import scenario_from_link
from ucj.slides.html import slide_html, stylesheet
from ucj.slides.model import Deck, DeckContext, Slide, VegaLite, meta_line
from ucj.slides.registry import SLIDES, build_deck, parse_selection, selection_text, slide_number
from ucj.subsidy.scenario import PARAM as SCENARIO_PARAM
from ui import url_state
from ui.db import database, database_path, query
from ui.deferred_download import deferred_download
from ui.layout import Context

PICKER = "rapat_slides"
SCENARIO_INPUT = "rapat_scenario_link"
SAVED_PICK = "rapat_scenario_saved"
ASSETS = Path(__file__).resolve().parent
# (key, label, step, shortcut): arrows on the visible buttons, the clicker keys on hidden ones
NAV_BUTTONS = (("rapat_prev", "‹", -1, "Left"), ("rapat_next", "›", 1, "Right"))
MORE_KEYS = (("rapat_pageup", -1, "PageUp"), ("rapat_pagedown", 1, "PageDown"), ("rapat_space", 1, "Space"))


@cache
def asset(name: str) -> str:
    """A static file of presentation mode, read from disk once per process."""
    return (ASSETS / name).read_text(encoding="utf-8")


def _fill(name: str, **values: str) -> str:
    """The template `name` with its `$placeholders` filled; every value is escaped or one of our files."""
    return Template(asset(name)).substitute(values)


@cache
def fullscreen_html(label: str) -> str:
    """The full-screen button: its click must run in the page (see fullscreen.js); the label is escaped."""
    escaped = html.escape(label, quote=True)
    return _fill("fullscreen.html", label=escaped, script=asset("fullscreen.js"), style=asset("fullscreen.css"))


def deck_context(ctx: Context) -> DeckContext:
    return DeckContext(ctx.kode_kab, ctx.region_name, ctx.lang, dt.date.today(), url_state.read(SCENARIO_PARAM))


@st.cache_data(show_spinner=False, ttl=600, max_entries=256)
def _built(db: str, version: int, key: str, ctx: DeckContext) -> Slide:
    return SLIDES[key](query, ctx)


def slide(key: str, ctx: DeckContext) -> Slide:
    """One slide, built once per region, language and day until the data change (a step must be quick)."""
    version = int(query("audit_version")["version"].iloc[0])
    return _built(str(database_path()), version, key, ctx)


def presenting() -> bool:
    return url_state.read("present") == "1"


def _set_presenting(on: bool) -> None:
    url_state.write({"present": "1" if on else None})


def url_keys() -> list[str]:
    """The deck in the URL (all slides when the URL names none it knows)."""
    keys = parse_selection(url_state.read("slides"))
    url_state.write({"slides": selection_text(keys)})
    return keys


def picker(lang: str) -> list[str]:
    """The slides to show, in the order picked; the URL's deck on first load, kept in the URL."""
    if PICKER not in st.session_state:
        st.session_state[PICKER] = url_keys()
    keys = st.multiselect(
        t("rapat.pick", lang),
        list(SLIDES),
        key=PICKER,
        format_func=lambda k: t(f"rapat.slide.{k}", lang),
        help=t("rapat.pick_help", lang),
    )
    url_state.write({"slides": selection_text(keys)})
    return keys


def _take_scenario() -> None:
    found = scenario_from_link(st.session_state[SCENARIO_INPUT])
    if found:
        url_state.write({SCENARIO_PARAM: found})
    st.session_state[SCENARIO_INPUT] = ""


def _drop_scenario() -> None:
    url_state.write({SCENARIO_PARAM: None})


def _take_saved(saved: dict[str, str]) -> None:
    picked = st.session_state[SAVED_PICK]
    if picked in saved:
        url_state.write({SCENARIO_PARAM: saved[picked]})
    st.session_state[SAVED_PICK] = None


def scenario_picker(lang: str, kode_kab: str) -> None:
    """A scenario from Kalkulator Subsidi for the budget slide: one an editor saved for the region, or
    any scenario's share link pasted here; kept in the URL."""
    with st.expander(t("rapat.scenario", lang), expanded=url_state.has(SCENARIO_PARAM)):
        rows = query("subsidy_saved_scenarios", kode_kab=kode_kab)
        if not rows.empty:
            saved = dict(zip(rows["name"], rows["encoded"]))
            st.selectbox(
                t("rapat.scenario_saved", lang),
                list(saved),
                index=None,
                key=SAVED_PICK,
                on_change=_take_saved,
                args=(saved,),
                placeholder=t("rapat.scenario_saved_placeholder", lang),
            )
        st.text_input(
            t("rapat.scenario_link", lang),
            key=SCENARIO_INPUT,
            on_change=_take_scenario,
            placeholder=t("rapat.scenario_placeholder", lang),
        )
        if url_state.has(SCENARIO_PARAM):
            st.caption(t("rapat.scenario_in_use", lang))
            st.button(t("rapat.scenario_drop", lang), key="rapat_scenario_drop", on_click=_drop_scenario)


def current_number(count: int) -> int:
    """The 1-based slide shown, from the URL, kept within the deck."""
    number = slide_number(url_state.read("slide"), count)
    url_state.write({"slide": str(number)})
    return number


def _step(delta: int, count: int) -> None:
    number = slide_number(url_state.read("slide"), count) + delta
    url_state.write({"slide": str(min(max(number, 1), count))})


def _svg_uri(spec: VegaLite, lang: str) -> str:
    encoded = base64.b64encode(images.svg(spec, lang).encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def pictures(slide: Slide, lang: str) -> tuple[str, str | None] | None:
    """The slide's chart or map as SVG data: URIs, landscape and upright (drawn by vl-convert, no network)."""
    if slide.chart is None:
        return None
    upright = _svg_uri(slide.chart_portrait, lang) if slide.chart_portrait else None
    return _svg_uri(slide.chart, lang), upright


def show(slide: Slide, ctx: DeckContext, number: int, count: int, mode: Literal["present", "preview"]) -> None:
    """The slide as HTML, either over the whole viewport ('present') or in a 16:9 box ('preview')."""
    markup = slide_html(slide, meta_line(ctx, number, count), ctx.lang, pictures(slide, ctx.lang))
    style = stylesheet() + (asset("presentation.css") if mode == "present" else "")
    st.html(_fill("deck.html", style=style, mode=html.escape(mode, quote=True), slide=markup))


def navigation(number: int, count: int, lang: str, present: bool) -> None:
    """Back and forward buttons (with the keyboard shortcuts when presenting), and the way out."""
    with st.container(horizontal=True, key="rapat_nav"):
        for key, label, delta, shortcut in NAV_BUTTONS:
            st.button(
                label,
                key=key,
                on_click=_step,
                args=(delta, count),
                disabled=not 1 <= number + delta <= count,
                shortcut=shortcut if present else None,
                help=t(f"rapat.{key}", lang),
            )
        if present:
            st.html(fullscreen_html(t("rapat.fullscreen", lang)), width="content", unsafe_allow_javascript=True)
            st.button(
                "✕",
                key="rapat_exit",
                on_click=_set_presenting,
                args=(False,),
                shortcut="Esc",
                help=t("rapat.exit", lang),
            )
        else:
            st.button(t("rapat.start", lang), key="rapat_start", type="primary", on_click=_set_presenting, args=(True,))
    if present:
        with st.container(key="rapat_more_keys"):
            for key, delta, shortcut in MORE_KEYS:
                st.button(shortcut, key=key, on_click=_step, args=(delta, count), shortcut=shortcut)


def export_buttons(keys: list[str], ctx: DeckContext, slug: str) -> None:
    """PDF and PowerPoint of the same slides, made only when clicked, from the database as it is then."""
    read = database().query  # not the page's cache: the files are made on another thread
    stem = f"rapat-{slug}-{ctx.today.isoformat()}"

    @cache  # one deck for both files when both are downloaded from the same page
    def deck() -> Deck:
        return build_deck(keys, read, ctx)

    row = st.container(horizontal=True, key="rapat_exports")
    deferred_download(
        row,
        t("rapat.download_pdf", ctx.lang),
        lambda: _pdf(deck()),
        f"{stem}.pdf",
        "application/pdf",
        "rapat_pdf",
        icon=":material/picture_as_pdf:",
    )
    deferred_download(
        row,
        t("rapat.download_pptx", ctx.lang),
        lambda: _pptx(deck()),
        f"{stem}.pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "rapat_pptx",
        icon=":material/slideshow:",
    )


# The writers are imported when a file is asked for: fpdf and python-pptx cost 0,5 s of CPU to import, which
# the first Rapat view after a start would otherwise pay.
def _pdf(deck: Deck) -> bytes:
    from ucj.slides.export_pdf import pdf_bytes

    return pdf_bytes(deck)


def _pptx(deck: Deck) -> bytes:
    from ucj.slides.export_pptx import pptx_bytes

    return pptx_bytes(deck)
