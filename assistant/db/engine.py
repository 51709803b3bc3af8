"""Engines per database URL, one per process: SQLite in WAL mode with a busy timeout (many readers beside one
writer, and a writer waits for the lock instead of failing with "database is locked"), PostgreSQL with a pool."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

#: How long a SQLite writer waits for the lock before giving up (milliseconds).
SQLITE_BUSY_TIMEOUT_MS = 30_000

_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()
_WRITE_LOCKS: dict[int, threading.Lock] = {}


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _tune_sqlite(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """A new engine for ``url`` (the folder of a SQLite file is created)."""
    if is_sqlite(url):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
                               pool_pre_ping=True)
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def engine_for(url: str) -> Engine:
    """The process's engine for ``url``, its schema brought up to date on first use."""
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            from assistant.db.migrate import upgrade

            engine = make_engine(url)
            upgrade(engine)
            _ENGINES[url] = engine
        return engine


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[None]:
    """Hold around a write transaction. SQLite has one writer at a time: when dozens of request threads wait on
    its busy handler (which sleeps in growing steps), some wait for seconds. Taking turns inside the process first
    leaves one waiter per process at SQLite's lock, so writes queue in order instead. PostgreSQL needs nothing."""
    if engine.dialect.name != "sqlite":
        yield
        return
    with _LOCK:
        lock = _WRITE_LOCKS.setdefault(id(engine), threading.Lock())
    with lock:
        yield
