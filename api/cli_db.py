"""``motcua db upgrade|current`` and ``motcua purge``: the product database from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from api.cli_support import DATA_DIR, JSON, echo_json, load_settings


@click.group()
def db() -> None:
    """The product database (SQLite in the data dir, or MOTCUA_DATABASE_URL)."""


@db.command("upgrade")
@DATA_DIR
def db_upgrade(data_dir: Path | None) -> None:
    """Apply the schema migrations (Alembic) up to the newest.

    \b
    Examples:
      motcua db upgrade
      MOTCUA_DATABASE_URL=postgresql+psycopg://127.0.0.1/motcua motcua db upgrade
    """
    from assistant.db.engine import make_engine
    from assistant.db.migrate import upgrade

    settings = load_settings(data_dir)
    click.echo(f"database at revision {upgrade(make_engine(settings.sqlalchemy_url))}")


@db.command("current")
@DATA_DIR
def db_current(data_dir: Path | None) -> None:
    """Print the database's schema revision and the newest one."""
    from assistant.db.engine import make_engine
    from assistant.db.migrate import current_revision, head_revision

    settings = load_settings(data_dir)
    click.echo(f"current: {current_revision(make_engine(settings.sqlalchemy_url))}; newest: {head_revision()}")


@click.command()
@click.option("--days", type=click.IntRange(1, 36500), default=None,
              help="Delete what is older than this many days (default MOTCUA_RETENTION_DAYS).")
@DATA_DIR
@JSON
def purge(days: int | None, data_dir: Path | None, as_json: bool) -> None:
    """Delete stored questions, sessions, feedback and dossier-check aggregates past the retention period.

    \b
    Examples:
      motcua purge                 # MOTCUA_RETENTION_DAYS (365 by default)
      motcua purge --days 90 --json
    """
    from dataclasses import asdict

    from assistant.db.engine import engine_for
    from assistant.db.retention import purge as run_purge

    settings = load_settings(data_dir)
    purged = run_purge(engine_for(settings.sqlalchemy_url), days or settings.retention_days)
    if as_json:
        echo_json(asdict(purged))
    else:
        click.echo(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in asdict(purged).items()) + " deleted")
