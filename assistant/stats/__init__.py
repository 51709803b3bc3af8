"""Usage statistics from stored events (questions, dossier checks, feedback), for the monthly report."""

from assistant.stats.report import StatsReport
from assistant.stats.service import StatsService

__all__ = ["StatsReport", "StatsService"]
