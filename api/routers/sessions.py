"""Conversations as stored (redacted), for staff following up a citizen's question; never for the kiosk."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from api.deps import ConversationsDep
from api.security import StaffDep

router = APIRouter(prefix="/api/v1/sessions", tags=["conversations"])


@router.get("/{session_id}/messages", summary="A conversation's questions and outcomes (staff, admin)")
def session_messages(session_id: str, _: StaffDep, conversations: ConversationsDep) -> list[dict[str, Any]]:
    messages = conversations.messages(session_id[:64])
    if not messages:
        raise HTTPException(404, "no such conversation")
    return [{"message_id": m.id, "at": m.created_at, "language": m.language, "question": m.question,
             "outcome": m.outcome, "intent": m.intent, "procedure_code": m.procedure_code, "asker": m.asker}
            for m in messages]
