"""Roles and the principal a request acts as."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["public", "staff", "admin"]
Via = Literal["anonymous", "key", "session"]

#: Roles from least to most rights; a role has every right of the roles before it.
ROLES: tuple[Role, ...] = ("public", "staff", "admin")
#: Roles an account or a key can be given (``public`` is everyone without credentials).
GRANTABLE: tuple[Role, ...] = ("staff", "admin")


def role_at_least(role: str, needed: str) -> bool:
    """Whether ``role`` has the rights of ``needed``."""
    return ROLES.index(role) >= ROLES.index(needed)


@dataclass(frozen=True)
class Principal:
    """Who a request acts as: an anonymous citizen (kiosk, public web), a signed-in user or an API key."""

    role: Role = "public"
    name: str | None = None
    via: Via = "anonymous"
    csrf_hash: str | None = None

    @property
    def asker(self) -> str:
        """``staff`` for signed-in staff/admins and staff/admin keys, ``citizen`` for everyone else.

        Decided by credentials only: the ``channel`` a request claims never changes it."""
        return "staff" if self.role in ("staff", "admin") else "citizen"

    @property
    def actor(self) -> str:
        """How the audit log names this principal."""
        return f"{self.via}:{self.name}" if self.name else "anonymous"

    @property
    def rate_key(self) -> str | None:
        """The rate-limit key of an authenticated principal (None: limit by client address)."""
        return f"{self.via}:{self.name}" if self.name else None


ANONYMOUS = Principal()
