"""Schema migrations with Alembic, run from code: ``upgrade(engine)`` brings a database to the newest revision.

A database made before migrations existed (tables created directly, no ``alembic_version``) is stamped at the
first revision, whose tables it already has, and upgraded from there. Two processes starting at once do not both
migrate: SQLite takes a file lock beside the database, PostgreSQL an advisory lock.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from assistant.db.engine import is_sqlite

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The first revision: the tables that existed before migrations did.
BASELINE = "0001"
_ADVISORY_KEY = 0x6D6F7463  # "motc"


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@contextlib.contextmanager
def _migration_lock(engine: Engine, connection: Connection) -> Iterator[None]:
    url = str(engine.url)
    if is_sqlite(url) and engine.url.database and engine.url.database != ":memory:":
        lock_path = Path(engine.url.database).with_suffix(".migrate.lock")
        with lock_path.open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    elif engine.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _ADVISORY_KEY})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _ADVISORY_KEY})
    else:
        yield


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Bring the database to ``revision``; returns the revision it is at afterwards."""
    with engine.connect() as connection, _migration_lock(engine, connection):
        tables = set(inspect(connection).get_table_names())
        config = _config(connection)
        if "alembic_version" not in tables and "chat_messages" in tables:
            command.stamp(config, BASELINE)
        command.upgrade(config, revision)
        connection.commit()
    return current_revision(engine)
