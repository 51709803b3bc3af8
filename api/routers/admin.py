"""Administration (admin role): accounts, API keys, the audit log, the published index."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

from api.deps import AccessDep, IngestJobsDep, RuntimeDep
from api.ingest_jobs import IngestJob, IngestRequestError
from api.security import AdminDep

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])


class NewUser(BaseModel):
    name: str = Field(max_length=64, examples=["lan.nguyen"])
    role: Literal["staff", "admin"]
    password: str = Field(max_length=1024, description="At least 10 characters.")


class NewKeyRequest(BaseModel):
    name: str = Field(max_length=64, examples=["provincial-portal"])
    role: Literal["staff", "admin"]


@router.get("/users", summary="Accounts")
def list_users(_: AdminDep, access: AccessDep) -> list[dict[str, Any]]:
    return [asdict(user) for user in access.users.list()]


@router.post("/users", status_code=201, summary="Add an account")
def add_user(body: NewUser, admin: AdminDep, access: AccessDep) -> dict[str, Any]:
    return asdict(access.users.add(body.name, body.role, body.password, actor=admin.actor))


@router.post("/users/{name}/disable", summary="Disable an account (its sessions end)")
def disable_user(name: str, admin: AdminDep, access: AccessDep) -> dict[str, Any]:
    return asdict(access.users.set_disabled(name, True, actor=admin.actor))


@router.post("/users/{name}/enable", summary="Enable an account again (and unlock it)")
def enable_user(name: str, admin: AdminDep, access: AccessDep) -> dict[str, Any]:
    return asdict(access.users.set_disabled(name, False, actor=admin.actor))


@router.get("/keys", summary="API keys (never the keys themselves)")
def list_keys(_: AdminDep, access: AccessDep) -> list[dict[str, Any]]:
    return [asdict(key) for key in access.keys.list()]


@router.post("/keys", status_code=201, summary="Create an API key (shown once)")
def create_key(body: NewKeyRequest, admin: AdminDep, access: AccessDep) -> dict[str, str]:
    return asdict(access.keys.create(body.name, body.role, actor=admin.actor))


@router.delete("/keys/{name}", status_code=204, summary="Revoke an API key")
def revoke_key(name: str, admin: AdminDep, access: AccessDep) -> None:
    access.keys.revoke(name, actor=admin.actor)


@router.get("/audit", summary="Administrative actions, newest first")
def audit(_: AdminDep, access: AccessDep, limit: int = Query(200, ge=1, le=5000),
          since: dt.datetime | None = None) -> list[dict[str, Any]]:
    return [{"at": e.at, "actor": e.actor, "action": e.action, "target": e.target}
            for e in access.audit.entries(limit, since)]


@router.get("/index", summary="The published index: version, model, counts")
def index_info(_: AdminDep, runtime: RuntimeDep) -> dict[str, Any]:
    index = runtime.index()
    manifest = index.manifest
    return {"version": index.path.name if index.path else None, "created_at": manifest.created_at,
            "embedding_model": manifest.embedding_model, "counts": manifest.counts,
            "sources": len(manifest.sources)}


MAX_UPLOAD_BYTES = 200 * 1024 * 1024


@router.post("/ingest", status_code=202, summary="Upload guides or portal exports to index (progress: GET)")
async def ingest_upload(request: Request, _: AdminDep, jobs: IngestJobsDep) -> dict[str, Any]:
    """Multipart ``files``: PDF or DOCX guides, national-portal exports (.json, .jsonl, .gz). They are kept under the
    data dir and indexed in the background; the answer holds the job id to poll."""
    async with request.form(max_files=20, max_fields=5, max_part_size=MAX_UPLOAD_BYTES) as form:
        uploads = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
        files = [(upload.filename or "source", await upload.read()) for upload in uploads]
    try:
        job = jobs.upload(files)
    except IngestRequestError as exc:
        raise HTTPException(422, str(exc)) from exc
    return asdict(job)


@router.post("/reindex", status_code=202, summary="Read every source again and publish a new index")
def reindex(_: AdminDep, jobs: IngestJobsDep) -> dict[str, Any]:
    return asdict(jobs.reindex())


@router.get("/ingest/{job_id}", summary="Progress of an ingestion job")
def ingest_progress(job_id: str, _: AdminDep, jobs: IngestJobsDep) -> dict[str, Any]:
    job: IngestJob | None = jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return asdict(job)
