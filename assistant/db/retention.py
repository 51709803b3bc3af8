"""Retention: questions, sessions, feedback and dossier-check aggregates older than the configured number of days
are deleted (``MOTCUA_RETENTION_DAYS``; ``motcua purge``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.db.models import ChatMessage, ChatSession, DossierCheckRecord, Feedback, PendingChoice


@dataclass
class Purged:
    messages: int = 0
    sessions: int = 0
    feedback: int = 0
    dossier_checks: int = 0


def _count(result: object) -> int:
    return result.rowcount if isinstance(result, CursorResult) else 0


def purge(engine: Engine, days: int, now: dt.datetime | None = None) -> Purged:
    """Delete what is older than ``days`` days; a session goes with its last message."""
    cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days)
    purged = Purged()
    with Session(engine) as db:
        old_messages = select(ChatMessage.id).where(ChatMessage.created_at < cutoff)
        purged.feedback = _count(db.execute(delete(Feedback).where(
            (Feedback.created_at < cutoff) | Feedback.message_id.in_(old_messages))))
        purged.messages = _count(db.execute(delete(ChatMessage).where(ChatMessage.created_at < cutoff)))
        live = select(ChatMessage.session_id)
        stale = select(ChatSession.id).where(ChatSession.created_at < cutoff, ChatSession.id.not_in(live))
        db.execute(delete(PendingChoice).where(PendingChoice.session_id.in_(stale)))
        purged.sessions = _count(db.execute(delete(ChatSession).where(
            ChatSession.created_at < cutoff, ChatSession.id.not_in(live))))
        purged.dossier_checks = _count(db.execute(delete(DossierCheckRecord).where(
            DossierCheckRecord.created_at < cutoff)))
        db.commit()
    return purged
