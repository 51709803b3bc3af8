""""Ask a clerk": kiosks hand a conversation to the staff queue; staff take and finish the requests."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from api.deps import HandoffsDep
from api.security import StaffDep
from assistant.handoffs import HandoffDesk, HandoffNotFound, HandoffView

router = APIRouter(prefix="/api/v1/handoffs", tags=["handoffs"])


class HandoffRequest(BaseModel):
    session_id: str | None = Field(default=None, max_length=64)
    language: str = Field(default="vi", max_length=8)


@router.post("", status_code=201, response_model=HandoffView, summary="Ask a clerk (kiosk)")
def open_handoff(body: HandoffRequest, desk: HandoffsDep) -> HandoffView:
    """Puts the conversation in the staff queue and returns the ticket to show the citizen."""
    return desk.open(body.session_id, body.language)


@router.get("", response_model=list[HandoffView], summary="The queue (staff)")
def list_handoffs(desk: HandoffsDep, _: StaffDep,
                  status: Annotated[Literal["open", "taken", "done"], Query()] = "open") -> list[HandoffView]:
    return desk.listing(status)


@router.post("/{handoff_id}/take", response_model=HandoffView, summary="Take a request (staff)")
def take_handoff(handoff_id: int, desk: HandoffsDep, clerk: StaffDep) -> HandoffView:
    return _move(desk, handoff_id, "taken", clerk.name or "staff")


@router.post("/{handoff_id}/done", response_model=HandoffView, summary="Mark a request done (staff)")
def finish_handoff(handoff_id: int, desk: HandoffsDep, clerk: StaffDep) -> HandoffView:
    return _move(desk, handoff_id, "done", clerk.name or "staff")


def _move(desk: HandoffDesk, handoff_id: int, status: str, clerk: str) -> HandoffView:
    try:
        return desk.move(handoff_id, status, clerk)
    except HandoffNotFound as exc:
        raise HTTPException(404, str(exc)) from exc
