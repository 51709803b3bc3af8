"""What operators see: Prometheus metrics by route template, the request id and security headers on every
response, CORS closed unless configured, one JSON log line per request without the citizen's words, readiness of
the index and the database apart, and /metrics behind a staff key when it is not public."""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.logs import JsonFormatter
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore

QUESTION = "đăng ký khai sinh cần giấy tờ gì"
PHONE = "0912345678"
DOSSIER = {"procedure_code": "1.001193", "documents": [{"name": "Tờ khai đăng ký khai sinh"}]}
FAMILIES = ("motcua_http_request_duration_seconds", "motcua_http_requests_total", "motcua_answers_total",
            "motcua_dossier_checks_total", "motcua_ocr_pages_total", "motcua_rate_limited_total",
            "motcua_index_records", "motcua_index_info")
#: The test client's own loggers: they write the URL the test asked for (the server never sees those records).
CLIENT_LOGGERS = ("httpx", "httpx2")


def _app(settings: Settings, tiny_pack: Path | None = None, **changes: Any) -> FastAPI:
    changed = settings.model_copy(update=changes)
    if tiny_pack is not None:
        Ingestor(IndexStore(changed.index_root), HashingEmbedder()).run([tiny_pack])
    return create_app(changed, HashingEmbedder())


@pytest.fixture
def app(settings: Settings, tiny_pack: Path) -> FastAPI:
    return _app(settings, tiny_pack)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def _staff_key(app: FastAPI) -> str:
    key: str = app.state.access.keys.create("scraper", "staff", actor="test").key
    return key


def _csp(headers: Mapping[str, str]) -> dict[str, list[str]]:
    """The Content-Security-Policy as directive → sources."""
    directives: dict[str, list[str]] = {}
    for part in headers["Content-Security-Policy"].split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def _samples(exposed: str, name: str) -> list[str]:
    return [line for line in exposed.splitlines() if line.startswith((name + "{", name + " "))]


# --- metrics --------------------------------------------------------------------------------------------------------


def test_metrics_name_every_family_after_some_activity(client: TestClient) -> None:
    assert client.post("/api/v1/chat", json={"message": QUESTION}).status_code == 200
    assert client.get("/api/v1/search", params={"q": "khai sinh"}).status_code == 200
    assert client.post("/api/v1/dossiers/check", json=DOSSIER).status_code == 200
    assert client.get("/api/v1/procedures/1.001193").status_code == 200
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    exposed = response.text
    for family in FAMILIES:
        assert f"# TYPE {family} " in exposed, family
    histogram = "motcua_http_request_duration_seconds"
    for suffix in ("_bucket", "_count", "_sum"):
        assert _samples(exposed, histogram + suffix), suffix
    assert any('route="/api/v1/chat"' in line and 'method="POST"' in line
               for line in _samples(exposed, "motcua_http_requests_total"))
    assert any('outcome="answered"' in line and 'asker="citizen"' in line
               for line in _samples(exposed, "motcua_answers_total"))
    assert _samples(exposed, "motcua_dossier_checks_total")
    assert _samples(exposed, "motcua_ocr_pages_total")
    assert _samples(exposed, "motcua_index_records") == ["motcua_index_records 2.0"]
    assert any('embedding_model="hashing' in line and line.endswith(" 1.0")
               for line in _samples(exposed, "motcua_index_info"))


def test_metric_routes_are_templates_never_paths(client: TestClient) -> None:
    client.get("/api/v1/procedures/1.001193")
    client.get(f"/api/v1/no-such-thing/{PHONE}")
    exposed = client.get("/metrics").text
    routes = set(re.findall(r'route="([^"]*)"', exposed))
    assert "/api/v1/procedures/{code}" in routes
    assert "unmatched" in routes, "a path no route serves is counted under one label"
    assert "1.001193" not in exposed and PHONE not in exposed
    assert all(route == "unmatched" or route.startswith("/") for route in routes)


def test_metrics_need_a_staff_key_when_not_public(settings: Settings, tiny_pack: Path) -> None:
    app = _app(settings, tiny_pack, metrics_public=False)
    client = TestClient(app)
    refused = client.get("/metrics")
    assert refused.status_code == 401 and refused.headers["WWW-Authenticate"] == "Bearer"
    assert "motcua_" not in refused.text
    assert client.get("/metrics", headers={"Authorization": "Bearer mck_unknown"}).status_code == 401
    allowed = client.get("/metrics", headers={"Authorization": f"Bearer {_staff_key(app)}"})
    assert allowed.status_code == 200 and "# TYPE motcua_http_requests_total counter" in allowed.text


