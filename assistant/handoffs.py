""""Ask a clerk": a kiosk hands its conversation to the staff queue. The citizen gets a ticket number (on screen and
on the printout); a clerk takes the request, reads the conversation so far and marks it done."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.db.engine import writing
from assistant.db.models import Handoff, now

STATUSES = ("open", "taken", "done")


class HandoffView(BaseModel):
    id: int
    ticket: str
    session_id: str | None
    language: str
    status: str
    created_at: dt.datetime
    taken_by: str | None = None


class HandoffNotFound(LookupError):
    pass


def _view(row: Handoff) -> HandoffView:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.UTC)
    return HandoffView(id=row.id, ticket=row.ticket, session_id=row.session_id, language=row.language,
                       status=row.status, created_at=created, taken_by=row.taken_by)


class HandoffDesk:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def open(self, session_id: str | None, language: str) -> HandoffView:
        with writing(self.engine), Session(self.engine) as db:
            row = Handoff(ticket="", session_id=session_id, language=language[:8], status="open")
            db.add(row)
            db.flush()
            row.ticket = f"A-{(row.id - 1) % 999 + 1:03d}"  # short enough to call out; repeats after 999
            db.commit()
            return _view(row)

    def listing(self, status: str = "open", limit: int = 500) -> list[HandoffView]:
        """The oldest first (the queue's order)."""
        with Session(self.engine) as db:
            rows = db.scalars(select(Handoff).where(Handoff.status == status).order_by(Handoff.id).limit(limit))
            return [_view(row) for row in rows]

    def move(self, handoff_id: int, status: str, clerk: str) -> HandoffView:
        """Take (``taken``) or finish (``done``) a request, as ``clerk``."""
        with writing(self.engine), Session(self.engine) as db:
            row = db.get(Handoff, handoff_id)
            if row is None:
                raise HandoffNotFound(f"no request {handoff_id}")
            row.status, row.taken_by, row.updated_at = status, clerk[:64], now()
            db.commit()
            return _view(row)
