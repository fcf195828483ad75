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
from pathlib import Path

from ucj.paths import DATA

SECRET_ENV = "UCJ_SECRET_FILE"


def secret_path() -> Path:
    return Path(os.environ.get(SECRET_ENV, DATA / "nik_secret.key"))


def install_secret(path: Path | None = None) -> bytes:
    """The per-install key, made on first use (readable by the owner only). Losing it loses cross-list checks."""
    path = path or secret_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text().strip())


def keyed_hash(secret: bytes, purpose: str, text: str) -> str:
    """HMAC-SHA256 of `text` for one `purpose` (so a hash made for one use never matches another's)."""
    return hmac.new(secret, f"{purpose}\x00{text}".encode("utf-8", "replace"), hashlib.sha256).hexdigest()
