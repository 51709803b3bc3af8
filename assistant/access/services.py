"""The access services of one database, built together."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from assistant.access.accounts import LoginPolicy, UserDirectory
from assistant.access.audit import AuditLog
from assistant.access.keys import ApiKeys
from assistant.access.web_sessions import WebSessions
from knowledge.settings import Settings


@dataclass(frozen=True)
class Access:
    users: UserDirectory
    keys: ApiKeys
    sessions: WebSessions
    audit: AuditLog

    @classmethod
    def build(cls, engine: Engine, settings: Settings) -> Access:
        policy = LoginPolicy(max_failures=settings.login_max_failures, lock_minutes=settings.login_lock_minutes)
        return cls(users=UserDirectory(engine, policy), keys=ApiKeys(engine),
                   sessions=WebSessions(engine, settings.session_hours), audit=AuditLog(engine))
