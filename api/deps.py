"""FastAPI dependencies as ``Annotated`` aliases; routers declare what they need with these."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from assistant.runtime import KnowledgeRuntime
from assistant.search import SearchService
from knowledge.settings import Settings


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_runtime(request: Request) -> KnowledgeRuntime:
    runtime: KnowledgeRuntime = request.app.state.runtime
    return runtime


def get_search_service(runtime: Annotated[KnowledgeRuntime, Depends(get_runtime)]) -> SearchService:
    return SearchService(runtime)


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
RuntimeDep = Annotated[KnowledgeRuntime, Depends(get_runtime)]
SearchServiceDep = Annotated[SearchService, Depends(get_search_service)]
