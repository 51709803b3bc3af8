"""One ASGI middleware around every request: timing and Prometheus figures per route, one structured log line,
and the security headers. Pure ASGI (not ``BaseHTTPMiddleware``) so streamed answers pass through untouched."""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.metrics import REQUEST_SECONDS, REQUESTS

log = logging.getLogger("motcua.request")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
    "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(self), microphone=(self)",
}


def route_of(scope: Scope) -> str:
    """The route template that served the request (``unmatched`` for a 404 of no route)."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class ObservedRequests:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if scope["path"].startswith("/api/") and "cache-control" not in headers:
                    headers["Cache-Control"] = "no-store"  # answers may hold a citizen's words
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            self._observe(scope, status, time.perf_counter() - started)

    @staticmethod
    def _observe(scope: Scope, status: int, seconds: float) -> None:
        method, route = scope["method"], route_of(scope)
        REQUEST_SECONDS.labels(method=method, route=route).observe(seconds)
        REQUESTS.labels(method=method, route=route, status=str(status)).inc()
        state: dict[str, Any] = scope.get("state") or {}
        principal = state.get("principal")
        log.info("request", extra={
            "method": method, "route": route, "status": status, "duration_ms": round(seconds * 1000, 1),
            "outcome": state.get("outcome"), "role": getattr(principal, "role", "public"),
        })
