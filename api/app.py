"""The FastAPI application factory."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.routers import chat, dossiers, feedback, health, procedures, search
from assistant.answers.llm import LlmAnswerer
from assistant.answers.storage import ConversationStore
from assistant.dossier.errors import DossierInputError
from assistant.dossier.records import DossierRecords
from assistant.dossier.service import DossierChecker
from assistant.runtime import KnowledgeRuntime
from knowledge.embeddings import Embedder
from knowledge.settings import Settings, get_settings
from knowledge.store import IndexNotFoundError


def create_app(settings: Settings | None = None, embedder: Embedder | None = None) -> FastAPI:
    """Build the app. Tests pass their own settings (fresh data dir) and a fake embedder."""
    settings = settings or get_settings()
    app = FastAPI(
        title="motcua",
        summary="Một Cửa — multilingual assistant for one-stop public service centers",
        version="0.1.0",
    )
    app.state.settings = settings
    app.state.runtime = KnowledgeRuntime(settings, embedder)
    app.state.conversations = ConversationStore(settings.sqlalchemy_url)
    app.state.llm = LlmAnswerer.from_settings(settings)
    runtime = app.state.runtime
    hints = (lambda: runtime.embedder) if settings.dossier_embedding_hints else None
    app.state.dossiers = DossierChecker(runtime.index, settings, embedder=hints)
    app.state.dossier_records = DossierRecords(app.state.conversations.engine)

    @app.exception_handler(IndexNotFoundError)
    async def _no_index(_: Request, exc: IndexNotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(DossierInputError)
    async def _bad_dossier(_: Request, exc: DossierInputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    app.include_router(health.router)
    for router in (search.router, chat.router, procedures.router, feedback.router, dossiers.router):
        app.include_router(router)
    return app
