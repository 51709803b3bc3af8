"""The FastAPI application factory."""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from asgi_correlation_id import CorrelationIdMiddleware
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from api.ingest_jobs import IngestJobs
from api.logs import configure_logging
from api.metrics import worker_exit
from api.middleware import ObservedRequests
from api.ratelimit import RateLimiter
from api.routers import (
    admin,
    auth,
    browse,
    chat,
    dossiers,
    feedback,
    handoffs,
    health,
    procedures,
    search,
    sessions,
    speech,
    stats,
)
from api.security import CSRF_HEADER, rate_limited
from api.web import pages
from assistant.access.accounts import AccessError
from assistant.access.services import Access
from assistant.answers.llm import LlmAnswerer
from assistant.answers.storage import ConversationStore
from assistant.dossier.errors import DossierInputError
from assistant.dossier.records import DossierRecords
from assistant.dossier.service import DossierChecker
from assistant.handoffs import HandoffDesk
from assistant.retrieval.life_events import LifeEvents
from assistant.runtime import KnowledgeRuntime
from assistant.speech import Speaker
from assistant.stats.service import StatsService
from knowledge.embeddings import Embedder
from knowledge.settings import Settings, get_settings
from knowledge.store import IndexNotFoundError

REQUEST_ID_HEADER = "X-Request-ID"


def create_app(settings: Settings | None = None, embedder: Embedder | None = None, serving: bool = False) -> FastAPI:
    """Build the app. Tests pass their own settings (fresh data dir) and a fake embedder; ``serving`` loads the
    index and the model in the background at start-up (see ``create_served_app``)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="motcua",
        summary="Một Cửa — multilingual assistant for one-stop public service centers",
        version="0.1.0",
        docs_url=None,  # served by api.web.pages from local assets
        redoc_url=None,
        lifespan=_serving_lifespan if serving else None,
    )
    _build_services(app, settings, embedder)
    _add_error_handlers(app)
    _add_middleware(app, settings)
    app.include_router(health.router)
    app.include_router(pages.router)
    app.mount("/static/swagger", StaticFiles(directory=pages.SWAGGER_UI), name="swagger")
    app.mount("/static", StaticFiles(directory=pages.STATIC), name="static")
    app.include_router(auth.router)
    limited = [Depends(rate_limited)]
    for router in (search.router, chat.router, procedures.router, browse.router, feedback.router, dossiers.router,
                   speech.router, handoffs.router, stats.router, sessions.router, admin.router):
        app.include_router(router, dependencies=limited)
    return app


def create_served_app() -> FastAPI:
    """The app of one ``motcua serve`` worker: settings from the environment (``serve`` sets ``MOTCUA_DATA_DIR``),
    structured logs, and the index and model loaded before the first question."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    return create_app(settings, serving=True)


@asynccontextmanager
async def _serving_lifespan(app: FastAPI) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = app.state.settings.request_threads
    app.state.runtime.loading = True
    threading.Thread(target=app.state.runtime.warm_up, name="warm-up", daemon=True).start()
    yield
    worker_exit(os.getpid())


def _build_services(app: FastAPI, settings: Settings, embedder: Embedder | None) -> None:
    app.state.settings = settings
    app.state.runtime = runtime = KnowledgeRuntime(settings, embedder)
    app.state.conversations = conversations = ConversationStore(settings.sqlalchemy_url)
    app.state.llm = LlmAnswerer.from_settings(settings)
    hints = (lambda: runtime.embedder) if settings.dossier_embedding_hints else None
    app.state.dossiers = DossierChecker(runtime.index, settings, embedder=hints)
    app.state.dossier_records = DossierRecords(conversations.engine)
    app.state.access = Access.build(conversations.engine, settings)
    app.state.rate_limiter = RateLimiter(settings)
    app.state.life_events = LifeEvents(runtime)
    app.state.speaker = Speaker()
    app.state.handoffs = HandoffDesk(conversations.engine)
    app.state.ingest_jobs = IngestJobs(settings, runtime)

    def procedure_name(code: str) -> str | None:
        try:
            record = runtime.index().procedure(code)
        except IndexNotFoundError:
            return None
        return record.name if record is not None else None

    app.state.stats = StatsService(conversations.engine, settings.stats_timezone, procedure_name)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(IndexNotFoundError)
    async def _no_index(_: Request, exc: IndexNotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(DossierInputError)
    async def _bad_dossier(_: Request, exc: DossierInputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": validation_message(exc.errors())}, status_code=422)

    @app.exception_handler(AccessError)
    async def _access(_: Request, exc: AccessError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)


def validation_message(errors: Sequence[Any]) -> str:
    """Invalid input as one readable sentence: where and what, never the input itself (it may be long, or personal)."""
    parts = []
    for error in list(errors)[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)[:500] or "invalid request"


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Outermost last: request id → timing, log line and security headers → CORS (only when configured)."""
    origins = Settings.split_list(settings.cors_origins)
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=True,
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Authorization", "Content-Type", CSRF_HEADER],
                           expose_headers=[REQUEST_ID_HEADER, "Retry-After"])
    app.add_middleware(ObservedRequests)
    app.add_middleware(CorrelationIdMiddleware, header_name=REQUEST_ID_HEADER)
