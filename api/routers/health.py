"""Liveness, readiness (index and database reported separately) and the Prometheus metrics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text

from api.deps import ConversationsDep, RuntimeDep, SettingsDep
from api.metrics import exposition, set_index
from api.security import require_role, resolve_principal

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the process answers")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


def _index_state(runtime: RuntimeDep) -> dict[str, Any]:
    if not runtime.ready():
        return {"ready": False, "detail": "no index; run `motcua ingest`"}
    if runtime.loading:
        return {"ready": False, "detail": "loading the index and the embedding model"}
    try:
        index = runtime.index()
    except Exception as exc:
        return {"ready": False, "detail": f"the index does not load ({type(exc).__name__})"}
    manifest = index.manifest
    return {"ready": True, "version": index.path.name if index.path else None,
            "records": manifest.counts.get("records", 0), "embedding_model": manifest.embedding_model}


def _database_state(conversations: ConversationsDep) -> dict[str, Any]:
    from assistant.db.migrate import current_revision

    try:
        with conversations.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return {"ready": True, "backend": conversations.engine.dialect.name,
                "revision": current_revision(conversations.engine)}
    except Exception as exc:
        return {"ready": False, "backend": conversations.engine.dialect.name,
                "detail": f"the database does not answer ({type(exc).__name__})"}


@router.get("/readyz", summary="Readiness: the index loads and the database answers")
def readyz(runtime: RuntimeDep, conversations: ConversationsDep) -> JSONResponse:
    index, database = _index_state(runtime), _database_state(conversations)
    ready = index["ready"] and database["ready"]
    body = {"status": "ready" if ready else "not_ready", "index": index, "database": database}
    if index["ready"]:  # the figures kept at the top level before the split
        body.update(records=index["records"], embedding_model=index["embedding_model"])
    return JSONResponse(body, status_code=200 if ready else 503)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
def metrics(request: Request, runtime: RuntimeDep, settings: SettingsDep) -> Response:
    if not settings.metrics_public:
        require_role("staff")(resolve_principal(request))
    if runtime.ready():
        try:
            index = runtime.index()
            set_index(index.path.name if index.path else "unknown", index.manifest.embedding_model,
                      index.manifest.counts.get("records", 0))
        except Exception:
            pass
    payload, content_type = exposition()
    return Response(payload, media_type=content_type)
