"""The front end's files served from memory, gzipped once: the largest share of a page view's server CPU.

A fresh browser loads 60–150 files (2,7–6 MB): Streamlit's front end and, on a map page, Leaflet.
Streamlit reads each from disk in 64 KB chunks, every chunk a hop to a worker thread, and sends its own
bundles uncompressed and the others gzipped afresh on every request: 0,15–0,3 s of server CPU per page view
(issue 17), and megabytes more over a phone's connection. Here each file is read and compressed on its first
request and then answered in one write from memory, gzipped when the browser accepts it, with an ETag so a
browser that holds it gets a 304. Only the folders in `MOUNTS` are answered; `index.html`, the health check,
uploads, media and everything else go on to Streamlit unchanged.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from starlette.types import ASGIApp, Receive, Scope, Send
from streamlit import config, file_util

from ucj.paths import ROOT

# Content-hashed file names: a browser keeps them a year, as Streamlit tells it for its own bundles.
IMMUTABLE: Final = b"public, immutable, max-age=31536000"
# Names that stay the same when the file changes (`vendor/leaflet-1.9.3/leaflet.js`): asked again each time,
# answered with a 304 while the ETag matches.
REVALIDATE: Final = b"no-cache"
COMPRESSIBLE: Final = ("text/", "application/json", "image/svg+xml")
# The system's MIME table differs between machines (JavaScript as text/ or application/); scripts as RFC 9239.
TYPES: Final = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".woff2": "font/woff2"}
MIN_COMPRESSED: Final = 1_000  # bytes; below it gzip's header outweighs the saving


@dataclass(frozen=True)
class Mount:
    """URL prefix → folder, and how long a browser may keep what is under it."""

    prefix: str
    folder: Path
    cache_control: bytes


MOUNTS: Final = (
    Mount("/static/", Path(file_util.get_static_dir()) / "static", IMMUTABLE),
    Mount("/app/static/", ROOT / "static", REVALIDATE),  # server.enableStaticServing
)


@dataclass(frozen=True)
class Asset:
    """One file's bytes, its gzip form when it has one, and the headers every answer carries."""

    body: bytes
    gzipped: bytes | None
    headers: tuple[tuple[bytes, bytes], ...]
    etag: bytes

    @classmethod
    def read(cls, path: Path, cache_control: bytes) -> Asset:
        content_type = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return cls.of(path.read_bytes(), content_type, cache_control)

    @classmethod
    def of(cls, body: bytes, content_type: str, cache_control: bytes) -> Asset:
        gzipped = None
        if content_type.startswith(COMPRESSIBLE) and len(body) >= MIN_COMPRESSED:
            gzipped = gzip.compress(body, compresslevel=9, mtime=0)
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        headers = (
            (b"content-type", content_type.encode()),
            (b"cache-control", cache_control),
            (b"etag", etag),
            (b"vary", b"accept-encoding"),
            (b"x-content-type-options", b"nosniff"),
        )
        return cls(body, gzipped, headers, etag)

    def answer(self, scope: Scope) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """Status, headers and body for this request: 304 when the browser holds it, gzip when accepted."""
        request = dict(scope["headers"])
        headers = list(self.headers)
        if request.get(b"if-none-match") == self.etag:
            return 304, headers, b""
        body = self.body
        if self.gzipped is not None and b"gzip" in request.get(b"accept-encoding", b""):
            body = self.gzipped
            headers.append((b"content-encoding", b"gzip"))
        headers.append((b"content-length", str(len(body)).encode()))
        return 200, headers, b"" if scope["method"] == "HEAD" else body


class StaticAssets:
    """ASGI middleware in front of Streamlit: answers the files under `MOUNTS` from memory, passes the rest on."""

    def __init__(self, app: ASGIApp, mounts: tuple[Mount, ...] = MOUNTS, base_url: str | None = None) -> None:
        self.app = app
        base = (config.get_option("server.baseUrlPath") if base_url is None else base_url).strip("/")
        base = f"/{base}" if base else ""
        self.mounts = tuple(Mount(base + m.prefix, m.folder.resolve(), m.cache_control) for m in mounts)
        self.assets: dict[str, Asset] = {}  # only files found: a request for anything else stores nothing

    def find(self, path: str) -> Asset | None:
        """The file a URL path names, read once; None when it is not a file inside one of the folders."""
        if path in self.assets:
            return self.assets[path]
        for mount in self.mounts:
            relative = path.removeprefix(mount.prefix)
            if relative == path:
                continue
            if not relative or "\\" in relative or ".." in relative.split("/"):
                return None
            file = (mount.folder / relative).resolve()
            if not (file.is_relative_to(mount.folder) and file.is_file()):
                return None
            asset = self.assets[path] = Asset.read(file, mount.cache_control)
            return asset
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            asset = self.find(scope["path"])
            if asset is not None:
                await send_asset(asset, scope, send)
                return
        await self.app(scope, receive, send)


async def send_asset(asset: Asset, scope: Scope, send: Send) -> None:
    """Answer an HTTP request with `asset`, in one write."""
    status, headers, body = asset.answer(scope)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
