"""Names and KPJ numbers encrypted at rest (UU 27/2022): AES-256-GCM under a key file outside the database.

The key file (`data/personal_data.key`, or UCJ_PERSONAL_KEY_FILE) is made on first use, readable by
its owner only, and never committed. Without it the stored names and KPJ numbers cannot be read
again — counts and coverage still work, because they need neither. Each value gets its own random
nonce, so equal names give different ciphertexts; matching uses keyed hashes, never ciphertext.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ucj.paths import DATA
from ucj.secret import key_file

KEY_ENV = "UCJ_PERSONAL_KEY_FILE"
NONCE_BYTES = 12
_VERSION = b"\x01"  # first byte of every blob, so a later key or cipher can be told apart


def key_path() -> Path:
    return Path(os.environ.get(KEY_ENV, DATA / "personal_data.key"))


def _read_or_make(path: Path) -> bytes:
    return bytes.fromhex(key_file(path, lambda: AESGCM.generate_key(bit_length=256).hex()))


@cache
def _cipher(path: str) -> AESGCM:
    return AESGCM(_read_or_make(Path(path)))


def encrypt(text: str) -> bytes:
    """The text encrypted: version byte, nonce, ciphertext with its tag."""
    return encrypt_all([text])[0]


def encrypt_all(texts: Sequence[str | None]) -> list[bytes | None]:
    """Each text encrypted as `encrypt` does (None stays None), for the millions of an extract: the key
    is looked up once and the nonces drawn from the OS in one read, each still 12 fresh random bytes."""
    cipher = _cipher(str(key_path()))
    nonces = secrets.token_bytes(NONCE_BYTES * len(texts))
    out: list[bytes | None] = []
    for i, text in enumerate(texts):
        if text is None:
            out.append(None)
            continue
        nonce = nonces[i * NONCE_BYTES : (i + 1) * NONCE_BYTES]
        out.append(_VERSION + nonce + cipher.encrypt(nonce, text.encode("utf-8"), None))
    return out


def decrypt(blob: bytes) -> str:
    """The text back; cryptography's InvalidTag when the blob was changed or another key made it."""
    if blob[:1] != _VERSION:
        raise ValueError("not data encrypted by this app")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    return _cipher(str(key_path())).decrypt(nonce, body, None).decode("utf-8")
