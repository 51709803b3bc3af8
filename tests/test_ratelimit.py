"""Rate limits: 429 with Retry-After over a limit, separate counts per client address, per API key, for dossier
checks and for sign-ins; the client address behind trusted proxies; counts shared through Redis; a store that
cannot be reached lets requests through; refusals are counted in Prometheus."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY
from starlette.requests import Request

from api.app import create_app
from api.ratelimit import RateLimiter
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore

REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own; identities are unique per test run
CLOSED_REDIS_URL = "redis://127.0.0.1:1/0"
DOSSIER = {"procedure_code": "1.001193", "documents": [{"name": "Tờ khai đăng ký khai sinh"}]}
SEARCH = ("/api/v1/search", {"q": "khai sinh"})


def _indexed(settings: Settings, tiny_pack: Path, **changes: Any) -> Settings:
    """The settings with these changes, over a data dir holding the tiny pack's index."""
    changed = settings.model_copy(update=changes)
    Ingestor(IndexStore(changed.index_root), HashingEmbedder()).run([tiny_pack])
    return changed


def _search(client: TestClient, **headers: str) -> int:
    path, params = SEARCH
    return client.get(path, params=params, headers=headers).status_code


def _bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def _staff_key(client: TestClient, name: str = "kiosk-gateway") -> str:
    key: str = client.app.state.access.keys.create(name, "staff", actor="test").key  # type: ignore[attr-defined]
    return key


def _refusals(limit: str) -> float:
    return REGISTRY.get_sample_value("motcua_rate_limited_total", {"limit": limit}) or 0.0


def _request(peer: str | None, forwarded: str | None = None) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    scope: dict[str, Any] = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": headers,
                             "client": (peer, 43210) if peer is not None else None}
    return Request(scope)


# --- the public limit ---------------------------------------------------------------------------------------------


def test_over_the_public_limit_is_429_with_retry_after(settings: Settings, tiny_pack: Path) -> None:
    client = TestClient(create_app(_indexed(settings, tiny_pack, rate_limit_public="3/minute"), HashingEmbedder()))
    assert [_search(client) for _ in range(3)] == [200, 200, 200]
    path, params = SEARCH
    refused = client.get(path, params=params)
    assert refused.status_code == 429
    retry_after = refused.headers["Retry-After"]
    assert retry_after.isdigit() and 1 <= int(retry_after) <= 60
    body = refused.json()
    assert set(body) == {"detail"} and isinstance(body["detail"], str) and body["detail"]
    assert client.get("/healthz").status_code == 200, "probes are never throttled"


def test_each_client_address_has_its_own_count(settings: Settings, tiny_pack: Path) -> None:
    app = create_app(_indexed(settings, tiny_pack, rate_limit_public="2/minute"), HashingEmbedder())
    first, second = TestClient(app, client=("203.0.113.10", 5000)), TestClient(app, client=("203.0.113.11", 5000))
    assert [_search(first) for _ in range(3)] == [200, 200, 429]
    assert [_search(second) for _ in range(3)] == [200, 200, 429]


def test_a_trusted_proxy_forwards_the_client_address(settings: Settings, tiny_pack: Path) -> None:
    changed = _indexed(settings, tiny_pack, rate_limit_public="2/minute", trusted_proxies="127.0.0.1")
    proxy = TestClient(create_app(changed, HashingEmbedder()), client=("127.0.0.1", 5000))
    assert [_search(proxy, **{"X-Forwarded-For": "198.51.100.1"}) for _ in range(3)] == [200, 200, 429]
    assert _search(proxy, **{"X-Forwarded-For": "198.51.100.2"}) == 200, "another citizen behind the same proxy"


def test_an_untrusted_peer_cannot_dodge_the_limit_with_x_forwarded_for(settings: Settings, tiny_pack: Path) -> None:
    changed = _indexed(settings, tiny_pack, rate_limit_public="2/minute", trusted_proxies="127.0.0.1")
    client = TestClient(create_app(changed, HashingEmbedder()), client=("203.0.113.20", 5000))
    statuses = [_search(client, **{"X-Forwarded-For": f"198.51.100.{n}"}) for n in range(1, 5)]
    assert statuses == [200, 200, 429, 429]


