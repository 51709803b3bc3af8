"""Statistics from stored events: counts after scripted activity (both databases), days in the local time zone,
survival across a restart, CSV export, unanswered questions redacted and grouped."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from api.app import create_app
from assistant.db.engine import make_engine
from assistant.db.migrate import upgrade
from assistant.db.models import ChatMessage, ChatSession, DossierCheckRecord, Feedback
from assistant.stats.csv_export import report_csv
from assistant.stats.service import StatsRangeError, StatsService
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore

UTC = dt.UTC


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def _message(db: Session, n: int, at: dt.datetime, asker: str, outcome: str = "answered", language: str = "vi",
             channel: str = "kiosk", code: str | None = "1.001193", question: str = "khai sinh") -> None:
    session_id = f"s{n}"
    db.add(ChatSession(id=session_id, channel=channel, created_at=at))
    db.flush()
    db.add(ChatMessage(id=f"m{n}", session_id=session_id, created_at=at, channel=channel, language=language,
                       question=question, outcome=outcome, intent=None, procedure_code=code, asker=asker))
    db.flush()


def _check(db: Session, at: dt.datetime, complete: bool, code: str = "1.001193") -> None:
    db.add(DossierCheckRecord(created_at=at, channel="api", procedure_code=code, verdict="complete" if complete
                              else "incomplete", complete=complete, components=3, present=3 if complete else 1,
                              missing=0 if complete else 2, uncertain=0, warnings=0, files=1, pages=1, ocr_pages=0,
                              duration_ms=5))


def _script(engine: Engine) -> None:
    """Three days of activity around Vietnam's midnight (UTC+7): 2026-11-30 17:30 UTC is 1 December 00:30."""
    with Session(engine) as db:
        _message(db, 1, dt.datetime(2026, 11, 30, 16, 30, tzinfo=UTC), "citizen")  # 30 Nov 23:30 local
        _message(db, 2, dt.datetime(2026, 11, 30, 17, 30, tzinfo=UTC), "citizen", language="en")  # 1 Dec 00:30
        _message(db, 3, dt.datetime(2026, 12, 1, 3, 0, tzinfo=UTC), "staff", channel="staff")
        _message(db, 4, dt.datetime(2026, 12, 1, 4, 0, tzinfo=UTC), "citizen", outcome="no_match", code=None,
                 question="Thủ tục xin giấy phép nuôi rồng")
        _message(db, 5, dt.datetime(2026, 12, 2, 4, 0, tzinfo=UTC), "citizen", outcome="no_match", code=None,
                 question="thủ tục xin giấy phép nuôi  RỒNG")
        _message(db, 6, dt.datetime(2026, 12, 2, 5, 0, tzinfo=UTC), "citizen", outcome="out_of_scope", code=None,
                 question="thời tiết hôm nay", language="vi")
        _message(db, 7, dt.datetime(2026, 12, 10, 5, 0, tzinfo=UTC), "staff")  # outside the range
        _check(db, dt.datetime(2026, 12, 1, 2, 0, tzinfo=UTC), complete=True)
        _check(db, dt.datetime(2026, 12, 2, 2, 0, tzinfo=UTC), complete=False, code="1.004222")
        db.flush()
        db.add(Feedback(message_id="m2", rating="up", created_at=dt.datetime(2026, 12, 1, 1, 0, tzinfo=UTC)))
        db.add(Feedback(message_id="m4", rating="down", comment="không có thủ tục này",
                        created_at=dt.datetime(2026, 12, 1, 5, 0, tzinfo=UTC)))
        db.commit()


