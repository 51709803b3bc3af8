""""Ask a clerk": kiosks hand a conversation to the staff queue; staff take and finish the requests."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from api.security import StaffDep
from assistant.handoffs import HandoffDesk, HandoffNotFound, HandoffView

router = APIRouter(prefix="/api/v1/handoffs", tags=["handoffs"])


class HandoffRequest(BaseModel):
    session_id: str | None = Field(default=None, max_length=64)
    language: str = Field(default="vi", max_length=8)


def _desk(request: Request) -> HandoffDesk:
    desk: HandoffDesk = request.app.state.handoffs
    return desk


@router.post("", status_code=201, response_model=HandoffView, summary="Ask a clerk (kiosk)")
def open_handoff(body: HandoffRequest, request: Request) -> HandoffView:
    """Puts the conversation in the staff queue and returns the ticket to show the citizen."""
    return _desk(request).open(body.session_id, body.language)


@router.get("", response_model=list[HandoffView], summary="The queue (staff)")
def list_handoffs(request: Request, _: StaffDep,
                  status: Annotated[Literal["open", "taken", "done"], Query()] = "open") -> list[HandoffView]:
    return _desk(request).listing(status)


@router.post("/{handoff_id}/take", response_model=HandoffView, summary="Take a request (staff)")
def take_handoff(handoff_id: int, request: Request, clerk: StaffDep) -> HandoffView:
    return _move(request, handoff_id, "taken", clerk.name or "staff")


@router.post("/{handoff_id}/done", response_model=HandoffView, summary="Mark a request done (staff)")
def finish_handoff(handoff_id: int, request: Request, clerk: StaffDep) -> HandoffView:
    return _move(request, handoff_id, "done", clerk.name or "staff")


def _move(request: Request, handoff_id: int, status: str, clerk: str) -> HandoffView:
    try:
        return _desk(request).move(handoff_id, status, clerk)
    except HandoffNotFound as exc:
        raise HTTPException(404, str(exc)) from exc
