"""``motcua users`` and ``motcua keys``: accounts for the pages and API keys for integrations.

Actions are written to the audit log as ``cli:<operating-system user>``."""

from __future__ import annotations

import getpass
import sys
from dataclasses import asdict
from pathlib import Path

import click

from api.cli_support import DATA_DIR, JSON, echo_json, load_settings
from assistant.access.accounts import AccessError
from assistant.access.services import Access

ROLE = click.option("--role", type=click.Choice(["staff", "admin"]), required=True, help="What the account may do.")


def _access(data_dir: Path | None) -> Access:
    from assistant.db.engine import engine_for

    settings = load_settings(data_dir)
    return Access.build(engine_for(settings.sqlalchemy_url), settings)


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@click.group()
def users() -> None:
    """Staff and admin accounts that sign in to /staff and /admin."""


@users.command("add")
@click.argument("name")
@ROLE
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
@DATA_DIR
def users_add(name: str, role: str, password_stdin: bool, data_dir: Path | None) -> None:
    """Add an account (the password is asked for twice, or read from stdin; at least 10 characters).

    \b
    Examples:
      motcua users add lan.nguyen --role staff
      printf '%s\\n' "$PASSWORD" | motcua users add admin --role admin --password-stdin
    """
    try:
        _access(data_dir).users.add(name, role, _read_password(password_stdin), actor=_actor())
    except AccessError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added {role} {name}")


@users.command("list")
@DATA_DIR
@JSON
def users_list(data_dir: Path | None, as_json: bool) -> None:
    """List accounts with their role and state."""
    found = _access(data_dir).users.list()
    if as_json:
        echo_json([asdict(user) for user in found])
        return
    for user in found:
        state = "disabled" if user.disabled else "locked" if user.locked else "active"
        click.echo(f"{user.name}\t{user.role}\t{state}\t{user.created_at:%Y-%m-%d}")


@users.command("disable")
@click.argument("name")
@DATA_DIR
def users_disable(name: str, data_dir: Path | None) -> None:
    """Disable an account; its signed-in sessions end at once."""
    try:
        _access(data_dir).users.set_disabled(name, True, actor=_actor())
    except AccessError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"disabled {name}")


@users.command("enable")
@click.argument("name")
@DATA_DIR
def users_enable(name: str, data_dir: Path | None) -> None:
    """Enable a disabled account again (also clears a lockout)."""
    try:
        _access(data_dir).users.set_disabled(name, False, actor=_actor())
    except AccessError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"enabled {name}")


@click.group()
def keys() -> None:
    """API keys for integrations (sent as 'Authorization: Bearer <key>')."""


@keys.command("create")
@ROLE
@click.option("--name", required=True, help="What the key is for, e.g. provincial-portal.")
@DATA_DIR
@JSON
def keys_create(role: str, name: str, data_dir: Path | None, as_json: bool) -> None:
    """Create a key and print it once: only its hash is kept.

    \b
    Example:
      motcua keys create --role staff --name provincial-portal --json
    """
    try:
        created = _access(data_dir).keys.create(name, role, actor=_actor())
    except AccessError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        echo_json({"name": created.name, "role": created.role, "key": created.key})
        return
    click.echo(created.key)
    click.echo(f"({role} key {name!r}; store it now, it is not shown again)", err=True)


@keys.command("list")
@DATA_DIR
@JSON
def keys_list(data_dir: Path | None, as_json: bool) -> None:
    """List keys (name, role, first characters, state, last use); never the keys themselves."""
    found = _access(data_dir).keys.list()
    if as_json:
        echo_json([asdict(key) for key in found])
        return
    for key in found:
        used = f"{key.last_used_at:%Y-%m-%d %H:%M}" if key.last_used_at else "never used"
        click.echo(f"{key.name}\t{key.role}\t{key.prefix}…\t{'revoked' if key.revoked else 'active'}\t{used}")


@keys.command("revoke")
@click.argument("name")
@DATA_DIR
def keys_revoke(name: str, data_dir: Path | None) -> None:
    """Revoke a key: requests with it answer 401 from now on."""
    try:
        _access(data_dir).keys.revoke(name, actor=_actor())
    except AccessError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"revoked {name}")
