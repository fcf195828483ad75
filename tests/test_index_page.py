"""Streamlit's index for the app's pages (ui/index_page.py): it names the server, so a page's fresh load asks
the server's health at the server's root once, never first under the page's own path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, Request

from tests.asgi_support import Downstream, request
from tests.browser_support import SERVER, StreamlitServer, wait_for_app
from ui.index_page import INDEX, IndexPage, with_server
from ui.layout import PAGES

SETTING = re.compile(r"<head><script>window\.__streamlit = \{\.\.\.window\.__streamlit, BACKEND_BASE_URL: (.+?)\}")


def test_the_setting_comes_first_in_the_head_and_names_the_base_path() -> None:
    html = INDEX.read_text(encoding="utf-8")
    for base, named in (("", '"/"'), ("ucj", '"/ucj/"')):
        served = with_server(html, base)
        found = SETTING.search(served)
        assert found.group(1) == f"location.origin + {named}"
        script = served[found.start() + len("<head>") : served.index("</script>", found.start()) + len("</script>")]
        assert served.replace(script, "", 1) == html  # nothing else changed


@pytest.mark.parametrize("base", ["", "/ucj/"])
def test_page_paths_get_the_index_and_every_other_path_goes_on(base: str) -> None:
    downstream = Downstream()
    app = IndexPage(downstream, paths=[path for path, _, _ in PAGES], base_url=base)
    prefix = base.rstrip("/")
    for path in (f"{prefix}/", f"{prefix}/peta", f"{prefix}/kalkulator/", f"{prefix}/rapat"):
        status, headers, body = request(app, path)
        assert status == 200 and headers["content-type"] == "text/html; charset=utf-8", path
        assert SETTING.search(body.decode()), path
        assert request(app, path, if_none_match=headers["etag"])[0] == 304

    others = [f"{prefix}/_stcore/health", f"{prefix}/peta/_stcore/health", f"{prefix}/static/js/x.js", "/petak"]
    for path in others:
        assert request(app, path)[2] == b"streamlit"
    assert downstream.paths == others


@pytest.mark.browser
def test_a_page_path_asks_the_server_at_its_root_only(
    streamlit_server: StreamlitServer, page: Page, app_db: Path
) -> None:
    asked: list[str] = []

    def record(req: Request) -> None:
        if "/_stcore/" in req.url:
            asked.append(req.url.split("?")[0])

    page.on("request", record)
    with streamlit_server(SERVER) as base_url:
        page.goto(f"{base_url}/kolaborasi?region=padang&lang=id")
        wait_for_app(page)
        assert page.get_by_test_id("stMain").locator("h1").first.is_visible()
    assert f"{base_url}/_stcore/health" in asked
    assert not [url for url in asked if url.startswith(f"{base_url}/kolaborasi/")]  # no guess under the page's path
