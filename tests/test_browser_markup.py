"""In the browser, text users wrote shows as the same text and nothing else: no image, no link, no request out.

Hypothesis writes the texts (with Markdown, HTML, bare links and emoji codes mixed in); one page shows a
batch through st.markdown, st.caption, a heading, an expander label and radio labels, and what the viewer
reads there must be the text itself. Then the real pages show hostile titles, evidence and area names.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page, expect

from tests.browser_support import SERVER, StreamlitServer, wait_for_app
from ucj.markup import visible

pytestmark = pytest.mark.browser
APP = Path(__file__).resolve().parent / "apps" / "plain_text_app.py"
HOSTILE = "![a](http://beacon.example/p.png) [Klik](http://phish.example) www.phish.example <img src=x> :smile:"
MARKDOWN_BITS = st.sampled_from(
    [
        "![a](http://b.example/p.png)",
        "[Klik](http://x.example)",
        "www.a.example",
        "https://a.example/x",
        "a@b.example",
        "**",
        "_",
        "`",
        "# ",
        "- ",
        "1. ",
        "> ",
        "|",
        "~~",
        "$x$",
        "$$",
        ":smile:",
        ":red[x]",
        ":material/home:",
        "<b>",
        "&amp;",
        "&#58;",
        "\\",
        "\n\n",
        "    ",
        "<http://a.example>",
        "[^1]",
        "---",
        "==",
        "＝",
        "\t",
    ]
)
CHARACTERS = st.characters(categories=("L", "M", "N", "P", "S", "Zs"))
TEXTS = st.lists(st.text(CHARACTERS, max_size=12) | MARKDOWN_BITS, min_size=1, max_size=6).map("".join)
ELEMENTS = {
    "markdown": '[data-testid="stMarkdown"] [data-testid="stMarkdownContainer"]',
    "caption": '[data-testid="stCaptionContainer"]',
    "heading": '[data-testid="stHeading"]',
    "expander": '[data-testid="stExpander"] summary [data-testid="stMarkdownContainer"]',
    "radio": '[data-testid="stRadio"] [role="radiogroup"] label [data-testid="stMarkdownContainer"]',
}
OUTSIDE = 'img, a[href]:not([href^="#"]), [data-testid="stIconEmoji"]'


def shown_texts(page: Page, selector: str) -> list[str]:
    return [visible(element.inner_text()) for element in page.locator(selector).all()]


def test_any_text_reads_back_as_itself(streamlit_server: StreamlitServer, page: Page, tmp_path: Path) -> None:
    texts_file = tmp_path / "texts.json"
    texts_file.write_text("[]", encoding="utf-8")
    with streamlit_server(APP, env={"UCJ_PLAIN_TEXTS": str(texts_file)}) as base_url:

        @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
        @given(st.lists(TEXTS.filter(lambda s: s.strip()), min_size=1, max_size=15))
        def reads_back(texts: list[str]) -> None:
            texts_file.write_text(json.dumps(texts), encoding="utf-8")
            page.goto(base_url)
            wait_for_app(page)
            expected = [visible(text) for text in texts]
            for name, selector in ELEMENTS.items():
                expect(page.locator(selector)).to_have_count(len(expected))  # drawn, however busy the machine
                assert shown_texts(page, selector) == expected, name
            assert page.locator(OUTSIDE).count() == 0

        reads_back()


@pytest.fixture
def hostile_db(demo_db: Path, tmp_path: Path) -> Path:
    """The test database where every action title, round evidence and one kecamatan's name is hostile Markdown."""
    path = tmp_path / "hostile.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute("update action_item set title = $h", {"h": HOSTILE})
        con.execute("update assessment set evidence = $h", {"h": HOSTILE})
        con.execute("update kecamatan set nama = $h where kode_kec = '13.71.01'", {"h": HOSTILE})
    return path


@pytest.mark.parametrize(
    "address",
    ["kolaborasi?region=padang&lang=id&kerangka=paritrana", "peta?region=padang&lang=id&kec=13.71.01"],
)
def test_hostile_data_text_stays_text_and_nothing_leaves_the_machine(
    streamlit_server: StreamlitServer, page: Page, hostile_db: Path, address: str
) -> None:
    with streamlit_server(SERVER, env={"UCJ_WORKSPACE": str(hostile_db)}) as base_url:
        page.goto(f"{base_url}/{address}")
        wait_for_app(page)
        main = page.get_by_test_id("stMain")
        assert visible(HOSTILE) in visible(main.inner_text())
        outside = main.locator('img[src*="example"], a[href*="example"]:not([href^="#"])')
        assert outside.count() == 0, outside.evaluate_all("found => found.map(e => e.parentElement.outerHTML)")
    # the `page` fixture fails the test if anything tried to reach beacon.example or phish.example
