"""Names and KPJ numbers encrypted at rest (the shared contract's interface; issue 13 owns this module).

Fernet (AES-128-CBC with HMAC-SHA256) from `cryptography`; the key is `data/personal_data.key`, made
on first use and readable by its owner only. Losing it makes the stored names unreadable.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet

from ucj.paths import DATA

KEY_ENV = "UCJ_PERSONAL_KEY_FILE"


def key_path() -> Path:
    return Path(os.environ.get(KEY_ENV, DATA / "personal_data.key"))


@cache
def _fernet(path: Path) -> Fernet:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(Fernet.generate_key())
    return Fernet(path.read_bytes().strip())


def encrypt(text: str) -> bytes:
    return _fernet(key_path()).encrypt(text.encode("utf-8"))


def decrypt(blob: bytes) -> str:
    return _fernet(key_path()).decrypt(bytes(blob)).decode("utf-8")
