"""Conversation storage on SQLite (the embedded default) and PostgreSQL (when one is reachable)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from assistant.answers.storage import ConversationStore

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=2):
            return True
    except Exception:
        return False


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ConversationStore:
    if request.param == "sqlite":
        return ConversationStore(f"sqlite:///{tmp_path / 'motcua.sqlite3'}")
    if not _postgres_available():
        pytest.skip("no PostgreSQL at 127.0.0.1:5432 (database 'test', trust auth)")
    return ConversationStore(POSTGRES_URL)


def test_sessions_remember_the_procedure_and_store_only_redacted_text(store: ConversationStore) -> None:
    session_id = f"t-{uuid.uuid4()}"
    chat = store.session(session_id, "kiosk")
    message_id = store.record(chat, language="vi", question="CCCD 001203004567, đăng ký thường trú",
                              outcome="answered", intent="documents", procedure_code="1.004222")
    again = store.session(session_id, "kiosk")
    assert again.procedure_code == "1.004222"
    stored = store.messages(session_id)
    assert len(stored) == 1 and "001203004567" not in stored[0].question
    assert store.add_feedback(message_id, "up", "rõ ràng, sđt 0912345678") is True
    assert store.add_feedback("no-such-message", "down", None) is False


def test_a_new_session_gets_an_id(store: ConversationStore) -> None:
    chat = store.session(None, "staff")
    assert chat.id and store.session(chat.id, "staff").channel == "staff"
