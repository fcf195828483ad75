"""Accounts and sign-in: viewer, editor and admin roles, argon2 password hashes, throttled logins,
sessions that expire. No Streamlit here; ui/access.py draws the widgets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ucj.auth.scope import WHOLE, Scope

Role = Literal["viewer", "editor", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "admin")


@dataclass(frozen=True)
class Account:
    username: str
    role: Role
    scope: Scope = WHOLE  # the areas it may change (and see where login is required); admins: the whole workspace

    @property
    def can_edit(self) -> bool:
        """Import, edit scorecards and actions, roll back, delete."""
        return self.role in ("editor", "admin")

    @property
    def is_admin(self) -> bool:
        """Manage accounts, read and export the audit log."""
        return self.role == "admin"


class AccountError(ValueError):
    """A refused account change; `code` names a locale message (data.account.<code>) with its `params`."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params
