"""Procedure search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import SearchServiceDep
from assistant.schemas import SearchResponse

router = APIRouter(prefix="/api/v1", tags=["search"])


@router.get("/search", response_model=SearchResponse, summary="Find procedures for a question")
def search(
    service: SearchServiceDep,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="The question or keywords.")],
    k: Annotated[int, Query(ge=1, le=50, description="How many procedures to return.")] = 5,
    language: Annotated[str | None, Query(pattern="^(vi|en|ar|zh|ko|fr)$",
                                          description="Asker's language; detected when absent.")] = None,
) -> SearchResponse:
    """Procedures best matching ``q``, one row per procedure, best first."""
    try:
        return service.search(q, k=k, language=language)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
