"""What is kept of a dossier check: an aggregate row for the statistics (procedure, verdict, counts, pages,
duration, channel) — never a file, a name, a number or any other content."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant.answers.storage import Base
from assistant.dossier.schemas import DossierCheckResult


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DossierCheckRecord(Base):
    __tablename__ = "dossier_checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    procedure_code: Mapped[str] = mapped_column(String(64), index=True)
    verdict: Mapped[str] = mapped_column(String(16))
    complete: Mapped[bool] = mapped_column(Boolean)
    components: Mapped[int] = mapped_column(Integer)
    present: Mapped[int] = mapped_column(Integer)
    missing: Mapped[int] = mapped_column(Integer)
    uncertain: Mapped[int] = mapped_column(Integer)
    warnings: Mapped[int] = mapped_column(Integer)
    files: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    ocr_pages: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer)


class DossierRecords:
    """Aggregate rows of dossier checks in the product database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        Base.metadata.create_all(engine, tables=[DossierCheckRecord.__table__])  # type: ignore[list-item]

    def record(self, result: DossierCheckResult, channel: str) -> None:
        statuses = [c.status for c in result.components]
        row = DossierCheckRecord(
            channel=channel[:16], procedure_code=result.procedure_code[:64], verdict=result.verdict,
            complete=result.complete, components=len(statuses), present=statuses.count("present"),
            missing=statuses.count("missing"), uncertain=statuses.count("uncertain"), warnings=len(result.warnings),
            files=len(result.files), pages=result.pages, ocr_pages=result.ocr_pages, duration_ms=result.duration_ms,
        )
        with Session(self.engine) as db:
            db.add(row)
            db.commit()

    def all(self) -> list[DossierCheckRecord]:
        with Session(self.engine) as db:
            return list(db.scalars(select(DossierCheckRecord).order_by(DossierCheckRecord.id)))
