"""Structured logs: one JSON object per line, with the request id of the request being served.

Only what is safe to keep goes in: the route template (``/api/v1/procedures/{code}``), never a path or a query
string with a citizen's words in it; questions are never logged at info level. Messages and tracebacks still pass
through the redaction of personal numbers and addresses, in case a library puts a value in one."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from asgi_correlation_id import correlation_id

from assistant.redact import redact

#: Attributes every ``LogRecord`` has; anything else passed in ``extra=`` is written as a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        request_id = correlation_id.get()
        if request_id:
            entry["request_id"] = request_id
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            entry["error"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(level: str = "info", fmt: str = "json") -> None:
    """Send the product's and the server's logs to stderr in one format; the server's own access log is replaced by
    the request line of ``api.middleware``."""
    handler = logging.StreamHandler()
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True
