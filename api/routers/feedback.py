"""Ratings of answers."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from api.deps import ConversationsDep

router = APIRouter(prefix="/api/v1", tags=["feedback"])


class FeedbackRequest(BaseModel):
    session_id: str | None = Field(default=None, max_length=64)
    message_id: str = Field(max_length=64)
    rating: Literal["up", "down"]
    comment: str | None = Field(default=None, max_length=2000)


@router.post("/feedback", status_code=201, summary="Rate an answer")
def feedback(body: FeedbackRequest, conversations: ConversationsDep) -> dict[str, str]:
    if not conversations.add_feedback(body.message_id, body.rating, body.comment):
        raise HTTPException(status_code=404, detail=f"no message {body.message_id!r}")
    return {"status": "recorded"}
