"""The ``motcua`` command line: one entry point, one subcommand per task."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from api.cli_support import DATA_DIR, JSON, CliProgress, echo_json, load_settings, print_summary


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="motcua")
def main() -> None:
    """Một Cửa — multilingual assistant for Vietnam's one-stop public service centers.

    \b
    Examples:
      motcua ingest knowledge/packs/core ../shared/corpus/dvc-procedures.jsonl.gz
      motcua inspect 1.004222
      motcua search "đăng ký thường trú cần giấy tờ gì"
      motcua serve --port 8000
    """


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Drop sources that are not named this time.")
@click.option("--force", is_flag=True, help="Re-read sources even when their content hash is unchanged.")
@click.option("--without-pack", is_flag=True, help="Leave the bundled curated pack out (by default it is included, "
              "as in every deployment).")
@DATA_DIR
@JSON
def ingest(sources: tuple[Path, ...], replace: bool, force: bool, without_pack: bool, data_dir: Path | None,
           as_json: bool) -> None:
    """Index procedure sources: national-portal JSON/JSONL(.gz), PDF or DOCX guides, curated packs.

    \b
    Incremental: unchanged files are skipped, unchanged chunks keep their vectors,
    records gone from a re-read file disappear. Bad files are reported and the rest go on.
    The bundled pack of curated procedures is included unless --without-pack.
    \b
    Examples:
      motcua ingest ../shared/corpus/dvc-procedures.jsonl.gz
      motcua ingest ../shared/corpus/             # every supported file in the folder
      motcua ingest knowledge/packs/core --replace
    """
    from ingest.pipeline import Ingestor
    from knowledge.embeddings import build_embedder
    from knowledge.pack_schema import bundled_pack_dir
    from knowledge.store import IndexStore

    settings = load_settings(data_dir)
    named = list(sources)
    pack = bundled_pack_dir()
    if not without_pack and not any(p.resolve() == pack.resolve() for p in named):
        named.insert(0, pack)
    ingestor = Ingestor(IndexStore(settings.index_root), build_embedder(settings), CliProgress(quiet=as_json))
    try:
        summary = ingestor.run(named, replace=replace, force=force)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    print_summary(summary, as_json)
    if summary.failed and not (summary.added or summary.updated or summary.unchanged):
        sys.exit(1)


@main.command()
@click.argument("code")
@click.option("--source", type=click.Path(exists=True, path_type=Path), help="Parse this file instead of the index.")
@DATA_DIR
@JSON
def inspect(code: str, source: Path | None, data_dir: Path | None, as_json: bool) -> None:
    """Show a parsed record beside the source text it came from.

    \b
    Examples:
      motcua inspect 1.004222
      motcua inspect 1.004222 --source ../shared/corpus/dvc-procedures.jsonl.gz
    """
    from api.cli_support import find_records
    from ingest.inspect import render_inspection

    records = find_records(code, source, load_settings(data_dir))
    if not records:
        raise click.ClickException(f"no procedure {code!r} found")
    for record in records:
        if as_json:
            click.echo(record.model_dump_json(indent=2))
        else:
            click.echo(render_inspection(record))


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--worst", default=15, show_default=True, help="How many of the worst records to list.")
def report(sources: tuple[Path, ...], worst: int) -> None:
    """Parsing quality over source files (components, time units, fee amounts, legal basis).

    \b
    Example:
      motcua report ../shared/corpus/dvc-procedures.jsonl.gz
    """
    from api.cli_support import read_sources
    from ingest.quality import measure, render_report

    records, failures = read_sources(list(sources))
    for where, reason in failures:
        click.echo(f"failed: {where}: {reason}", err=True)
    click.echo(render_report(measure(records), worst=worst))


@main.command()
@click.argument("query")
@click.option("--k", default=5, show_default=True, type=click.IntRange(1, 50), help="How many procedures.")
@click.option("--language", default=None, help="Asker's language (vi, en, ar, ...); detected when absent.")
@DATA_DIR
@JSON
def search(query: str, k: int, language: str | None, data_dir: Path | None, as_json: bool) -> None:
    """Find procedures (same result shape as GET /api/v1/search).

    \b
    Examples:
      motcua search "lam giay khai sinh"
      motcua search "how to register a marriage" --k 3 --json
    """
    from assistant.retrieval.search import SearchService
    from assistant.runtime import KnowledgeRuntime
    from knowledge.store import IndexNotFoundError

    service = SearchService(KnowledgeRuntime(load_settings(data_dir)))
    try:
        response = service.search(query, k=k, language=language)
    except (IndexNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        echo_json(response.model_dump())
        return
    for n, row in enumerate(response.results, start=1):
        click.echo(f"{n}. [{row.procedure_code}] {row.procedure_name}  ({row.section}, {row.score:.4f})")
        click.echo(f"   {row.snippet}")


@main.command()
@click.argument("question")
@click.option("--language", default=None, help="Answer language (vi, en, ar, ...); detected when absent.")
@click.option("--session", "session_id", default=None, help="Continue a conversation (follow-up questions).")
@click.option("--channel", type=click.Choice(["kiosk", "staff", "api"]), default="staff", show_default=True)
@DATA_DIR
@JSON
def ask(question: str, language: str | None, session_id: str | None, channel: str, data_dir: Path | None,
        as_json: bool) -> None:
    """Ask a question (same result shape as POST /api/v1/chat).

    \b
    Examples:
      motcua ask "đăng ký kết hôn cần giấy tờ gì?"
      motcua ask "how much is the fee?" --session s1
      motcua ask "كم رسوم جواز السفر؟" --json
    """
    from pydantic import ValidationError

    from api.cli_support import chat_service
    from assistant.schemas import ChatRequest
    from knowledge.store import IndexNotFoundError

    settings = load_settings(data_dir)
    try:
        request = ChatRequest(message=question, session_id=session_id, language=language, channel=channel)
    except ValidationError as exc:
        problems = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise click.UsageError(problems) from exc
    try:
        response = chat_service(settings).answer(request)
    except IndexNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        echo_json(response.model_dump())
        return
    click.echo(response.answer)
    click.echo(f"\n[{response.outcome}; intent {response.intent}; language {response.language}; "
               f"session {response.session_id}]", err=True)


@main.command("eval")
@click.argument("questions", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=Path("../shared"),
              show_default=True, help="Where referenced real questions are read from.")
@click.option("--split", type=click.Choice(["dev", "heldout"]), default=None, help="Only this split.")
@click.option("--baseline/--no-baseline", default=False, help="Also run the naive LangChain baseline.")
@click.option("--misses", default=0, show_default=True, help="List this many questions not ranked first.")
@DATA_DIR
@JSON
def evaluate(questions: tuple[Path, ...], shared: Path, split: str | None, baseline: bool, misses: int,
             data_dir: Path | None, as_json: bool) -> None:
    """Retrieval quality (hit@1, hit@3, MRR) by language and style, outcome accuracy, out-of-scope P/R.

    \b
    Examples:
      motcua eval eval/pack-questions.jsonl eval/out-of-scope.jsonl
      motcua eval eval/shared-refs.jsonl --data-dir var-national --baseline
    """
    from dataclasses import asdict

    from assistant.evaluation.question_eval import evaluate as run_eval
    from assistant.evaluation.question_eval import load_questions, render
    from assistant.runtime import KnowledgeRuntime

    settings = load_settings(data_dir).for_measuring()  # the same commit gives the same figures under any load
    runtime = KnowledgeRuntime(settings)
    loaded, unresolved = load_questions(list(questions), shared)
    if unresolved:
        click.echo(f"{unresolved} referenced questions not found under {shared}; skipped", err=True)
    naive = None
    if baseline:
        from assistant.evaluation.baseline import NaiveBaseline

        naive = NaiveBaseline.build_or_load(runtime.index(), runtime.embedder, settings.cache_dir)
    report = run_eval(loaded, runtime.finder(), split=split, baseline=naive)
    if as_json:
        echo_json(asdict(report))
        return
    click.echo(render(report))
    for miss in report.misses[:misses]:
        click.echo(f"  miss {miss['id']}: {miss['text']!r} expected {miss['expected']} got {miss['got']}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (about one per CPU core); they share the database, the rate-limit store "
                   "(with MOTCUA_REDIS_URL) and the metrics.")
@DATA_DIR
def serve(host: str, port: int, workers: int, data_dir: Path | None) -> None:
    """Run the API and web pages; indexes the bundled knowledge pack first if the data dir has none.

    The database is migrated and old records purged (MOTCUA_RETENTION_DAYS) before the workers start.
    
    Examples:
      motcua serve --host 0.0.0.0 --port 8000
      motcua serve --workers 2
    """
    from api.cli_support import prepare_serving

    settings = load_settings(data_dir)
    prepare_serving(settings, workers)
    import uvicorn

    uvicorn.run("api.app:create_served_app", factory=True, host=host, port=port, workers=workers,
                log_config=None, access_log=False, timeout_graceful_shutdown=10)


@main.group()
def pack() -> None:
    """Curated knowledge packs: validate one, or print the file schema."""


@pack.command("schema")
def pack_schema() -> None:
    """Print the JSON Schema of a pack procedure file."""
    from knowledge.pack_schema import PackProcedure

    click.echo(json.dumps(PackProcedure.model_json_schema(), ensure_ascii=False, indent=2))


@pack.command("stats")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
def pack_stats(directory: Path | None) -> None:
    """Coverage of a pack by field (Markdown table): procedures, components, aliases, languages."""
    from knowledge.pack_checks import coverage_table

    click.echo(coverage_table(directory))


@pack.command("validate")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
def pack_validate(directory: Path | None) -> None:
    """Check a pack (default: the bundled one): schema, translations, numbers, aliases."""
    from knowledge.pack_checks import check_pack

    problems = check_pack(directory)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s)")
    click.echo("pack ok")


def _register_commands() -> None:
    from api.cli_access import keys, users
    from api.cli_db import db, purge
    from api.cli_dossier import check

    main.add_command(users)
    main.add_command(keys)
    main.add_command(check)
    main.add_command(db)
    main.add_command(purge)


_register_commands()

if __name__ == "__main__":
    main()
