"""Accounts, keys, page sessions and the audit log on both databases; the users/keys command line."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from api.cli import main
from assistant.access.accounts import AccessError, LoginPolicy, UserDirectory
from assistant.access.keys import ApiKeys
from assistant.access.web_sessions import WebSessions, csrf_matches
from assistant.db.engine import make_engine
from assistant.db.migrate import upgrade
from assistant.db.models import ApiKey, AuditEntry, User

PASSWORD = "correct horse battery"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def test_passwords_are_stored_as_argon2_and_checked(engine: Engine) -> None:
    users = UserDirectory(engine)
    users.add("lan.nguyen", "staff", PASSWORD, actor="test")
    with Session(engine) as db:
        stored = db.scalar(select(User.password_hash))
    assert stored is not None and stored.startswith("$argon2") and PASSWORD not in stored
    principal = users.authenticate("lan.nguyen", PASSWORD)
    assert principal is not None and principal.role == "staff" and principal.asker == "staff"
    assert users.authenticate("lan.nguyen", "wrong password!") is None
    assert users.authenticate("nobody", PASSWORD) is None


def test_repeated_failures_lock_the_account_even_for_the_right_password(engine: Engine) -> None:
    users = UserDirectory(engine, LoginPolicy(max_failures=3, lock_minutes=15))
    users.add("lan", "staff", PASSWORD, actor="test")
    for _ in range(3):
        assert users.authenticate("lan", "not the password") is None
    assert users.is_locked("lan")
    assert users.authenticate("lan", PASSWORD) is None
    with Session(engine) as db:  # the lock runs out
        user = db.scalar(select(User).where(User.name == "lan"))
        assert user is not None
        user.locked_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        db.commit()
    assert users.authenticate("lan", PASSWORD) is not None


def test_a_success_resets_the_failure_count(engine: Engine) -> None:
    users = UserDirectory(engine, LoginPolicy(max_failures=3))
    users.add("lan", "staff", PASSWORD, actor="test")
    for _ in range(2):
        users.authenticate("lan", "nope nope nope")
    assert users.authenticate("lan", PASSWORD) is not None
    for _ in range(2):
        users.authenticate("lan", "nope nope nope")
    assert not users.is_locked("lan")


def test_disabled_accounts_cannot_sign_in_and_lose_their_sessions(engine: Engine) -> None:
    users, sessions = UserDirectory(engine), WebSessions(engine)
    users.add("lan", "admin", PASSWORD, actor="test")
    started = sessions.start("lan")
    assert sessions.resolve(started.token) is not None
    users.set_disabled("lan", True, actor="admin:root")
    assert users.authenticate("lan", PASSWORD) is None
    assert sessions.resolve(started.token) is None
    users.set_disabled("lan", False, actor="admin:root")
    assert users.authenticate("lan", PASSWORD) is not None


@pytest.mark.parametrize(("name", "role", "password", "status"), [
    ("ok-name", "superuser", PASSWORD, 422),
    ("x", "staff", PASSWORD, 422),
    ("has space", "staff", PASSWORD, 422),
    ("ok-name", "staff", "short", 422),
])
def test_bad_accounts_are_refused(engine: Engine, name: str, role: str, password: str, status: int) -> None:
    with pytest.raises(AccessError) as refused:
        UserDirectory(engine).add(name, role, password, actor="test")
    assert refused.value.status == status


def test_names_are_unique(engine: Engine) -> None:
    users = UserDirectory(engine)
    users.add("lan", "staff", PASSWORD, actor="test")
    with pytest.raises(AccessError) as taken:
        users.add("lan", "admin", PASSWORD, actor="test")
    assert taken.value.status == 409


def test_keys_are_stored_as_hashes_and_can_be_revoked(engine: Engine) -> None:
    keys = ApiKeys(engine)
    created = keys.create("portal", "staff", actor="test")
    with Session(engine) as db:
        row = db.scalar(select(ApiKey))
    assert row is not None and created.key not in (row.key_hash, row.prefix) and len(row.key_hash) == 64
    assert created.key.startswith(row.prefix)
    principal = keys.resolve(created.key)
    assert principal is not None and principal.role == "staff" and principal.via == "key"
    assert keys.resolve(created.key + "x") is None
    assert keys.resolve("not-a-key") is None
    keys.revoke("portal", actor="test")
    assert keys.resolve(created.key) is None
    assert [k.revoked for k in keys.list()] == [True]


def test_csrf_token_belongs_to_its_session(engine: Engine) -> None:
    UserDirectory(engine).add("lan", "staff", PASSWORD, actor="test")
    sessions = WebSessions(engine)
    first, second = sessions.start("lan"), sessions.start("lan")
    principal = sessions.resolve(first.token)
    assert principal is not None
    assert csrf_matches(principal, first.csrf_token)
    assert not csrf_matches(principal, second.csrf_token)
    assert not csrf_matches(principal, None)
    sessions.end(first.token)
    assert sessions.resolve(first.token) is None


def test_expired_sessions_do_not_sign_in(engine: Engine) -> None:
    UserDirectory(engine).add("lan", "staff", PASSWORD, actor="test")
    started = WebSessions(engine, lifetime_hours=1e-9).start("lan")
    assert WebSessions(engine).resolve(started.token) is None


def test_admin_actions_are_audited(engine: Engine) -> None:
    users, keys = UserDirectory(engine), ApiKeys(engine)
    users.add("lan", "staff", PASSWORD, actor="cli:root")
    keys.create("portal", "admin", actor="session:boss")
    keys.revoke("portal", actor="session:boss")
    users.set_disabled("lan", True, actor="key:ops")
    with Session(engine) as db:
        entries = [(e.actor, e.action, e.target) for e in db.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert entries == [("cli:root", "user.add.staff", "lan"), ("session:boss", "key.create.admin", "portal"),
                       ("session:boss", "key.revoke", "portal"), ("key:ops", "user.disable", "lan")]


def test_users_and_keys_from_the_command_line(tmp_path: Path) -> None:
    runner, data = CliRunner(), ["--data-dir", str(tmp_path)]
    added = runner.invoke(main, ["users", "add", "lan", "--role", "staff", "--password-stdin", *data],
                          input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["users", "list", "--json", *data])
    assert json.loads(listed.output)[0]["name"] == "lan"
    assert runner.invoke(main, ["users", "disable", "lan", *data]).exit_code == 0
    assert json.loads(runner.invoke(main, ["users", "list", "--json", *data]).output)[0]["disabled"] is True
    created = runner.invoke(main, ["keys", "create", "--role", "admin", "--name", "portal", "--json", *data])
    payload = json.loads(created.output)
    assert set(payload) == {"name", "role", "key"} and payload["role"] == "admin"
    listing = runner.invoke(main, ["keys", "list", *data]).output
    assert "portal" in listing and payload["key"] not in listing
    assert runner.invoke(main, ["keys", "revoke", "portal", *data]).exit_code == 0
    missing = runner.invoke(main, ["keys", "revoke", "portal2", *data])
    assert missing.exit_code != 0 and "no key named" in missing.output
    short = runner.invoke(main, ["users", "add", "bob", "--role", "staff", "--password-stdin", *data], input="x\n")
    assert short.exit_code != 0 and "at least 10" in short.output
    wrong_role = runner.invoke(main, ["keys", "create", "--role", "root", "--name", "k", *data])
    assert wrong_role.exit_code == 2
