"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import RuntimeDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the process answers")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: an index is published and loads")
def readyz(runtime: RuntimeDep) -> JSONResponse:
    if not runtime.ready():
        return JSONResponse({"status": "not_ready", "detail": "no index; run `motcua ingest`"}, status_code=503)
    manifest = runtime.index().manifest
    return JSONResponse({"status": "ready", "records": manifest.counts.get("records", 0),
                         "embedding_model": manifest.embedding_model})
