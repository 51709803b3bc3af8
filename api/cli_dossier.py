"""``motcua check``: the dossier completeness check from the command line (same result as the API)."""

from __future__ import annotations

from pathlib import Path

import click

from api.cli_support import DATA_DIR, JSON, CliProgress, echo_json, load_settings

_MARKS = {"present": "✓", "missing": "✗", "uncertain": "?", "not_applicable": "–"}


@click.command()
@click.option("--procedure", "code", required=True, help="National procedure code, e.g. 1.001193.")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--language", default="vi", show_default=True, help="Language of the summary: vi, en, ar, zh or ko.")
@click.option("--submission", type=click.Choice(["in_person", "online", "postal"]), default="in_person",
              show_default=True, help="How the dossier is submitted (decides which form variant is required).")
@click.option("--case", "cases", multiple=True, help="A case that applies ('ủy quyền') or a component id; repeatable.")
@click.option("--print-form", "form_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the request to supplement the dossier (Form 02) to this .pdf or .html file.")
@click.option("--unit", default="", help="Receiving unit printed on the form.")
@click.option("--officer", default="", help="Guiding officer printed on the form.")
@DATA_DIR
@JSON
def check(code: str, files: tuple[Path, ...], language: str, submission: str, cases: tuple[str, ...],
          form_out: Path | None, unit: str, officer: str, data_dir: Path | None, as_json: bool) -> None:
    """Check a dossier's files against a procedure (same result shape as POST /api/v1/dossiers/check).

    \b
    Files: PDF, JPEG, PNG, TIFF, HEIC, WebP, DOCX (type decided by content). Scanned pages are
    OCR'd with Tesseract (progress on stderr). Nothing is stored.
    \b
    Examples:
      motcua check --procedure 1.001193 to-khai.pdf giay-chung-sinh.jpg
      motcua check --procedure 1.000656 scan.pdf --language en --json
      motcua check --procedure 1.004222 ct01.pdf --print-form phieu-bo-sung.pdf --unit "Công an phường Cửa Nam"
    """
    from assistant.dossier.errors import DossierInputError
    from assistant.dossier.pages import SubmittedFile
    from assistant.dossier.service import DossierChecker
    from assistant.runtime import KnowledgeRuntime
    from knowledge.store import IndexNotFoundError

    settings = load_settings(data_dir)
    runtime = KnowledgeRuntime(settings)
    hints = (lambda: runtime.embedder) if settings.dossier_embedding_hints else None
    checker = DossierChecker(runtime.index, settings, embedder=hints)
    progress = CliProgress(quiet=as_json)
    submitted = [SubmittedFile(path.name, path.read_bytes()) for path in files]
    try:
        result = checker.check_files(code, submitted, language=language, submission=submission,  # type: ignore[arg-type]
                                     cases=list(cases),
                                     progress=lambda unit_, done, total: progress.advance("OCR pages", done, total))
    except (DossierInputError, IndexNotFoundError) as exc:
        raise click.ClickException(str(exc)) from exc
    if form_out is not None:
        _write_form(result, form_out, unit, officer)
    if as_json:
        echo_json(result.model_dump())
        return
    click.echo(f"[{result.procedure_code}] {result.procedure_name}: {result.verdict.upper()}")
    for component in result.components:
        where = "; ".join(f"{e.file}" + (f" p.{e.page}" if e.page else "") + f" “{e.snippet[:60]}” ({e.score:.2f})"
                          for e in component.evidence)
        click.echo(f"  {_MARKS[component.status]} {component.id} {component.name[:90]}")
        click.echo(f"      {component.reason}" + (f"  [{where}]" if where else ""))
    for row in result.unmatched_files:
        click.echo(f"  ! {row.file}" + (f" p.{row.page}" if row.page else "") + f": {row.reason}")
    for warning in result.warnings:
        click.echo(f"  ⚠ {warning.message}")
    click.echo(result.summary)


def _write_form(result: object, out: Path, unit: str, officer: str) -> None:
    from assistant.dossier.printing import render_html, render_pdf
    from assistant.dossier.schemas import DossierCheckResult, SupplementFormRequest

    assert isinstance(result, DossierCheckResult)
    form = SupplementFormRequest(check=result, receiving_unit=unit, officer=officer)
    if out.suffix.lower() == ".pdf":
        out.write_bytes(render_pdf(form))
    else:
        out.write_text(render_html(form), encoding="utf-8")
    click.echo(f"form written: {out}", err=True)
