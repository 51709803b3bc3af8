"""Conversation storage (SQLAlchemy; SQLite in the data dir by default, PostgreSQL supported).

Only redacted text is stored. Sessions remember the procedure under discussion so that follow-ups
("còn lệ phí thì sao?") reuse it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from assistant.redact import redact


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class ChatSession(Base):
    __tablename__ = "chat_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    procedure_code: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ChatMessage(Base):
    __tablename__ = "chat_messages"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(64), ForeignKey("chat_sessions.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    question: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))
    intent: Mapped[str | None] = mapped_column(String(16), nullable=True)
    procedure_code: Mapped[str | None] = mapped_column(String(64), nullable=True)


class PendingChoice(Base):
    """The procedures offered by the last clarifying question of a session, until the asker picks one."""

    __tablename__ = "chat_pending_choices"
    session_id: Mapped[str] = mapped_column(String(64), ForeignKey("chat_sessions.id"), primary_key=True)
    codes: Mapped[str] = mapped_column(String(512))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Feedback(Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(ForeignKey("chat_messages.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    rating: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True)
    Base.metadata.create_all(engine)
    return engine


class ConversationStore:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)

    def session(self, session_id: str | None, channel: str) -> ChatSession:
        """The existing session, or a new one (an unknown id starts a new session with that id)."""
        with Session(self.engine, expire_on_commit=False) as db:
            found = db.get(ChatSession, session_id) if session_id else None
            if found is not None:
                return found
            created = ChatSession(id=session_id or str(uuid.uuid4()), channel=channel)
            db.add(created)
            db.commit()
            return created

    def record(self, chat: ChatSession, *, language: str, question: str, outcome: str, intent: str | None,
               procedure_code: str | None, offered: list[str] | None = None) -> str:
        """Store a redacted question and its outcome; remember the procedure under discussion, and the procedures
        ``offered`` by a clarifying question until the next message."""
        message_id = str(uuid.uuid4())
        with Session(self.engine) as db:
            db.add(ChatMessage(id=message_id, session_id=chat.id, channel=chat.channel, language=language,
                               question=redact(question)[:2000], outcome=outcome, intent=intent,
                               procedure_code=procedure_code))
            stored = db.get(ChatSession, chat.id)
            if stored is not None:
                stored.language = language
                if procedure_code:
                    stored.procedure_code = procedure_code
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

    def add_feedback(self, message_id: str, rating: str, comment: str | None) -> bool:
        with Session(self.engine) as db:
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
