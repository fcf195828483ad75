"""Streamlit's index.html for the app's pages, telling the front end where the server is.

Opened at a page's path (/peta, /kalkulator …), Streamlit's front end cannot tell a page from the server's base
path: it asks `/peta/_stcore/health` first, gets a 404, waits 100 ms and then asks `/_stcore/health`. That
detour cost every fresh load of every page but Beranda 0,1–0,2 s before the websocket opened (issue 17).
`window.__streamlit.BACKEND_BASE_URL`, the setting Streamlit reads for hosts that embed it, names the server,
and the front end asks there first. Only the app's own page paths are answered here, from memory; any other
path goes on to Streamlit unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send
from streamlit import config, file_util

from ui.static_assets import REVALIDATE, Asset, send_asset

INDEX = Path(file_util.get_static_dir()) / "index.html"


def with_server(index_html: str, base: str) -> str:
    """`index_html` with a script, first in its head, that sets the server's URL: this origin and `base`."""
    path = json.dumps(f"/{base}/" if base else "/")
    script = (
        f"<script>window.__streamlit = {{...window.__streamlit, BACKEND_BASE_URL: location.origin + {path}}}</script>"
    )
    head = index_html.index("<head>") + len("<head>")
    return index_html[:head] + script + index_html[head:]


class IndexPage:
    """ASGI middleware in front of Streamlit: answers a GET of a page path with the index that names the server."""

    def __init__(self, app: ASGIApp, paths: Iterable[str], base_url: str | None = None) -> None:
        self.app = app
        base = (config.get_option("server.baseUrlPath") if base_url is None else base_url).strip("/")
        prefix = f"/{base}" if base else ""
        self.paths = {f"{prefix}/{path}".rstrip("/") + end for path in paths for end in ("", "/")} - {""}
        self.asset = Asset.of(with_server(INDEX.read_text(encoding="utf-8"), base).encode(), "text/html", REVALIDATE)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and scope["path"] in self.paths:
            await send_asset(self.asset, scope, send)
            return
        await self.app(scope, receive, send)
