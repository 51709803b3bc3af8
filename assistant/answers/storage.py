"""Conversation storage (SQLAlchemy; SQLite in the data dir by default, PostgreSQL supported).

Only redacted text is stored. Sessions remember the procedure under discussion so that follow-ups
("còn lệ phí thì sao?") reuse it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.db.engine import engine_for, writing
from assistant.db.models import ChatMessage, ChatSession, Feedback, PendingChoice
from assistant.redact import redact

__all__ = ["ChatMessage", "ChatSession", "ConversationStore", "Feedback", "PendingChoice"]


class ConversationStore:
    def __init__(self, url: str) -> None:
        self.engine = engine_for(url)

    def session(self, session_id: str | None, channel: str) -> ChatSession:
        """The existing session, or a new one (an unknown id starts a new session with that id). A new session is
        stored with its first message, in the same transaction (``record``)."""
        found = None
        if session_id:
            with Session(self.engine, expire_on_commit=False) as db:
                found = db.get(ChatSession, session_id)
        return found if found is not None else ChatSession(id=session_id or str(uuid.uuid4()), channel=channel)

    def record(self, chat: ChatSession, *, language: str, question: str, outcome: str, intent: str | None,
               procedure_code: str | None, offered: list[str] | None = None, asker: str = "citizen") -> str:
        """Store a redacted question and its outcome; remember the procedure under discussion, and the procedures
        ``offered`` by a clarifying question until the next message."""
        message_id = str(uuid.uuid4())
        with writing(self.engine), Session(self.engine) as db:
            stored = db.get(ChatSession, chat.id)
            if stored is None:
                stored = ChatSession(id=chat.id, channel=chat.channel)
                db.add(stored)
                db.flush()
            stored.language = language
            if procedure_code:
                stored.procedure_code = procedure_code
            db.add(ChatMessage(id=message_id, session_id=chat.id, channel=chat.channel, language=language,
                               question=redact(question)[:2000], outcome=outcome, intent=intent,
                               procedure_code=procedure_code, asker=asker))
            pending = db.get(PendingChoice, chat.id)
            if pending is not None:
                db.delete(pending)
            if offered:
                db.merge(PendingChoice(session_id=chat.id, codes=",".join(offered)[:512]))
            db.commit()
        return message_id

    def offered(self, session_id: str) -> list[str]:
        """The procedures the last clarifying question of the session offered (empty if it was not a question)."""
        with Session(self.engine) as db:
            pending = db.get(PendingChoice, session_id)
            return pending.codes.split(",") if pending is not None else []

    def last_intent(self, session_id: str) -> str | None:
        """What the session's latest message that asked something specific asked (documents, fee, ...)."""
        with Session(self.engine) as db:
            return db.scalars(select(ChatMessage.intent)
                              .where(ChatMessage.session_id == session_id, ChatMessage.intent.is_not(None))
                              .order_by(ChatMessage.created_at.desc()).limit(1)).first()

    def add_feedback(self, message_id: str, rating: str, comment: str | None) -> bool:
        with writing(self.engine), Session(self.engine) as db:
            if db.get(ChatMessage, message_id) is None:
                return False
            db.add(Feedback(message_id=message_id, rating=rating, comment=redact(comment)[:2000] if comment else None))
            db.commit()
            return True

    def messages(self, session_id: str) -> list[ChatMessage]:
        with Session(self.engine) as db:
            rows = db.scalars(select(ChatMessage).where(ChatMessage.session_id == session_id)
                              .order_by(ChatMessage.created_at))
            return list(rows)
