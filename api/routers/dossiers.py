"""Dossier completeness checks and the printable request to supplement a dossier (Form 02)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from api.deps import DossierCheckerDep, DossierRecordsDep
from api.metrics import DOSSIER_CHECKS, OCR_PAGES
from api.security import DossierRateLimited, PrincipalDep
from assistant.dossier.errors import DossierInputError
from assistant.dossier.pages import SubmittedFile
from assistant.dossier.printing import render_html, render_pdf
from assistant.dossier.schemas import DossierCheckRequest, DossierCheckResult, SupplementFormRequest

router = APIRouter(prefix="/api/v1/dossiers", tags=["dossiers"])
_MULTIPART_OVERHEAD = 1024 * 1024
_MAX_FILES = 100

_CHECK_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["procedure_code", "files"],
                "properties": {
                    "procedure_code": {"type": "string", "example": "1.001193"},
                    "language": {"type": "string", "example": "vi", "description": "vi, en, ar, zh or ko"},
                    "submission": {"type": "string", "enum": ["in_person", "online", "postal"]},
                    "channel": {"type": "string", "enum": ["kiosk", "staff", "api"]},
                    "cases": {"type": "array", "items": {"type": "string"},
                              "description": "Cases that apply ('ủy quyền') or component ids ('c8')."},
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                }}},
            "application/json": {"schema": {"$ref": "#/components/schemas/DossierCheckRequest"}},
        },
    }
}


def _text_field(form: Any, name: str, default: str | None = None, limit: int = 200) -> str | None:
    value = form.get(name)
    if value is None or isinstance(value, UploadFile):
        return default
    text = str(value).strip()
    if len(text) > limit:
        raise DossierInputError(f"field {name!r} is longer than {limit} characters", 422)
    return text or default


async def _files_from(form: Any, limit: int) -> list[SubmittedFile]:
    uploads = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
    files: list[SubmittedFile] = []
    for number, upload in enumerate(uploads, start=1):
        name = (upload.filename or f"file-{number}").replace("\\", "/").rsplit("/", 1)[-1][:200]
        if upload.size is not None and upload.size > limit:
            raise DossierInputError(f"the file is larger than {limit // (1024 * 1024)} MB", 413, name)
        data = await upload.read(limit + 1)
        await upload.close()
        if len(data) > limit:
            raise DossierInputError(f"the file is larger than {limit // (1024 * 1024)} MB", 413, name)
        files.append(SubmittedFile(name, data))
    return files


async def _run_check(request: Request, check: Callable[..., DossierCheckResult], *args: Any) -> DossierCheckResult:
    """Run a check in the dossier threads, apart from the threads answering questions."""
    limiter = getattr(request.app.state, "dossier_limiter", None)
    if limiter is None:
        limiter = request.app.state.dossier_limiter = anyio.CapacityLimiter(request.app.state.settings.dossier_threads)
    return await anyio.to_thread.run_sync(check, *args, limiter=limiter)


@router.post("/check", response_model=DossierCheckResult, summary="Check a dossier's components",
             openapi_extra=_CHECK_BODY, dependencies=[DossierRateLimited])
async def check_dossier(request: Request, checker: DossierCheckerDep, records: DossierRecordsDep,
                        principal: PrincipalDep) -> DossierCheckResult:
    """Which required components of the procedure the dossier holds (with the file, page and words that show
    it), which are missing, which do not apply, and what does not add up between documents.

    Send files as ``multipart/form-data`` (PDF, JPEG, PNG, TIFF, HEIC, WebP, DOCX; type decided by content), or
    JSON with ``documents`` (names and optional text) for a kiosk that only lists what the citizen holds. Files
    are read in memory and dropped when the answer is sent; only an aggregate row is kept for the statistics.
    """
    content_type = request.headers.get("content-type", "")
    limits = checker.limits
    if content_type.startswith("application/json"):
        try:
            payload = DossierCheckRequest.model_validate(json.loads(await request.body() or b"null"))
        except (ValidationError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise DossierInputError(f"invalid JSON body: {str(exc)[:300]}", 422) from exc
        result = await _run_check(request, checker.check_declared, payload)
        channel: str = payload.channel
    elif content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limits.max_total_bytes + _MULTIPART_OVERHEAD:
            raise DossierInputError(f"the dossier is larger than {limits.max_total_bytes // (1024 * 1024)} MB", 413)
        async with request.form(max_files=_MAX_FILES, max_fields=50) as form:
            code = _text_field(form, "procedure_code")
            if not code:
                raise DossierInputError("procedure_code is required", 422)
            language = _text_field(form, "language", "vi", 8)
            submission = _text_field(form, "submission", "in_person", 16)
            channel = _text_field(form, "channel", "api", 16) or "api"
            if submission not in ("in_person", "online", "postal") or channel not in ("kiosk", "staff", "api"):
                raise DossierInputError("submission must be in_person, online or postal; channel kiosk, staff or "
                                        "api", 422)
            cases = [str(c)[:200] for c in form.getlist("cases") if isinstance(c, str) and c.strip()][:20]
            files = await _files_from(form, limits.max_file_bytes)
        result = await _run_check(request, functools.partial(
            checker.check_files, code, files, language=language, submission=submission,  # type: ignore[arg-type]
            cases=cases))
    else:
        raise DossierInputError("send multipart/form-data with files, or application/json with documents", 415)
    await run_in_threadpool(records.record, result, channel, principal.asker)
    DOSSIER_CHECKS.labels(verdict=result.verdict).inc()
    OCR_PAGES.inc(result.ocr_pages)
    request.state.outcome = result.verdict
    return result


@router.post("/request-form", summary="The printable request to supplement the dossier (Form 02)",
             responses={200: {"content": {"text/html": {}, "application/pdf": {}}}})
def request_form(form: SupplementFormRequest,
                 format: Annotated[str, Query(pattern="^(html|pdf)$", description="html or pdf")] = "html",
                 ) -> Response:
    """"Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" (Form 02, Circular 01/2018/TT-VPCP) from a check result, as HTML
    ready to print or as PDF. Personal fields (applicant, address, phone) are printed, never stored."""
    if format == "pdf":
        return Response(render_pdf(form), media_type="application/pdf",
                        headers={"Content-Disposition": 'inline; filename="phieu-yeu-cau-bo-sung.pdf"',
                                 "Cache-Control": "no-store"})
    return HTMLResponse(render_html(form), headers={"Cache-Control": "no-store"})