# --- headers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [("GET", "/healthz", None, 200), ("GET", "/readyz", None, 200), ("GET", "/metrics", None, 200),
     ("GET", "/api/v1/search?q=khai+sinh", None, 200), ("GET", "/api/v1/search", None, 422),
     ("POST", "/api/v1/chat", {"message": QUESTION}, 200), ("GET", "/api/v1/procedures/9.999999", None, 404),
     ("GET", "/api/v1/stats", None, 401), ("GET", "/no-such-page", None, 404)],
)
def test_every_response_has_a_request_id_and_the_security_headers(client: TestClient, method: str, path: str,
                                                                   body: dict[str, str] | None, status: int) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == status
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])
    csp = _csp(response.headers)
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    if path.startswith("/api/"):
        assert response.headers["Cache-Control"] == "no-store"


def test_each_request_gets_its_own_id(client: TestClient) -> None:
    ids = {client.get("/healthz").headers["X-Request-ID"] for _ in range(3)}
    assert len(ids) == 3


def test_a_valid_incoming_request_id_is_echoed(client: TestClient) -> None:
    incoming = uuid.uuid4().hex
    response = client.get("/healthz", headers={"X-Request-ID": incoming})
    assert response.headers["X-Request-ID"] == incoming
    assert response.headers.get_list("X-Request-ID") == [incoming], "one id, not two"


@pytest.mark.parametrize("incoming", ["not-a-uuid", "x" * 32, "<script>alert(1)</script>", "1" * 200])
def test_an_invalid_incoming_request_id_is_replaced(client: TestClient, incoming: str) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": incoming})
    answered = response.headers["X-Request-ID"]
    assert answered != incoming and re.fullmatch(r"[0-9a-f]{32}", answered)


def test_streamed_answers_are_not_stored_by_caches(client: TestClient) -> None:
    response = client.post("/api/v1/chat/stream", json={"message": QUESTION})
    assert response.status_code == 200 and "event: done" in response.text
    assert "no-store" in response.headers["Cache-Control"], "a streamed answer holds the citizen's words too"


# --- CORS ---------------------------------------------------------------------------------------------------------


def _preflight(client: TestClient, origin: str) -> tuple[int, Mapping[str, str]]:
    """The status and headers of a CORS preflight of a chat question from ``origin``."""
    headers = {"Origin": origin, "Access-Control-Request-Method": "POST",
               "Access-Control-Request-Headers": "content-type"}
    response = client.options("/api/v1/chat", headers=headers)
    return response.status_code, response.headers


def test_cors_is_closed_by_default(client: TestClient) -> None:
    for origin in ("https://evil.example", "https://portal.example"):
        assert "Access-Control-Allow-Origin" not in _preflight(client, origin)[1]
        simple = client.get("/api/v1/search", params={"q": "khai sinh"}, headers={"Origin": origin})
        assert simple.status_code == 200 and "Access-Control-Allow-Origin" not in simple.headers
        assert "Access-Control-Allow-Credentials" not in simple.headers


def test_cors_allows_only_the_configured_origins(settings: Settings, tiny_pack: Path) -> None:
    client = TestClient(_app(settings, tiny_pack, cors_origins="https://portal.example"))
    status, allowed = _preflight(client, "https://portal.example")
    assert status == 200
    assert allowed["Access-Control-Allow-Origin"] == "https://portal.example"
    assert allowed["Access-Control-Allow-Credentials"] == "true"
    assert "POST" in allowed["Access-Control-Allow-Methods"]
    simple = client.get("/api/v1/search", params={"q": "khai sinh"}, headers={"Origin": "https://portal.example"})
    assert simple.headers["Access-Control-Allow-Origin"] == "https://portal.example"
    assert "x-request-id" in simple.headers["Access-Control-Expose-Headers"].lower()
    for origin in ("https://evil.example", "https://portal.example.evil.example", "http://portal.example"):
        assert "Access-Control-Allow-Origin" not in _preflight(client, origin)[1], origin
        other = client.get("/api/v1/search", params={"q": "khai sinh"}, headers={"Origin": origin})
        assert "Access-Control-Allow-Origin" not in other.headers, origin


