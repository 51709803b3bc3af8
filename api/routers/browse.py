"""Browsing procedures by life event (the kiosk's second way in, beside asking)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import LifeEventsDep
from assistant.retrieval.life_events import LifeEvent

router = APIRouter(prefix="/api/v1", tags=["procedures"])


@router.get("/life-events", response_model=list[LifeEvent], summary="Procedures grouped by life event")
def life_events(events: LifeEventsDep, language: Annotated[str, Query(max_length=8)] = "vi") -> list[LifeEvent]:
    """Birth, marriage, death, residence, ID card, business, land, construction, social insurance, vehicles — each
    with the procedures the published index has for it (names in ``language`` where translated)."""
    return events.listing(language)
