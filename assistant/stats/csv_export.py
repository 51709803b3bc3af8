"""The statistics as CSV for the monthly report: one row per day, then one per ISO week, then the totals."""

from __future__ import annotations

import csv
import io

from assistant.stats.report import Period, StatsReport

COLUMNS = ("period", "staff_questions", "citizen_requests", "dossiers_checked", "dossiers_complete")


def report_csv(report: StatsReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    rows: list[Period] = [*report.by_day, *report.by_week,
                          Period(period=f"total {report.from_}..{report.to}", **report.totals.model_dump())]
    for row in rows:
        writer.writerow([getattr(row, column) for column in COLUMNS])
    return out.getvalue()
