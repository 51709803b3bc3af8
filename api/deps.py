"""FastAPI dependencies as ``Annotated`` aliases; routers declare what they need with these.

Every service is built once by ``create_app`` and kept on ``app.state``; ``_state`` makes the typed getter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar, cast

from fastapi import Depends, Request

from api.ingest_jobs import IngestJobs
from api.ratelimit import RateLimiter
from assistant.access.services import Access
from assistant.answers.chat import ChatService
from assistant.answers.llm import LlmAnswerer
from assistant.answers.storage import ConversationStore
from assistant.dossier.records import DossierRecords
from assistant.dossier.service import DossierChecker
from assistant.handoffs import HandoffDesk
from assistant.retrieval.life_events import LifeEvents
from assistant.retrieval.search import SearchService
from assistant.runtime import KnowledgeRuntime
from assistant.speech import Speaker
from assistant.stats.service import StatsService
from knowledge.settings import Settings

T = TypeVar("T")


def _state(name: str, _kind: type[T]) -> Callable[[Request], T]:
    """A dependency returning ``app.state.<name>`` (typed as ``_kind``)."""

    def get(request: Request) -> T:
        return cast(T, getattr(request.app.state, name))

    get.__name__ = f"get_{name}"
    return get


get_app_settings = _state("settings", Settings)
get_runtime = _state("runtime", KnowledgeRuntime)
get_conversations = _state("conversations", ConversationStore)
get_dossier_checker = _state("dossiers", DossierChecker)
get_dossier_records = _state("dossier_records", DossierRecords)
get_stats_service = _state("stats", StatsService)
get_access = _state("access", Access)
get_rate_limiter = _state("rate_limiter", RateLimiter)
get_handoffs = _state("handoffs", HandoffDesk)
get_ingest_jobs = _state("ingest_jobs", IngestJobs)
get_speaker = _state("speaker", Speaker)
get_life_events = _state("life_events", LifeEvents)


def get_llm(request: Request) -> LlmAnswerer | None:
    llm: LlmAnswerer | None = request.app.state.llm
    return llm


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
AccessDep = Annotated[Access, Depends(get_access)]
HandoffsDep = Annotated[HandoffDesk, Depends(get_handoffs)]
IngestJobsDep = Annotated[IngestJobs, Depends(get_ingest_jobs)]
SpeakerDep = Annotated[Speaker, Depends(get_speaker)]
LifeEventsDep = Annotated[LifeEvents, Depends(get_life_events)]
