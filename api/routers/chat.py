"""Grounded chat, plain and streamed as server-sent events."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from api.deps import ChatServiceDep
from assistant.answers.streaming import stream_answer
from assistant.schemas import ChatRequest, ChatResponse

router = APIRouter(prefix="/api/v1", tags=["chat"])


@router.post("/chat", response_model=ChatResponse, summary="Ask a question about a procedure")
def chat(request: ChatRequest, service: ChatServiceDep) -> ChatResponse:
    """Answer in the question's language (or ``language``), citing the procedure record.

    ``outcome`` is ``answered``, ``clarify`` (see ``candidates``), ``out_of_scope`` or ``no_match``.
    """
    return service.answer(request)


def _sse(events: Iterator[tuple[str, dict[str, object]]]) -> Iterator[str]:
    for event, data in events:
        yield f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/chat/stream", summary="The same answer, streamed as server-sent events")
def chat_stream(request: ChatRequest, service: ChatServiceDep) -> StreamingResponse:
    """Events: ``token`` (``{"text"}`` pieces of the answer), ``replace`` (``{"text"}``: the checked answer when a
    streamed LLM answer failed the grounding check) and finally ``done`` (the full ``ChatResponse``)."""
    return StreamingResponse(_sse(stream_answer(service, request)), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
