"""API keys for integrations: shown once at creation, stored only as a SHA-256 hash beside a short prefix that
tells keys apart in listings. A key acts with its role (staff or admin) until it is revoked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.access.accounts import AccessError, check_name, check_role
from assistant.access.audit import record_action
from assistant.access.roles import Principal
from assistant.access.secrets_util import new_token, token_hash
from assistant.db.models import ApiKey, now

KEY_PREFIX = "mck_"
#: ``last_used_at`` is written at most this often per key (a write per request would cost throughput).
LAST_USED_RESOLUTION = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class KeyView:
    name: str
    role: str
    prefix: str
    revoked: bool
    created_at: dt.datetime
    last_used_at: dt.datetime | None


@dataclass(frozen=True)
class NewKey:
    name: str
    role: str
    key: str


class ApiKeys:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, name: str, role: str, actor: str) -> NewKey:
        """A new key; its secret is returned here once and never again."""
        check_name(name), check_role(role)
        secret = KEY_PREFIX + new_token(30)
        with Session(self.engine) as db:
            if db.scalar(select(ApiKey).where(ApiKey.name == name)) is not None:
                raise AccessError(f"a key named {name!r} exists", 409)
            db.add(ApiKey(name=name, role=role, key_hash=token_hash(secret), prefix=secret[:12]))
            record_action(db, actor, f"key.create.{role}", name)
            db.commit()
        return NewKey(name=name, role=role, key=secret)

    def list(self) -> list[KeyView]:
        with Session(self.engine) as db:
            return [KeyView(name=k.name, role=k.role, prefix=k.prefix, revoked=k.revoked, created_at=k.created_at,
                            last_used_at=k.last_used_at)
                    for k in db.scalars(select(ApiKey).order_by(ApiKey.name))]

    def revoke(self, name: str, actor: str) -> None:
        with Session(self.engine) as db:
            key = db.scalar(select(ApiKey).where(ApiKey.name == name))
            if key is None:
                raise AccessError(f"no key named {name!r}", 404)
            key.revoked = True
            record_action(db, actor, "key.revoke", name)
            db.commit()

    def resolve(self, secret: str) -> Principal | None:
        """The principal of a valid, unrevoked key; None for anything else."""
        if not secret.startswith(KEY_PREFIX) or len(secret) > 200:
            return None
        with Session(self.engine) as db:
            key = db.scalar(select(ApiKey).where(ApiKey.key_hash == token_hash(secret)))
            if key is None or key.revoked:
                return None
            last = key.last_used_at
            if last is not None and last.tzinfo is None:
                last = last.replace(tzinfo=dt.UTC)
            if last is None or now() - last > LAST_USED_RESOLUTION:
                key.last_used_at = now()
                db.commit()
            return Principal(role=key.role, name=key.name, via="key")  # type: ignore[arg-type]
