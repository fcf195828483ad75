"""Who may look without signing in, and how long a session lasts: data/access.toml, then env vars.

UCJ_REQUIRE_LOGIN=1 makes viewing need an account; UCJ_SESSION_IDLE_MINUTES and
UCJ_SESSION_MAX_HOURS override the timeouts. The environment wins over the file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ucj.paths import DATA

SETTINGS_FILE = DATA / "access.toml"
_TRUE = {"1", "true", "yes", "ya", "on"}


@dataclass(frozen=True)
class AccessSettings:
    require_login: bool = False  # viewing is open by default; editing always needs an account
    idle_minutes: int = 30
    max_hours: int = 12


def load(path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None) -> AccessSettings:
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    if path.is_file():
        with path.open("rb") as fh:
            values = tomllib.load(fh).get("access", {})
    if "UCJ_REQUIRE_LOGIN" in env:
        values["require_login"] = env["UCJ_REQUIRE_LOGIN"].strip().casefold() in _TRUE
    if "UCJ_SESSION_IDLE_MINUTES" in env:
        values["idle_minutes"] = int(env["UCJ_SESSION_IDLE_MINUTES"])
    if "UCJ_SESSION_MAX_HOURS" in env:
        values["max_hours"] = int(env["UCJ_SESSION_MAX_HOURS"])
    default = AccessSettings()
    settings = AccessSettings(
        require_login=bool(values.get("require_login", default.require_login)),
        idle_minutes=int(values.get("idle_minutes", default.idle_minutes)),
        max_hours=int(values.get("max_hours", default.max_hours)),
    )
    if settings.idle_minutes < 1 or settings.max_hours < 1:
        raise ValueError(f"{path}: idle_minutes and max_hours must be positive")
    return settings
