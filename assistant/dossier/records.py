"""What is kept of a dossier check: an aggregate row for the statistics (procedure, verdict, counts, pages,
duration, channel) — never a file, a name, a number or any other content."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.db.engine import writing
from assistant.db.models import DossierCheckRecord
from assistant.dossier.schemas import DossierCheckResult

__all__ = ["DossierCheckRecord", "DossierRecords"]


class DossierRecords:
    """Aggregate rows of dossier checks in the product database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, result: DossierCheckResult, channel: str, asker: str = "citizen") -> None:
        statuses = [c.status for c in result.components]
        row = DossierCheckRecord(
            channel=channel[:16], procedure_code=result.procedure_code[:64], verdict=result.verdict,
            complete=result.complete, components=len(statuses), present=statuses.count("present"),
            missing=statuses.count("missing"), uncertain=statuses.count("uncertain"), warnings=len(result.warnings),
            files=len(result.files), pages=result.pages, ocr_pages=result.ocr_pages, duration_ms=result.duration_ms,
            asker=asker,
        )
        with writing(self.engine), Session(self.engine) as db:
            db.add(row)
            db.commit()

    def all(self) -> list[DossierCheckRecord]:
        with Session(self.engine) as db:
            return list(db.scalars(select(DossierCheckRecord).order_by(DossierCheckRecord.id)))
