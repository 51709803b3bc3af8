"""The shape of a statistics report (``GET /api/v1/stats``)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class Totals(BaseModel):
    staff_questions: int = Field(0, description="Questions asked with staff or admin credentials.")
    citizen_requests: int = Field(0, description="Questions asked by everyone else (kiosk, public web, no key).")
    dossiers_checked: int = 0
    dossiers_complete: int = 0


class Period(Totals):
    """Totals of one day (``period`` = YYYY-MM-DD) or one ISO week (``period`` = YYYY-Www)."""

    period: str


class TopProcedure(BaseModel):
    code: str
    name: str | None
    questions: int
    dossiers_checked: int


class Unanswered(BaseModel):
    """A question the assistant could not answer well, redacted, grouped by its wording."""

    question: str
    count: int
    outcomes: dict[str, int]
    languages: dict[str, int]
    last_asked: dt.datetime


class FeedbackCounts(BaseModel):
    up: int = 0
    down: int = 0
    comments: list[str] = Field(default_factory=list, description="The newest comments, redacted.")


class StatsReport(BaseModel):
    from_: dt.date = Field(alias="from", serialization_alias="from")
    to: dt.date
    timezone: str
    totals: Totals
    by_day: list[Period]
    by_week: list[Period]
    by_language: dict[str, int]
    by_channel: dict[str, int]
    by_outcome: dict[str, int]
    by_verdict: dict[str, int] = Field(description="Dossier checks by verdict.")
    top_procedures: list[TopProcedure]
    unanswered: list[Unanswered]
    feedback: FeedbackCounts

    model_config = {"populate_by_name": True}
