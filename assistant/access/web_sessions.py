"""Signed-in page sessions. The browser holds a random token in an HttpOnly cookie; the page holds a second random
token that it sends back in ``X-CSRF-Token`` on every write. Only hashes of both are stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.access.roles import Principal
from assistant.access.secrets_util import new_token, same, token_hash
from assistant.db.models import User, WebSession, now


@dataclass(frozen=True)
class NewSession:
    token: str
    csrf_token: str
    expires_at: dt.datetime


class WebSessions:
    def __init__(self, engine: Engine, lifetime_hours: float = 12) -> None:
        self.engine = engine
        self.lifetime = dt.timedelta(hours=lifetime_hours)

    def start(self, user_name: str) -> NewSession:
        token, csrf = new_token(), new_token()
        expires = now() + self.lifetime
        with Session(self.engine) as db:
            user = db.query(User).filter(User.name == user_name).one()
            db.add(WebSession(token_hash=token_hash(token), user_id=user.id, csrf_hash=token_hash(csrf),
                              expires_at=expires))
            db.execute(delete(WebSession).where(WebSession.expires_at < now()))
            db.commit()
        return NewSession(token=token, csrf_token=csrf, expires_at=expires)

    def resolve(self, token: str) -> Principal | None:
        """The signed-in principal of a live session of an enabled account; None otherwise."""
        if not token or len(token) > 200:
            return None
        with Session(self.engine) as db:
            session = db.get(WebSession, token_hash(token))
            if session is None:
                return None
            expires = session.expires_at if session.expires_at.tzinfo else session.expires_at.replace(tzinfo=dt.UTC)
            user = db.get(User, session.user_id)
            if expires < now() or user is None or user.disabled:
                return None
            return Principal(role=user.role, name=user.name, via="session",  # type: ignore[arg-type]
                             csrf_hash=session.csrf_hash)

    def end(self, token: str) -> None:
        with Session(self.engine) as db:
            db.execute(delete(WebSession).where(WebSession.token_hash == token_hash(token)))
            db.commit()


def csrf_matches(principal: Principal, presented: str | None) -> bool:
    """Whether the CSRF token a write carries belongs to the principal's session."""
    if principal.csrf_hash is None or not presented:
        return False
    return same(principal.csrf_hash, token_hash(presented))
