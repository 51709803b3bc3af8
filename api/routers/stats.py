"""Statistics for staff and admins: the figures a province reports, as JSON or CSV."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse, Response

from api.deps import StatsServiceDep
from api.security import StaffDep
from assistant.stats.csv_export import report_csv
from assistant.stats.service import StatsRangeError

router = APIRouter(prefix="/api/v1", tags=["statistics"])


@router.get("/stats", summary="Questions, dossier checks and feedback over a period (staff, admin)",
            responses={200: {"content": {"text/csv": {}}}})
def stats(
    _: StaffDep,
    service: StatsServiceDep,
    start: Annotated[dt.date | None, Query(alias="from", description="First day (YYYY-MM-DD); default 29 days "
                                           "before 'to'.")] = None,
    end: Annotated[dt.date | None, Query(alias="to", description="Last day, included; default today.")] = None,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
    top: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Response:
    """Totals, days, ISO weeks, languages, channels, outcomes, top procedures, unanswered questions (redacted,
    grouped) and feedback. Days are those of ``MOTCUA_STATS_TIMEZONE``."""
    end = end or service.default_range()[1]
    start = start or end - dt.timedelta(days=29)
    try:
        report = service.report(start, end, top=top)
    except StatsRangeError as exc:
        raise HTTPException(422, str(exc)) from exc
    if format == "csv":
        filename = f"motcua-stats-{start}-{end}.csv"
        return Response(report_csv(report), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})
    body: dict[str, Any] = report.model_dump(mode="json", by_alias=True)
    return JSONResponse(body)
