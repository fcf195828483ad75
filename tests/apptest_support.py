"""Helpers for AppTest page tests: open the real app.py at a region, language and page."""

from __future__ import annotations

import json
import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from ucj.markup import WORD_JOINER
from ucj.paths import ROOT

REGIONS = ["padang", "sijunjung", "probolinggo", "jember"]


def open_app(region: str, lang: str = "id", page: str | None = None, **params: str) -> AppTest:
    """The app opened from a link: region, language and any other URL parameters, then the page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"region": region, "lang": lang, **params})
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def click_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Click the tab `label` of the stateful st.tabs `key`: only the open tab runs, as in the browser."""
    at.session_state[key] = label
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def as_text(markdown: str) -> str:
    """What a viewer reads of Markdown made with ucj.markup.plain: escapes and word joiners gone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def components(at: AppTest, name: str) -> list[dict]:
    """The data of the page's components (st.components.v2) called `name`, in page order, as JSON."""
    return [json.loads(c.proto.json) for c in at.get("bidi_component") if c.proto.component_name == name]


def map_data(at: AppTest) -> dict:
    """What the page's (only) map is drawn from: the Leaflet scripts of ui/map/page_map.js, as JSON."""
    (data,) = components(at, "ucj_page_map")
    return data


def sortable_tables(at: AppTest, shown: bool = False) -> list[pd.DataFrame]:
    """The page's sortable tables (ui/sortable_table.py) in page order: the values they sort by (a number, a
    text, None where empty), or with `shown` the text a viewer reads."""
    tables = components(at, "ucj_sortable_table")
    columns = [[c["name"] for c in table["columns"]] for table in tables]
    return [pd.DataFrame(t["rows" if shown else "keys"], columns=c) for t, c in zip(tables, columns)]