@pytest.mark.parametrize(
    ("proxies", "peer", "forwarded", "address"),
    [
        ("", "203.0.113.5", "198.51.100.7", "203.0.113.5"),  # no proxies configured: the header is ignored
        ("127.0.0.1", "127.0.0.1", "198.51.100.7", "198.51.100.7"),
        ("127.0.0.1", "203.0.113.5", "198.51.100.7", "203.0.113.5"),  # an untrusted peer's header is ignored
        ("127.0.0.1", "127.0.0.1", None, "127.0.0.1"),  # a trusted proxy that sent no header
        ("127.0.0.1", "127.0.0.1", " , ", "127.0.0.1"),
        ("127.0.0.1", "127.0.0.1", "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the left entry can be forged
        ("127.0.0.1, 10.0.0.0/8", "127.0.0.1", "198.51.100.7, 10.1.2.3", "198.51.100.7"),  # two proxy hops
        ("127.0.0.1, 10.0.0.0/8", "10.9.9.9", "10.1.2.3, 10.4.5.6", "10.1.2.3"),  # all trusted: the first one
        ("127.0.0.1", "testclient", "198.51.100.7", "testclient"),  # a peer that is no IP address is not trusted
        ("::1", "::1", "2001:db8::5", "2001:db8::5"),
        ("127.0.0.1", None, "198.51.100.7", "unknown"),
    ],
)
def test_client_address(settings: Settings, proxies: str, peer: str | None, forwarded: str | None,
                        address: str) -> None:
    limiter = RateLimiter(settings.model_copy(update={"trusted_proxies": proxies}))
    assert limiter.client_address(_request(peer, forwarded)) == address


# --- API keys, dossier checks, sign-ins ----------------------------------------------------------------------------


def test_an_api_key_has_its_own_limit(settings: Settings, tiny_pack: Path) -> None:
    changed = _indexed(settings, tiny_pack, rate_limit_public="2/minute", rate_limit_key="4/minute")
    client = TestClient(create_app(changed, HashingEmbedder()))
    key = _staff_key(client)
    assert [_search(client) for _ in range(3)] == [200, 200, 429]
    before = _refusals("key")
    assert [_search(client, **_bearer(key)) for _ in range(5)] == [200, 200, 200, 200, 429]
    assert _refusals("key") == before + 1
    other = _staff_key(client, "second-gateway")
    assert _search(client, **_bearer(other)) == 200, "each key is counted on its own"


def test_a_wrong_key_is_401_not_a_public_request(settings: Settings, tiny_pack: Path) -> None:
    client = TestClient(create_app(_indexed(settings, tiny_pack, rate_limit_public="1/minute"), HashingEmbedder()))
    assert _search(client, **_bearer("mck_not-a-real-key")) == 401
    assert _search(client) == 200, "the refused key did not use up the address's allowance"


def test_anonymous_dossier_checks_have_a_tighter_limit(settings: Settings, tiny_pack: Path) -> None:
    changed = _indexed(settings, tiny_pack, rate_limit_public="20/minute", rate_limit_dossier="2/minute")
    client = TestClient(create_app(changed, HashingEmbedder()))
    statuses = [client.post("/api/v1/dossiers/check", json=DOSSIER).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = client.post("/api/v1/dossiers/check", json=DOSSIER)
    assert int(refused.headers["Retry-After"]) >= 1 and "detail" in refused.json()
    assert _search(client) == 200, "other endpoints keep the public limit"
    key = _staff_key(client)
    with_key = [client.post("/api/v1/dossiers/check", json=DOSSIER, headers=_bearer(key)).status_code
                for _ in range(4)]
    assert with_key == [200, 200, 200, 200], "staff keys are not held to the anonymous dossier limit"


def test_sign_in_attempts_are_limited(settings: Settings) -> None:
    client = TestClient(create_app(settings.model_copy(update={"rate_limit_login": "3/minute"}), HashingEmbedder()))
    client.app.state.access.users.add("lan.nguyen", "staff", "a long enough passphrase",  # type: ignore[attr-defined]
                                      actor="test")
    wrong = {"name": "lan.nguyen", "password": "not the passphrase"}
    assert [client.post("/api/v1/auth/login", json=wrong).status_code for _ in range(3)] == [401, 401, 401]
    right = {"name": "lan.nguyen", "password": "a long enough passphrase"}
    refused = client.post("/api/v1/auth/login", json=right)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert "motcua_session" not in refused.cookies
    elsewhere = TestClient(client.app, client=("203.0.113.30", 5000))
    assert elsewhere.post("/api/v1/auth/login", json=right).status_code == 200


# --- Redis --------------------------------------------------------------------------------------------------------


@pytest.fixture
def redis_url() -> Iterator[str]:
    """The shared test Redis; the test's keys (which hold its unique identity) are removed afterwards."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except Exception:
        pytest.skip(f"Redis is not reachable at {REDIS_URL} (CI and the dev machine run one)")
    try:
        yield REDIS_URL
    finally:
        client.close()


def _drop_keys(identity: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        for key in client.scan_iter(match=f"*{identity}*"):
            client.delete(key)
    finally:
        client.close()


def test_two_limiters_share_one_count_through_redis(settings: Settings, redis_url: str) -> None:
    shared = settings.model_copy(update={"redis_url": redis_url, "rate_limit_public": "3/minute"})
    first, second = RateLimiter(shared), RateLimiter(shared)  # as two worker processes would hold
    identity = f"test-{uuid.uuid4().hex}"
    try:
        assert first.hit("public", identity) is None
        assert second.hit("public", identity) is None
        assert first.hit("public", identity) is None
        wait = second.hit("public", identity)
        assert wait is not None and 1 <= wait <= 60
        assert first.hit("public", identity) is not None
        assert first.hit("public", f"{identity}-other") is None, "another identity has its own count"
    finally:
        _drop_keys(identity)


def test_two_apps_share_one_count_through_redis(settings: Settings, tiny_pack: Path, redis_url: str) -> None:
    shared = _indexed(settings, tiny_pack, redis_url=redis_url, rate_limit_public="3/minute")
    peer = f"test-{uuid.uuid4().hex}"  # the client address, unique so that runs never share a count
    first = TestClient(create_app(shared, HashingEmbedder()), client=(peer, 5000))
    second = TestClient(create_app(shared, HashingEmbedder()), client=(peer, 5000))
    try:
        assert [_search(first), _search(second), _search(first)] == [200, 200, 200]
        assert _search(second) == 429
        assert _search(first) == 429
    finally:
        _drop_keys(peer)


def test_an_unreachable_store_lets_requests_through(settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    limiter = RateLimiter(settings.model_copy(update={"redis_url": CLOSED_REDIS_URL, "rate_limit_public": "1/minute"}))
    with caplog.at_level(logging.WARNING, logger="motcua.ratelimit"):
        assert [limiter.hit("public", "198.51.100.1") for _ in range(3)] == [None, None, None]
    assert any(r.name == "motcua.ratelimit" and r.levelno == logging.WARNING for r in caplog.records)


def test_an_app_with_an_unreachable_store_still_answers(settings: Settings, tiny_pack: Path) -> None:
    changed = _indexed(settings, tiny_pack, redis_url=CLOSED_REDIS_URL, rate_limit_public="1/minute")
    client = TestClient(create_app(changed, HashingEmbedder()))
    assert [_search(client) for _ in range(3)] == [200, 200, 200]


# --- metrics ------------------------------------------------------------------------------------------------------


def test_refusals_are_counted(settings: Settings, tiny_pack: Path) -> None:
    client = TestClient(create_app(_indexed(settings, tiny_pack, rate_limit_public="1/minute"), HashingEmbedder()))
    before = _refusals("public")
    assert [_search(client) for _ in range(3)] == [200, 429, 429]
    assert _refusals("public") == before + 2
    exposed = client.get("/metrics").text
    assert 'motcua_rate_limited_total{limit="public"}' in exposed
