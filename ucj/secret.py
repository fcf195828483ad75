"""The install's secret key, kept outside the database, and keyed hashes made with it.

One key per install (UCJ_SECRET_FILE, else data/nik_secret.key): NIK hashes for duplicate checks,
and the login record's hashes of mistyped account names and of client addresses. Whoever holds the
key and a copy of the database together can test guesses against those hashes, so the two must
never travel together (README, "Data pribadi").
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

from ucj.paths import DATA

SECRET_ENV = "UCJ_SECRET_FILE"


def secret_path() -> Path:
    return Path(os.environ.get(SECRET_ENV, DATA / "nik_secret.key"))


def key_file(path: Path, make: Callable[[], str]) -> str:
    """The key text in `path`, made by `make()` on first use, readable by its owner only.

    Made in a private temporary file and linked into place, so that two threads or processes that both
    find it missing (DuckDB runs the encrypting function on several threads at once) end up reading the
    same complete key: the second link fails and that one reads the first one's file.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, staged = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(make())
            os.link(staged, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(staged)
    return path.read_text().strip()


def install_secret(path: Path | None = None) -> bytes:
    """The per-install key, made on first use (readable by the owner only). Losing it loses cross-list checks."""
    return bytes.fromhex(key_file(path or secret_path(), lambda: secrets.token_hex(32)))


def keyed_hash(secret: bytes, purpose: str, text: str) -> str:
    """HMAC-SHA256 of `text` for one `purpose` (so a hash made for one use never matches another's)."""
    return hmac.new(secret, f"{purpose}\x00{text}".encode("utf-8", "replace"), hashlib.sha256).hexdigest()