def test_counts_after_scripted_activity(engine: Engine) -> None:
    _script(engine)
    report = StatsService(engine, "Asia/Ho_Chi_Minh").report(dt.date(2026, 12, 1), dt.date(2026, 12, 3))
    assert report.totals.model_dump() == {"staff_questions": 1, "citizen_requests": 4, "dossiers_checked": 2,
                                          "dossiers_complete": 1}
    days = {d.period: (d.staff_questions, d.citizen_requests, d.dossiers_checked) for d in report.by_day}
    assert days == {"2026-12-01": (1, 2, 1), "2026-12-02": (0, 2, 1), "2026-12-03": (0, 0, 0)}
    assert [w.period for w in report.by_week] == ["2026-W49"]
    assert report.by_language == {"vi": 4, "en": 1}
    assert report.by_outcome == {"answered": 2, "no_match": 2, "out_of_scope": 1}
    assert report.by_verdict == {"complete": 1, "incomplete": 1}
    assert report.by_channel["staff"] == 1
    assert report.top_procedures[0].code == "1.001193"
    assert (report.top_procedures[0].questions, report.top_procedures[0].dossiers_checked) == (2, 1)
    assert report.feedback.up == 1 and report.feedback.down == 1
    assert report.feedback.comments == ["không có thủ tục này"]
    dragon = report.unanswered[0]  # the same question typed twice is one gap, counted twice
    assert dragon.count == 2 and dragon.outcomes == {"no_match": 2}
    assert {u.question.lower() for u in report.unanswered} >= {"thời tiết hôm nay"}


def test_days_follow_the_configured_time_zone(engine: Engine) -> None:
    _script(engine)
    utc = StatsService(engine, "UTC").report(dt.date(2026, 11, 30), dt.date(2026, 11, 30))
    assert utc.totals.citizen_requests == 2  # both messages before UTC midnight
    local = StatsService(engine, "Asia/Ho_Chi_Minh").report(dt.date(2026, 11, 30), dt.date(2026, 11, 30))
    assert local.totals.citizen_requests == 1


def test_bad_ranges_are_refused(engine: Engine) -> None:
    service = StatsService(engine)
    with pytest.raises(StatsRangeError):
        service.report(dt.date(2026, 12, 2), dt.date(2026, 12, 1))
    with pytest.raises(StatsRangeError):
        service.report(dt.date(2024, 1, 1), dt.date(2026, 1, 1))


def test_csv_has_days_weeks_and_totals(engine: Engine) -> None:
    _script(engine)
    report = StatsService(engine).report(dt.date(2026, 11, 30), dt.date(2026, 12, 2))
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert [r["period"] for r in rows] == ["2026-11-30", "2026-12-01", "2026-12-02", "2026-W49",
                                           "total 2026-11-30..2026-12-02"]
    assert rows[-1]["citizen_requests"] == "5" and rows[-1]["dossiers_complete"] == "1"


def test_stats_over_http_survive_a_restart_and_agree_across_processes(settings: Settings, tiny_pack: Path) -> None:
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([tiny_pack])
    first = create_app(settings, HashingEmbedder())
    key = first.state.access.keys.create("reporting", "staff", actor="test").key
    kiosk = TestClient(first)
    asked = [kiosk.post("/api/v1/chat", json={"message": q}).json() for q in
             ("đăng ký khai sinh cần gì", "thủ tục nuôi rồng gọi 0912345678", "đăng ký thường trú ở đâu")]
    kiosk.post("/api/v1/chat", json={"message": "lệ phí khai sinh"}, headers={"Authorization": f"Bearer {key}"})
    kiosk.post("/api/v1/feedback", json={"message_id": asked[0]["message_id"], "rating": "up"})
    kiosk.post("/api/v1/dossiers/check", json={"procedure_code": "1.001193",
                                               "documents": [{"name": "Tờ khai đăng ký khai sinh"}]})
    second = TestClient(create_app(settings, HashingEmbedder()))  # another process, or the same after a restart
    report = second.get("/api/v1/stats", headers={"Authorization": f"Bearer {key}"}).json()
    assert report["totals"] == {"staff_questions": 1, "citizen_requests": 3, "dossiers_checked": 1,
                                "dossiers_complete": 0}
    assert report["feedback"]["up"] == 1
    assert set(report) >= {"from", "to", "totals", "by_day", "by_week", "by_language", "by_channel", "by_outcome",
                           "top_procedures", "unanswered", "feedback"}
    assert "0912345678" not in str(report["unanswered"])
    exported = second.get("/api/v1/stats", params={"format": "csv"}, headers={"Authorization": f"Bearer {key}"})
    assert exported.headers["content-type"].startswith("text/csv")
    assert "attachment" in exported.headers["content-disposition"]
    bad = second.get("/api/v1/stats", params={"from": "2026-12-05", "to": "2026-12-01"},
                     headers={"Authorization": f"Bearer {key}"})
    assert bad.status_code == 422
    assert second.get("/api/v1/stats", params={"from": "yesterday"},
                      headers={"Authorization": f"Bearer {key}"}).status_code == 422
