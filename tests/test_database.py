"""The product database on both backends: migrations from an empty database and from one made before migrations,
concurrent writers on SQLite without "database is locked", retention."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from api.cli import main
from assistant.answers.storage import ConversationStore
from assistant.db.engine import make_engine
from assistant.db.migrate import current_revision, head_revision, upgrade
from assistant.db.models import ChatMessage, ChatSession, DossierCheckRecord
from assistant.db.retention import purge


def test_migrations_from_an_empty_database(database_url: str) -> None:
    engine = make_engine(database_url)
    assert upgrade(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"chat_sessions", "chat_messages", "chat_pending_choices", "feedback", "dossier_checks", "users",
            "api_keys", "web_sessions", "audit_log", "alembic_version"} <= tables
    assert "asker" in {c["name"] for c in inspect(engine).get_columns("chat_messages")}
    assert upgrade(engine) == head_revision()  # idempotent
    engine.dispose()


def test_a_database_from_before_migrations_is_stamped_and_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    with engine.begin() as connection:  # the tables as create_all made them before migrations existed
        connection.execute(text("CREATE TABLE chat_sessions (id VARCHAR(64) PRIMARY KEY, created_at DATETIME, "
                                "channel VARCHAR(16) NOT NULL, language VARCHAR(8), procedure_code VARCHAR(64))"))
        connection.execute(text("CREATE TABLE chat_messages (id VARCHAR(36) PRIMARY KEY, session_id VARCHAR(64), "
                                "created_at DATETIME, channel VARCHAR(16), language VARCHAR(8), question TEXT, "
                                "outcome VARCHAR(16), intent VARCHAR(16), procedure_code VARCHAR(64))"))
        connection.execute(text("CREATE TABLE chat_pending_choices (session_id VARCHAR(64) PRIMARY KEY, "
                                "codes VARCHAR(512), created_at DATETIME)"))
        connection.execute(text("CREATE TABLE feedback (id INTEGER PRIMARY KEY, message_id VARCHAR(36), "
                                "created_at DATETIME, rating VARCHAR(8), comment TEXT)"))
        connection.execute(text("INSERT INTO chat_sessions (id, channel) VALUES ('s1', 'kiosk')"))
    assert current_revision(engine) is None
    assert upgrade(engine) == head_revision()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT channel FROM chat_sessions WHERE id='s1'")).scalar() == "kiosk"


def test_storage_works_on_both_backends(database_url: str) -> None:
    store = ConversationStore(database_url)
    chat = store.session(None, "kiosk")
    message = store.record(chat, language="vi", question="gọi 0912345678 về CCCD 001190012345", outcome="answered",
                           intent="documents", procedure_code="1.001193")
    assert store.add_feedback(message, "up", "email me at a@b.vn")
    stored = store.messages(chat.id)[0]
    assert "0912345678" not in stored.question and "001190012345" not in stored.question


def test_fifty_concurrent_writers_on_sqlite(tmp_path: Path) -> None:
    store = ConversationStore(f"sqlite:///{tmp_path / 'busy.sqlite3'}")
    errors: list[BaseException] = []

    def client(number: int) -> None:
        try:
            chat = store.session(f"s{number}", "kiosk")
            for turn in range(10):
                message = store.record(chat, language="vi", question=f"câu hỏi {turn}", outcome="answered",
                                       intent=None, procedure_code=None)
                store.add_feedback(message, "up", None)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Session(store.engine) as db:
        assert db.query(ChatMessage).count() == 500


def _aged(engine: Engine, days: int) -> None:
    then = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    with Session(engine) as db:
        chat = ChatSession(id=f"old{days}", channel="kiosk", created_at=then)
        db.add(chat)
        db.flush()
        db.add(ChatMessage(id=str(uuid.uuid4()), session_id=chat.id, channel="kiosk", language="vi", question="q",
                           outcome="answered", created_at=then))
        db.add(DossierCheckRecord(channel="api", procedure_code="1.001193", verdict="complete", complete=True,
                                  components=3, present=2, missing=0, uncertain=0, warnings=0, files=2, pages=2,
                                  ocr_pages=0, duration_ms=40, created_at=then))
        db.commit()


def test_retention_deletes_only_what_is_older(database_url: str) -> None:
    store = ConversationStore(database_url)
    _aged(store.engine, 400)
    _aged(store.engine, 10)
    purged = purge(store.engine, days=365)
    assert (purged.messages, purged.sessions, purged.dossier_checks) == (1, 1, 1)
    with Session(store.engine) as db:
        assert [s.id for s in db.query(ChatSession)] == ["old10"]


def test_db_and_purge_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    upgraded = runner.invoke(main, ["db", "upgrade", "--data-dir", str(tmp_path)])
    assert upgraded.exit_code == 0 and head_revision() in upgraded.output
    purged = runner.invoke(main, ["purge", "--days", "30", "--json", "--data-dir", str(tmp_path)])
    assert purged.exit_code == 0 and '"messages": 0' in purged.output
