"""Statistics computed from the stored events: questions (``chat_messages``), dossier checks (``dossier_checks``)
and ratings (``feedback``). Nothing is read from logs, so figures survive restarts and agree across processes.

Days and weeks are those of the configured time zone (Asia/Ho_Chi_Minh by default); a staff question is one asked
with staff or admin credentials (``asker`` column), whatever channel the request claimed."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.db.models import ChatMessage, DossierCheckRecord, Feedback
from assistant.stats.report import FeedbackCounts, Period, StatsReport, TopProcedure, Totals, Unanswered

MAX_DAYS = 366
#: Outcomes that show a gap in the knowledge: nothing found, declined, or unsure enough to ask back.
UNANSWERED_OUTCOMES = ("no_match", "out_of_scope", "clarify")


class StatsRangeError(ValueError):
    pass


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class StatsService:
    def __init__(self, engine: Engine, timezone: str = "Asia/Ho_Chi_Minh",
                 procedure_name: Callable[[str], str | None] | None = None,
                 unanswered_outcomes: Iterable[str] = UNANSWERED_OUTCOMES) -> None:
        self.engine = engine
        self.zone = ZoneInfo(timezone)
        self.procedure_name = procedure_name or (lambda _code: None)
        self.unanswered_outcomes = tuple(unanswered_outcomes)

    def default_range(self) -> tuple[dt.date, dt.date]:
        """The last 30 days, today included."""
        today = dt.datetime.now(self.zone).date()
        return today - dt.timedelta(days=29), today

    def report(self, start: dt.date, end: dt.date, top: int = 20, unanswered_limit: int = 100) -> StatsReport:
        if end < start:
            raise StatsRangeError("'from' is after 'to'")
        if (end - start).days + 1 > MAX_DAYS:
            raise StatsRangeError(f"a report covers at most {MAX_DAYS} days")
        lower = dt.datetime.combine(start, dt.time(), self.zone).astimezone(dt.UTC)
        upper = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), self.zone).astimezone(dt.UTC)
        with Session(self.engine) as db:
            messages = db.execute(
                select(ChatMessage.created_at, ChatMessage.asker, ChatMessage.language, ChatMessage.channel,
                       ChatMessage.outcome, ChatMessage.procedure_code)
                .where(ChatMessage.created_at >= lower, ChatMessage.created_at < upper)).all()
            checks = db.execute(
                select(DossierCheckRecord.created_at, DossierCheckRecord.complete, DossierCheckRecord.verdict,
                       DossierCheckRecord.procedure_code, DossierCheckRecord.channel)
                .where(DossierCheckRecord.created_at >= lower, DossierCheckRecord.created_at < upper)).all()
            unanswered = db.execute(
                select(ChatMessage.question, ChatMessage.outcome, ChatMessage.language, ChatMessage.created_at)
                .where(ChatMessage.created_at >= lower, ChatMessage.created_at < upper,
                       ChatMessage.outcome.in_(self.unanswered_outcomes))).all()
            ratings = db.execute(
                select(Feedback.rating, Feedback.comment, Feedback.created_at)
                .where(Feedback.created_at >= lower, Feedback.created_at < upper)
                .order_by(Feedback.created_at.desc())).all()
        days = self._periods(messages, checks, start, end)
        return StatsReport(
            from_=start, to=end, timezone=str(self.zone), totals=self._sum(days.values()),
            by_day=list(days.values()), by_week=self._weeks(days),
            by_language=dict(Counter(m.language for m in messages).most_common()),
            by_channel=dict(Counter([m.channel for m in messages] + [c.channel for c in checks]).most_common()),
            by_outcome=dict(Counter(m.outcome for m in messages).most_common()),
            by_verdict=dict(Counter(c.verdict for c in checks).most_common()),
            top_procedures=self._top(messages, checks, top),
            unanswered=self._unanswered(unanswered, unanswered_limit),
            feedback=FeedbackCounts(up=sum(r.rating == "up" for r in ratings),
                                    down=sum(r.rating == "down" for r in ratings),
                                    comments=[r.comment for r in ratings if r.comment][:50]),
        )

    def _local_day(self, moment: dt.datetime) -> dt.date:
        return _utc(moment).astimezone(self.zone).date()

    def _periods(self, messages: Sequence[Any], checks: Sequence[Any], start: dt.date,
                 end: dt.date) -> dict[dt.date, Period]:
        days = {start + dt.timedelta(days=n): Period(period=(start + dt.timedelta(days=n)).isoformat())
                for n in range((end - start).days + 1)}
        for message in messages:
            day = days.get(self._local_day(message.created_at))
            if day is None:
                continue
            if message.asker == "staff":
                day.staff_questions += 1
            else:
                day.citizen_requests += 1
        for check in checks:
            day = days.get(self._local_day(check.created_at))
            if day is not None:
                day.dossiers_checked += 1
                day.dossiers_complete += int(bool(check.complete))
        return days

    @staticmethod
    def _sum(periods: Iterable[Totals]) -> Totals:
        total = Totals()
        for period in periods:
            total.staff_questions += period.staff_questions
            total.citizen_requests += period.citizen_requests
            total.dossiers_checked += period.dossiers_checked
            total.dossiers_complete += period.dossiers_complete
        return total

    def _weeks(self, days: dict[dt.date, Period]) -> list[Period]:
        grouped: dict[str, list[Period]] = defaultdict(list)
        for day, period in days.items():
            grouped[_week(day)].append(period)
        return [Period(period=week, **self._sum(periods).model_dump()) for week, periods in grouped.items()]

    def _top(self, messages: Sequence[Any], checks: Sequence[Any], top: int) -> list[TopProcedure]:
        asked = Counter(m.procedure_code for m in messages if m.procedure_code)
        checked = Counter(c.procedure_code for c in checks if c.procedure_code)
        ranked = sorted(set(asked) | set(checked), key=lambda code: (-(asked[code] + checked[code]), code))
        return [TopProcedure(code=code, name=self.procedure_name(code), questions=asked[code],
                             dossiers_checked=checked[code]) for code in ranked[:top]]

    @staticmethod
    def _unanswered(rows: Sequence[Any], limit: int) -> list[Unanswered]:
        groups: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            groups[" ".join(row.question.lower().split())].append(row)
        found = [Unanswered(question=items[-1].question, count=len(items),
                            outcomes=dict(Counter(r.outcome for r in items)),
                            languages=dict(Counter(r.language for r in items)),
                            last_asked=max(_utc(r.created_at) for r in items))
                 for items in groups.values()]
        found.sort(key=lambda u: (-u.count, -u.last_asked.timestamp()))
        return found[:limit]
