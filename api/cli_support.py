"""Helpers behind the command line: settings, progress display, summaries."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from assistant.answers.chat import ChatService
from assistant.runtime import KnowledgeRuntime
from ingest.pipeline import IngestSummary
from ingest.readers.base import ReadError, ReadProgress
from knowledge.model import Procedure
from knowledge.pack_schema import bundled_pack_dir
from knowledge.settings import Settings

DATA_DIR = click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Where indexes and the database live (overrides MOTCUA_DATA_DIR; default ./var).",
)
JSON = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


def load_settings(data_dir: Path | None) -> Settings:
    settings = Settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    return settings


def echo_json(payload: Any) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))


class CliProgress:
    """Prints stages and throttled counters to stderr."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self._last = 0.0

    def stage(self, name: str) -> None:
        if not self.quiet:
            click.echo(f"• {name}", err=True)

    def advance(self, unit: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if self.quiet or (now - self._last < 0.5 and done != total):
            return
        self._last = now
        suffix = f"/{total}" if total else ""
        end = "\n" if total is not None and done >= total else "\r"
        sys.stderr.write(f"  {unit}: {done}{suffix}   {end}")
        sys.stderr.flush()

    def failed(self, source: str, reason: str) -> None:
        click.echo(f"  ✗ {source}: {reason}", err=True)


def print_summary(summary: IngestSummary, as_json: bool) -> None:
    counts = {
        "added": summary.added, "updated": summary.updated, "removed": summary.removed,
        "unchanged": summary.unchanged, "failed": summary.failed,
    }
    if as_json:
        echo_json({**counts, "chunks": summary.chunks, "embedded": summary.embedded,
                   "sources_read": summary.sources_read, "sources_skipped": summary.sources_skipped,
                   "published": str(summary.published) if summary.published else None,
                   "failures": [{"source": s, "reason": r} for s, r in summary.failures]})
        return
    click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))
    click.echo(f"chunks: {summary.chunks}, newly embedded: {summary.embedded}, sources read: "
               f"{summary.sources_read}, unchanged sources skipped: {summary.sources_skipped}")
    click.echo(f"published: {summary.published}" if summary.published else "index unchanged")


def read_sources(paths: list[Path]) -> tuple[list[Procedure], list[tuple[str, str]]]:
    """Parse files with their readers, without indexing."""
    from ingest.sources import discover

    sources, errors = discover(paths)
    failures = [(str(e).split(":")[0], str(e)) for e in errors]
    records: list[Procedure] = []
    for source in sources:
        for item in source.reader.read(source.path):
            if isinstance(item, ReadError):
                failures.append((item.source + (f" [{item.record}]" if item.record else ""), item.reason))
            elif not isinstance(item, ReadProgress):
                records.append(item)
    return records, failures


def find_records(code: str, source: Path | None, settings: Settings) -> list[Procedure]:
    """Records with this code (or uid), from a source file or from the index."""
    if source is not None:
        records, _ = read_sources([source])
        return [r for r in records if code in (r.code, r.uid)]
    from knowledge.store import IndexNotFoundError, IndexStore

    try:
        index = IndexStore(settings.index_root).load()
    except IndexNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    group = index.by_code.get(code)
    if group:
        return group
    return [index.records[code]] if code in index.records else []


def ensure_bundled_index(settings: Settings) -> None:
    """Index the bundled pack when the data dir has no index yet."""
    from ingest.pipeline import Ingestor
    from knowledge.embeddings import build_embedder
    from knowledge.store import IndexStore

    store = IndexStore(settings.index_root)
    if store.exists():
        return
    click.echo(f"No index in {settings.index_root}; indexing the bundled knowledge pack…", err=True)
    summary = Ingestor(store, build_embedder(settings), CliProgress()).run([bundled_pack_dir()])
    print_summary(summary, as_json=False)


def chat_service(settings: Settings) -> ChatService:
    """A chat service over the data dir's index and conversation database."""
    from assistant.answers.llm import LlmAnswerer
    from assistant.answers.storage import ConversationStore

    runtime = KnowledgeRuntime(settings)
    conversations = ConversationStore(settings.sqlalchemy_url)
    return ChatService(runtime.finder(), conversations, LlmAnswerer.from_settings(settings))


def prepare_serving(settings: Settings, workers: int) -> None:
    """Everything ``serve`` does once before its workers start: the bundled index if none, the database migrated
    and purged, the environment the workers read their settings from, and an empty shared metrics folder."""
    import os
    import shutil

    from api.logs import configure_logging
    from assistant.db.engine import engine_for
    from assistant.db.retention import purge

    configure_logging(settings.log_level, settings.log_format)
    ensure_bundled_index(settings)
    purge(engine_for(settings.sqlalchemy_url), settings.retention_days)  # migrates first, then retention
    create_first_admin(settings)
    os.environ["MOTCUA_DATA_DIR"] = str(settings.data_dir.resolve())
    if workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        metrics_dir = settings.data_dir / "metrics"
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir.resolve())


def create_first_admin(settings: Settings) -> None:
    """On a database without accounts, make ``admin`` with a random password, printed once and kept in
    ``<data dir>/initial-admin-password`` (owner-only) so that the pages can be used at once; change or disable it
    from /admin. Nothing happens once any account exists."""
    import secrets

    from assistant.access.services import Access
    from assistant.db.engine import engine_for

    access = Access.build(engine_for(settings.sqlalchemy_url), settings)
    if access.users.list():
        return
    password = secrets.token_urlsafe(12)
    access.users.add("admin", "admin", password, actor="serve:first-start")
    path = settings.data_dir / "initial-admin-password"
    path.write_text(password + "\n", "utf-8")
    path.chmod(0o600)
    click.echo(f"first start: created the account 'admin' with password {password} (also in {path.name} in the "
               "data dir); sign in at /admin and create your own accounts", err=True)
