"""FastAPI dependencies as ``Annotated`` aliases; routers declare what they need with these."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from assistant.answers.chat import ChatService
from assistant.answers.llm import LlmAnswerer
from assistant.answers.storage import ConversationStore
from assistant.dossier.records import DossierRecords
from assistant.dossier.service import DossierChecker
from assistant.retrieval.search import SearchService
from assistant.runtime import KnowledgeRuntime
from assistant.stats.service import StatsService
from knowledge.settings import Settings


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_runtime(request: Request) -> KnowledgeRuntime:
    runtime: KnowledgeRuntime = request.app.state.runtime
    return runtime


def get_conversations(request: Request) -> ConversationStore:
    store: ConversationStore = request.app.state.conversations
    return store


def get_llm(request: Request) -> LlmAnswerer | None:
    llm: LlmAnswerer | None = request.app.state.llm
    return llm


def get_dossier_checker(request: Request) -> DossierChecker:
    checker: DossierChecker = request.app.state.dossiers
    return checker


def get_dossier_records(request: Request) -> DossierRecords:
    records: DossierRecords = request.app.state.dossier_records
    return records


def get_stats_service(request: Request) -> StatsService:
    service: StatsService = request.app.state.stats
    return service


def get_search_service(runtime: Annotated[KnowledgeRuntime, Depends(get_runtime)]) -> SearchService:
    return SearchService(runtime)


def get_chat_service(
    runtime: Annotated[KnowledgeRuntime, Depends(get_runtime)],
    conversations: Annotated[ConversationStore, Depends(get_conversations)],
    llm: Annotated[LlmAnswerer | None, Depends(get_llm)],
) -> ChatService:
    return ChatService(runtime.finder(), conversations, llm)


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
RuntimeDep = Annotated[KnowledgeRuntime, Depends(get_runtime)]
ConversationsDep = Annotated[ConversationStore, Depends(get_conversations)]
SearchServiceDep = Annotated[SearchService, Depends(get_search_service)]
ChatServiceDep = Annotated[ChatService, Depends(get_chat_service)]
DossierCheckerDep = Annotated[DossierChecker, Depends(get_dossier_checker)]
DossierRecordsDep = Annotated[DossierRecords, Depends(get_dossier_records)]
StatsServiceDep = Annotated[StatsService, Depends(get_stats_service)]
