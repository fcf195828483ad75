"""Passwords are stored only as argon2id hashes (each with its own random salt), via argon2-cffi."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ucj.auth import AccountError

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 takes any length; a cap stops a megabyte "password" costing CPU
_HASHER = PasswordHasher()  # argon2id with the library's recommended parameters (RFC 9106, 64 MiB)


@cache
def _dummy(hasher: PasswordHasher) -> str:
    """Verified when the user does not exist, so a wrong name takes as long as a wrong password."""
    return hasher.hash("tidak-ada-akun-ini")


def check_policy(password: str, username: str) -> None:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise AccountError("password_length")
    if password.casefold() == username.casefold() or len(set(password)) < 4:
        raise AccountError("password_weak")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(stored_hash: str | None, password: str) -> tuple[bool, bool]:
    """(matches, needs a new hash because the parameters were raised since)."""
    if len(password) > MAX_LENGTH:
        return False, False
    try:
        _HASHER.verify(stored_hash or _dummy(_HASHER), password)
    except (VerificationError, InvalidHashError):
        return False, False
    if stored_hash is None:
        return False, False
    return True, _HASHER.check_needs_rehash(stored_hash)
