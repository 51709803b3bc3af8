"""Prometheus metrics through the standard client library.

Several worker processes (``motcua serve --workers N``) share their figures through the client's multiprocess mode:
``serve`` points ``PROMETHEUS_MULTIPROC_DIR`` at an empty folder before the workers start, and ``/metrics`` then
adds up every worker's files. Without it (one process, tests) the default registry is used."""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

REQUEST_SECONDS = Histogram("motcua_http_request_duration_seconds", "Time to answer an HTTP request, by route.",
                            ["method", "route"], buckets=LATENCY_BUCKETS)
REQUESTS = Counter("motcua_http_requests_total", "HTTP requests answered, by route and status.",
                   ["method", "route", "status"])
ANSWERS = Counter("motcua_answers_total", "Chat answers by outcome, language and asker (citizen or staff).",
                  ["outcome", "language", "asker"])
DOSSIER_CHECKS = Counter("motcua_dossier_checks_total", "Dossier checks by verdict.", ["verdict"])
OCR_PAGES = Counter("motcua_ocr_pages_total", "Dossier pages read by OCR.")
RATE_LIMITED = Counter("motcua_rate_limited_total", "Requests refused with 429, by limit.", ["limit"])
LOGINS = Counter("motcua_logins_total", "Sign-in attempts by result.", ["result"])
INDEX_RECORDS = Gauge("motcua_index_records", "Procedure records in the published index.",
                      multiprocess_mode="mostrecent")
INDEX_INFO = Gauge("motcua_index_info", "The published index version and its embedding model (value 1).",
                   ["version", "embedding_model"], multiprocess_mode="mostrecent")


_shown_index: tuple[str, str] | None = None


def set_index(version: str, embedding_model: str, records: int) -> None:
    """Publish the serving index; the previous version's info series drops to 0 (labels cannot be removed in
    multiprocess mode)."""
    global _shown_index
    INDEX_RECORDS.set(records)
    if _shown_index is not None and _shown_index != (version, embedding_model):
        INDEX_INFO.labels(version=_shown_index[0], embedding_model=_shown_index[1]).set(0)
    INDEX_INFO.labels(version=version, embedding_model=embedding_model).set(1)
    _shown_index = (version, embedding_model)


def exposition() -> tuple[bytes, str]:
    """The metrics text of this process, or of all workers in multiprocess mode."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST


def worker_exit(pid: int) -> None:
    """Drop a finished worker's live gauges (multiprocess mode only)."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(pid)
