"""The in-memory front-end files (ui/static_assets.py): the bytes a browser gets are the file's, gzipped only
when it asks, a held copy costs a 304, and nothing outside the folders is ever answered."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
import uvicorn
from streamlit import file_util
from streamlit.web.server.starlette.starlette_server import _get_uvicorn_config_kwargs
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from tests.asgi_support import Downstream, request
from ui.static_assets import IMMUTABLE, MOUNTS, REVALIDATE, Mount, StaticAssets

SCRIPT = "const hello = " + ", ".join(f"'{n}'" for n in range(400)) + ";\n"  # compressible, > 1 KB


@pytest.fixture
def site(tmp_path: Path) -> tuple[StaticAssets, Downstream, Path]:
    bundles, vendor = tmp_path / "bundles", tmp_path / "vendor"
    (bundles / "js").mkdir(parents=True)
    (bundles / "js" / "index.abc123.js").write_text(SCRIPT, encoding="utf-8")
    (bundles / "media").mkdir()
    (bundles / "media" / "font.woff2").write_bytes(b"\x00woff2" * 400)
    vendor.mkdir()
    (vendor / "leaflet.css").write_text(".leaflet { color: red; }\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("NIK 1371010101900001", encoding="utf-8")
    downstream = Downstream()
    mounts = (Mount("/static/", bundles, IMMUTABLE), Mount("/app/static/", vendor, REVALIDATE))
    return StaticAssets(downstream, mounts, base_url=""), downstream, tmp_path


def test_a_bundle_is_gzipped_for_a_browser_that_accepts_it(site) -> None:
    app, downstream, _ = site
    status, headers, body = request(app, "/static/js/index.abc123.js", accept_encoding="gzip, deflate, br")
    assert status == 200
    assert gzip.decompress(body).decode() == SCRIPT
    assert len(body) < len(SCRIPT) / 3
    assert headers["content-encoding"] == "gzip"
    assert headers["content-length"] == str(len(body))
    assert headers["content-type"] == "text/javascript; charset=utf-8"
    assert headers["cache-control"] == IMMUTABLE.decode()
    assert headers["vary"] == "accept-encoding"
    assert downstream.paths == []


def test_plain_bytes_without_gzip_and_a_304_for_a_held_copy(site) -> None:
    app, _, _ = site
    status, headers, body = request(app, "/static/js/index.abc123.js")
    assert (status, body.decode()) == (200, SCRIPT)
    assert "content-encoding" not in headers
    assert headers["content-length"] == str(len(SCRIPT.encode()))

    status, again, body = request(app, "/static/js/index.abc123.js", if_none_match=headers["etag"])
    assert (status, body) == (304, b"")
    assert again["etag"] == headers["etag"]

    status, head, body = request(app, "/static/js/index.abc123.js", method="HEAD")
    assert (status, body, head["content-length"]) == (200, b"", headers["content-length"])


def test_fonts_are_never_gzipped_and_app_files_are_revalidated(site) -> None:
    app, _, _ = site
    _, headers, body = request(app, "/static/media/font.woff2", accept_encoding="gzip")
    assert "content-encoding" not in headers and body == b"\x00woff2" * 400
    _, headers, body = request(app, "/app/static/leaflet.css", accept_encoding="gzip")
    assert headers["cache-control"] == "no-cache"
    assert headers["content-type"] == "text/css; charset=utf-8"
    assert "content-encoding" not in headers  # under 1 KB: gzip would not pay


@pytest.mark.parametrize(
    "path",
    [
        "/static/../secret.txt",
        "/static/js/../../secret.txt",
        "/static/js/..\\..\\secret.txt",
        "/static/",
        "/static/js",
        "/static/js/missing.js",
        "/static/link.txt",
        "/secret.txt",
        "/",
        "/peta",
    ],
)
def test_anything_else_goes_on_to_streamlit_and_is_not_kept(site, path: str) -> None:
    app, downstream, root = site
    (root / "bundles" / "link.txt").symlink_to(root / "secret.txt")  # a link out of the folder
    status, _, body = request(app, path, accept_encoding="gzip")
    assert (status, body, downstream.paths) == (404, b"streamlit", [path])
    assert app.assets == {}


def test_only_reads_are_answered(site) -> None:
    app, downstream, _ = site
    status, _, _ = request(app, "/static/js/index.abc123.js", method="POST")
    assert status == 404 and downstream.paths == ["/static/js/index.abc123.js"]


def test_a_base_url_path_prefixes_every_mount(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text(SCRIPT, encoding="utf-8")
    downstream = Downstream()
    app = StaticAssets(downstream, (Mount("/static/", tmp_path, IMMUTABLE),), base_url="/ucj/")
    assert request(app, "/ucj/static/a.js")[0] == 200
    assert request(app, "/static/a.js")[0] == 404


def test_the_real_mounts_hold_what_streamlit_and_the_map_load() -> None:
    """Guards an upgrade that moves a folder: every script and style Streamlit's index.html loads, and Leaflet,
    is answered from memory."""
    app = StaticAssets(Downstream(), MOUNTS, base_url="")
    index = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    referenced = re.findall(r'(?:src|href)="\./(static/[^"]+)"', index)
    assert referenced
    for name in referenced:
        assert app.find(f"/{name}") is not None, name
    assert app.find("/app/static/vendor/leaflet-1.9.3/leaflet.js") is not None


def test_the_server_parses_http_in_c() -> None:
    """uvicorn configured as Streamlit configures it picks httptools: h11, its pure-Python fallback, was 45 % of
    a map view's server CPU over the 60–150 requests of a fresh browser."""
    server_config = uvicorn.Config(Downstream(), **_get_uvicorn_config_kwargs())
    server_config.load()
    assert server_config.http_protocol_class is HttpToolsProtocol
