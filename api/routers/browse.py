"""Browsing procedures by life event (the kiosk's second way in, beside asking)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from assistant.retrieval.life_events import LifeEvent, LifeEvents

router = APIRouter(prefix="/api/v1", tags=["procedures"])


@router.get("/life-events", response_model=list[LifeEvent], summary="Procedures grouped by life event")
def life_events(request: Request, language: Annotated[str, Query(max_length=8)] = "vi") -> list[LifeEvent]:
    """Birth, marriage, death, residence, ID card, business, land, construction, social insurance, vehicles — each
    with the procedures the published index has for it (names in ``language`` where translated)."""
    events: LifeEvents = request.app.state.life_events
    return events.listing(language)
