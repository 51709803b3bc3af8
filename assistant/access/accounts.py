"""Staff and admin accounts: Argon2 password hashes, lockout after repeated failures, disabling."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.access.audit import record_action
from assistant.access.roles import GRANTABLE, Principal
from assistant.db.models import User, WebSession, now

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")
MIN_PASSWORD_LENGTH = 10

_HASHER = PasswordHasher()
#: Verified against when the name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("motcua-no-such-user")


class AccessError(ValueError):
    """A request about accounts or keys that cannot be done (the message says why; no secrets in it).

    ``status`` is the HTTP status it maps to: 409 for a name taken, 404 for an unknown name, 422 otherwise."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class LoginPolicy:
    max_failures: int = 5
    lock_minutes: int = 15


@dataclass(frozen=True)
class UserView:
    """An account as listed to admins (never the hash)."""

    name: str
    role: str
    disabled: bool
    locked: bool
    created_at: dt.datetime


def check_name(name: str) -> str:
    if not NAME_PATTERN.match(name):
        raise AccessError("names are 2-64 letters, digits or . _ @ -, starting with a letter or digit")
    return name


def check_role(role: str) -> str:
    if role not in GRANTABLE:
        raise AccessError(f"role must be one of {', '.join(GRANTABLE)}")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccessError(f"passwords have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > 1024:
        raise AccessError("password too long")
    return password


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


class UserDirectory:
    """Accounts in the product database. Every change is written to the audit log with its actor."""

    def __init__(self, engine: Engine, policy: LoginPolicy | None = None) -> None:
        self.engine = engine
        self.policy = policy or LoginPolicy()

    def add(self, name: str, role: str, password: str, actor: str) -> UserView:
        check_name(name), check_role(role), check_password(password)
        with Session(self.engine, expire_on_commit=False) as db:
            if db.scalar(select(User).where(User.name == name)) is not None:
                raise AccessError(f"a user named {name!r} exists", 409)
            user = User(name=name, role=role, password_hash=_HASHER.hash(password))
            db.add(user)
            record_action(db, actor, f"user.add.{role}", name)
            db.commit()
            return self._view(user)

    def list(self) -> list[UserView]:
        with Session(self.engine) as db:
            return [self._view(user) for user in db.scalars(select(User).order_by(User.name))]

    def set_disabled(self, name: str, disabled: bool, actor: str) -> UserView:
        """Disable (or enable again) an account; disabling also ends its page sessions."""
        with Session(self.engine, expire_on_commit=False) as db:
            user = self._get(db, name)
            user.disabled = disabled
            if disabled:
                for session in db.scalars(select(WebSession).where(WebSession.user_id == user.id)):
                    db.delete(session)
            else:
                user.failed_logins, user.locked_until = 0, None
            record_action(db, actor, "user.disable" if disabled else "user.enable", name)
            db.commit()
            return self._view(user)

    def set_password(self, name: str, password: str, actor: str) -> None:
        check_password(password)
        with Session(self.engine) as db:
            user = self._get(db, name)
            user.password_hash = _HASHER.hash(password)
            user.failed_logins, user.locked_until = 0, None
            record_action(db, actor, "user.password", name)
            db.commit()

    def authenticate(self, name: str, password: str) -> Principal | None:
        """The principal for a right name and password of an enabled, unlocked account; None otherwise.

        Each failure counts; after ``max_failures`` in a row the account is locked for ``lock_minutes``
        (a right password does not open a locked account)."""
        with Session(self.engine) as db:
            user = db.scalar(select(User).where(User.name == name))
            if user is None:
                self._verify(_DUMMY_HASH, password)
                return None
            locked_until = _aware(user.locked_until)
            if user.disabled or (locked_until is not None and locked_until > now()):
                self._verify(_DUMMY_HASH, password)
                return None
            if not self._verify(user.password_hash, password):
                self._count_failure(db, user)
                return None
            if _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = _HASHER.hash(password)
            user.failed_logins, user.locked_until = 0, None
            db.commit()
            return Principal(role=user.role, name=user.name, via="session")  # type: ignore[arg-type]

    def is_locked(self, name: str) -> bool:
        with Session(self.engine) as db:
            user = db.scalar(select(User).where(User.name == name))
            locked_until = _aware(user.locked_until) if user is not None else None
            return locked_until is not None and locked_until > now()

    def _count_failure(self, db: Session, user: User) -> None:
        user.failed_logins += 1
        if user.failed_logins >= self.policy.max_failures:
            user.locked_until = now() + dt.timedelta(minutes=self.policy.lock_minutes)
            user.failed_logins = 0
            record_action(db, "system", "user.locked", user.name)
        db.commit()

    @staticmethod
    def _verify(password_hash: str, password: str) -> bool:
        try:
            return _HASHER.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    @staticmethod
    def _get(db: Session, name: str) -> User:
        user = db.scalar(select(User).where(User.name == name))
        if user is None:
            raise AccessError(f"no user named {name!r}", 404)
        return user

    @staticmethod
    def _view(user: User) -> UserView:
        locked_until = _aware(user.locked_until)
        return UserView(name=user.name, role=user.role, disabled=user.disabled,
                        locked=locked_until is not None and locked_until > now(), created_at=user.created_at)
