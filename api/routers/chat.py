"""Grounded chat, plain and streamed as server-sent events."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from api.deps import ChatServiceDep
from api.metrics import ANSWERS
from api.security import PrincipalDep
from assistant.answers.streaming import stream_answer
from assistant.schemas import ChatRequest, ChatResponse

router = APIRouter(prefix="/api/v1", tags=["chat"])


@router.post("/chat", response_model=ChatResponse, summary="Ask a question about a procedure")
def chat(request: ChatRequest, service: ChatServiceDep, principal: PrincipalDep, http: Request) -> ChatResponse:
    """Answer in the question's language (or ``language``), citing the procedure record.

    ``outcome`` is ``answered``, ``clarify`` (see ``candidates``), ``out_of_scope`` or ``no_match``. The question
    counts as a staff question only with staff credentials; the ``channel`` claimed only shapes the answer.
    """
    response = service.answer(request, asker=principal.asker)
    _count(http, response.outcome, response.language, principal.asker)
    return response


def _count(http: Request, outcome: str, language: str, asker: str) -> None:
    ANSWERS.labels(outcome=outcome, language=language, asker=asker).inc()
    http.state.outcome = outcome


def _counted(events: Iterator[tuple[str, dict[str, object]]], http: Request,
             asker: str) -> Iterator[tuple[str, dict[str, object]]]:
    for event, data in events:
        if event == "done":
            _count(http, str(data["outcome"]), str(data["language"]), asker)
        yield event, data


def _sse(events: Iterator[tuple[str, dict[str, object]]]) -> Iterator[str]:
    for event, data in events:
        yield f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/chat/stream", summary="The same answer, streamed as server-sent events")
def chat_stream(request: ChatRequest, service: ChatServiceDep, principal: PrincipalDep,
                http: Request) -> StreamingResponse:
    """Events: ``token`` (``{"text"}`` pieces of the answer), ``replace`` (``{"text"}``: the checked answer when a
    streamed LLM answer failed the grounding check) and finally ``done`` (the full ``ChatResponse``)."""
    events = _counted(stream_answer(service, request, principal.asker), http, principal.asker)
    return StreamingResponse(_sse(events), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