# --- the request log line -----------------------------------------------------------------------------------------


def _request_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    """The request log lines, formatted as they were emitted (inside the request, where its id is known)."""
    lines = [json.loads(line) for line in caplog.text.splitlines() if line.strip()]
    return [line for line in lines if line["logger"] == "motcua.request"]


def test_one_json_log_line_per_request(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.setFormatter(JsonFormatter())
    with caplog.at_level(logging.INFO):
        response = client.post("/api/v1/chat", json={"message": QUESTION})
    assert response.status_code == 200
    [line] = _request_lines(caplog)
    assert line["request_id"] == response.headers["X-Request-ID"]
    assert line["level"] == "info" and line["msg"] == "request"
    assert line["method"] == "POST" and line["route"] == "/api/v1/chat" and line["status"] == 200
    assert isinstance(line["duration_ms"], int | float) and line["duration_ms"] >= 0
    assert line["outcome"] == "answered" and line["role"] == "public"


def test_the_log_line_carries_the_route_template(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.setFormatter(JsonFormatter())
    with caplog.at_level(logging.INFO):
        client.get("/api/v1/procedures/1.001193")
        client.get(f"/api/v1/no-such-thing/{PHONE}")
    first, second = _request_lines(caplog)
    assert (first["route"], first["status"]) == ("/api/v1/procedures/{code}", 200)
    assert (second["route"], second["status"]) == ("unmatched", 404)
    served = [r for r in caplog.records if r.name.split(".")[0] not in CLIENT_LOGGERS]
    assert served and all(r.name == "motcua.request" for r in served)
    for record in served:
        written = JsonFormatter().format(record)
        assert "1.001193" not in written and PHONE not in written


def test_the_log_line_names_a_staff_caller(app: FastAPI, caplog: pytest.LogCaptureFixture) -> None:
    key = _staff_key(app)
    caplog.handler.setFormatter(JsonFormatter())
    with caplog.at_level(logging.INFO):
        TestClient(app).get("/api/v1/search", params={"q": "khai sinh"}, headers={"Authorization": f"Bearer {key}"})
    [line] = _request_lines(caplog)
    assert line["role"] == "staff" and line["outcome"] is None
    assert key not in caplog.text and key[:12] not in caplog.text


def test_no_request_id_outside_a_request() -> None:
    record = logging.LogRecord("motcua.test", logging.INFO, __file__, 1, "hello %s", ("world",), None)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["msg"] == "hello world" and "request_id" not in entry


@pytest.mark.parametrize("path", ["/api/v1/chat", "/api/v1/chat/stream"])
def test_questions_are_not_logged(client: TestClient, caplog: pytest.LogCaptureFixture, path: str) -> None:
    question = f"{QUESTION}? số điện thoại của tôi là {PHONE}"
    with caplog.at_level(logging.DEBUG):
        response = client.post(path, json={"message": question})
    assert response.status_code == 200
    kept = [record for record in caplog.records if record.levelno >= logging.INFO]
    assert any(record.name == "motcua.request" for record in kept)
    for record in kept:
        everything = f"{record.getMessage()} {vars(record)!r} {JsonFormatter().format(record)}"
        for secret in (PHONE, QUESTION, "điện thoại"):
            assert secret not in everything, f"{record.name}: {secret!r} was logged"


# --- readiness ----------------------------------------------------------------------------------------------------


def test_readyz_reports_index_and_database(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["index"]["ready"] is True and body["index"]["records"] == 2 and body["index"]["version"]
    assert body["database"]["ready"] is True and body["database"]["backend"] == "sqlite"


def test_readyz_without_an_index(settings: Settings) -> None:
    response = TestClient(_app(settings)).get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not_ready"
    assert body["index"]["ready"] is False and "ingest" in body["index"]["detail"]
    assert body["database"]["ready"] is True


def test_readyz_waits_for_the_warm_up(settings: Settings, tiny_pack: Path) -> None:
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([tiny_pack])
    app = create_app(settings, HashingEmbedder())
    app.state.runtime.loading = True  # what a serving worker's start-up sets until the model is loaded
    client = TestClient(app)
    waiting = client.get("/readyz")
    assert waiting.status_code == 503 and "loading" in waiting.json()["index"]["detail"]
    app.state.runtime.warm_up()
    assert client.get("/readyz").status_code == 200
