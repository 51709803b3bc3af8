"""Streaming a chat answer as events: tokens as they come, a correction if needed, then the full response."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.answers.chat import ChatService
from assistant.answers.llm import procedure_context
from assistant.schemas import ChatRequest

Event = tuple[str, dict[str, object]]


def _pieces(text: str) -> Iterator[str]:
    yield from (m.group(0) for m in re.finditer(r"\S+\s*|\s+", text))


def stream_answer(service: ChatService, request: ChatRequest, asker: str = "citizen") -> Iterator[Event]:
    """Without an LLM the composed answer is streamed word by word; with one, the model's tokens are streamed and
    checked at the end: a rejected answer is followed by a ``replace`` event carrying the composed answer."""
    response = service.answer(request, use_llm=False, asker=asker)
    llm = service.llm
    if llm is None or response.outcome != "answered" or response.procedure is None:
        for piece in _pieces(response.answer):
            yield "token", {"text": piece}
        yield "done", response.model_dump()
        return
    procedure = service.index.procedure(response.procedure.code)
    assert procedure is not None
    streamed: list[str] = []
    try:
        for piece in llm.stream(request.message, response.language, procedure, service.index):
            streamed.append(piece)
            yield "token", {"text": piece}
    except Exception:  # the LLM is optional; fall back to the composed answer
        streamed = []
    checked = llm.checked("".join(streamed).strip(), procedure_context(procedure, service.index))
    if checked is None:
        yield "replace", {"text": response.answer}
    else:
        response.answer, response.generated_by = checked, "llm"
    yield "done", response.model_dump()
