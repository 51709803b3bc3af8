"""The audit log of administrative actions: who did what to which account or key, and when."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.db.models import AuditEntry


def record_action(db: Session, actor: str, action: str, target: str) -> None:
    """Add an entry to the caller's transaction (committed with the action it describes)."""
    db.add(AuditEntry(actor=actor[:80], action=action[:40], target=target[:80]))


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def entries(self, limit: int = 200, since: dt.datetime | None = None) -> list[AuditEntry]:
        """The newest entries first."""
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if since is not None:
            query = query.where(AuditEntry.at >= since)
        with Session(self.engine) as db:
            return list(db.scalars(query))
