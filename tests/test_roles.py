"""Who may call what: every endpoint against every kind of caller (table-driven), sign-in with CSRF, and the
rule that a claimed channel never raises a request's rights."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.access import role_at_least
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore

PASSWORD = "correct horse battery"
_names = itertools.count()

# (method, path, JSON body, the least role that may call it)
ENDPOINTS: list[tuple[str, str, dict[str, Any] | None, str]] = [
    ("GET", "/healthz", None, "public"),
    ("GET", "/readyz", None, "public"),
    ("GET", "/metrics", None, "public"),
    ("GET", "/api/v1/auth/me", None, "public"),
    ("GET", "/api/v1/search?q=khai%20sinh", None, "public"),
    ("POST", "/api/v1/chat", {"message": "đăng ký khai sinh cần gì", "channel": "kiosk"}, "public"),
    ("GET", "/api/v1/procedures", None, "public"),
    ("GET", "/api/v1/procedures/1.001193", None, "public"),
    ("POST", "/api/v1/dossiers/check", {"procedure_code": "1.001193",
                                        "documents": [{"name": "Tờ khai đăng ký khai sinh"}]}, "public"),
    ("POST", "/api/v1/feedback", {"message_id": "no-such-message", "rating": "up"}, "public"),
    ("GET", "/api/v1/stats", None, "staff"),
    ("GET", "/api/v1/stats?format=csv", None, "staff"),
    ("GET", "/api/v1/sessions/some-session/messages", None, "staff"),
    ("GET", "/api/v1/admin/users", None, "admin"),
    ("POST", "/api/v1/admin/users", {"name": "new-user-{n}", "role": "staff", "password": PASSWORD}, "admin"),
    ("POST", "/api/v1/admin/users/nobody/disable", None, "admin"),
    ("GET", "/api/v1/admin/keys", None, "admin"),
    ("POST", "/api/v1/admin/keys", {"name": "new-key-{n}", "role": "staff"}, "admin"),
    ("DELETE", "/api/v1/admin/keys/no-such-key", None, "admin"),
    ("GET", "/api/v1/admin/audit", None, "admin"),
    ("GET", "/api/v1/admin/index", None, "admin"),
    ("POST", "/api/v1/admin/ingest", None, "admin"),  # no files: 422 for an admin
    ("GET", "/api/v1/admin/ingest/0123456789abcdef0123456789abcdef", None, "admin"),
    ("GET", "/api/v1/handoffs", None, "staff"),
    ("POST", "/api/v1/handoffs/999999/take", None, "staff"),
    ("POST", "/api/v1/handoffs", {"session_id": None, "language": "vi"}, "public"),
    ("GET", "/api/v1/life-events?language=en", None, "public"),
    ("GET", "/api/v1/procedures/1.001193/card?language=ar", None, "public"),
    ("GET", "/api/v1/procedures/1.001193/source?section=components", None, "public"),
    ("POST", "/api/v1/speech", {"text": "Giấy khai sinh", "language": "vi"}, "public"),  # 503 without espeak-ng
    ("GET", "/kiosk", None, "public"),
    ("GET", "/staff", None, "public"),  # the page itself; what it shows needs a sign-in
    ("GET", "/p/1.001193", None, "public"),
]
#: Answers that mean "allowed, but this request cannot be served as sent" for the rows above.
SERVED_OTHERWISE = {("POST", "/api/v1/admin/ingest"): 422, ("POST", "/api/v1/speech"): 503}
CALLERS = ["anonymous", "staff_key", "admin_key", "staff_session", "admin_session"]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from tests.conftest import BIRTH, RESIDENCE, write_pack

    root = tmp_path_factory.mktemp("roles")
    settings = Settings(data_dir=root / "var", embedding_model="hashing", rate_limit_public="100000/minute",
                        rate_limit_key="100000/minute", rate_limit_login="100000/minute",
                        rate_limit_dossier="100000/minute")
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([write_pack(root / "pack", [BIRTH, RESIDENCE])])
    app = create_app(settings, HashingEmbedder())
    access = app.state.access
    access.users.add("staffer", "staff", PASSWORD, actor="test")
    access.users.add("boss", "admin", PASSWORD, actor="test")
    return {"app": app, "staff_key": access.keys.create("staff-key", "staff", actor="test").key,
            "admin_key": access.keys.create("admin-key", "admin", actor="test").key}


def client_for(service: dict[str, Any], caller: str) -> tuple[TestClient, dict[str, str]]:
    """A client acting as ``caller`` and the headers its writes need."""
    client = TestClient(service["app"])
    if caller.endswith("_key"):
        return client, {"Authorization": f"Bearer {service[caller]}"}
    if caller.endswith("_session"):
        name = "staffer" if caller == "staff_session" else "boss"
        signed_in = client.post("/api/v1/auth/login", json={"name": name, "password": PASSWORD})
        assert signed_in.status_code == 200, signed_in.text
        return client, {"X-CSRF-Token": signed_in.json()["csrf_token"]}
    return client, {}


ROLE_OF = {"anonymous": "public", "staff_key": "staff", "staff_session": "staff", "admin_key": "admin",
           "admin_session": "admin"}


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize(("method", "path", "body", "least"), ENDPOINTS, ids=[f"{m} {p}" for m, p, _, _ in ENDPOINTS])
def test_each_role_on_each_endpoint(service: dict[str, Any], caller: str, method: str, path: str,
                                    body: dict[str, Any] | None, least: str) -> None:
    client, headers = client_for(service, caller)
    payload = {k: v.format(n=next(_names)) if isinstance(v, str) else v for k, v in body.items()} if body else None
    response = client.request(method, path, json=payload, headers=headers)
    if role_at_least(ROLE_OF[caller], least):
        assert response.status_code < 500 and response.status_code not in (401, 403), response.text
        allowed = {200, 201, 204, 404, SERVED_OTHERWISE.get((method, path), 200)}  # 404: the named thing is absent
        assert response.status_code in allowed, response.text
    elif caller == "anonymous":
        assert response.status_code == 401, response.text
        assert response.headers["WWW-Authenticate"] == "Bearer"
    else:
        assert response.status_code == 403, response.text


def test_a_claimed_staff_channel_is_still_a_citizen_request(service: dict[str, Any]) -> None:
    app = service["app"]
    anonymous = TestClient(app)
    key = {"Authorization": f"Bearer {service['staff_key']}"}
    before = anonymous.get("/api/v1/stats", headers=key).json()["totals"]
    for _ in range(2):
        anonymous.post("/api/v1/chat", json={"message": "đăng ký thường trú cần gì", "channel": "staff"})
    anonymous.post("/api/v1/chat", json={"message": "đăng ký thường trú cần gì", "channel": "kiosk"}, headers=key)
    anonymous.post("/api/v1/dossiers/check", json={"procedure_code": "1.001193", "channel": "staff",
                                                   "documents": [{"name": "Giấy chứng sinh"}]})
    after = anonymous.get("/api/v1/stats", headers=key).json()["totals"]
    assert after["citizen_requests"] - before["citizen_requests"] == 2
    assert after["staff_questions"] - before["staff_questions"] == 1
    assert after["dossiers_checked"] - before["dossiers_checked"] == 1


def test_signed_in_writes_need_the_csrf_token(service: dict[str, Any]) -> None:
    client, headers = client_for(service, "admin_session")
    body = {"name": f"csrf-{next(_names)}", "role": "staff"}
    refused = client.post("/api/v1/admin/keys", json=body)
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    assert client.post("/api/v1/admin/keys", json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    assert client.post("/api/v1/admin/keys", json=body, headers=headers).status_code == 201
    assert client.get("/api/v1/admin/keys").status_code == 200  # reads need no token


def test_session_cookie_is_httponly_and_strict(service: dict[str, Any]) -> None:
    response = TestClient(service["app"]).post("/api/v1/auth/login", json={"name": "staffer", "password": PASSWORD})
    cookies = response.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith("motcua_session="))
    assert "HttpOnly" in session and "SameSite=strict" in session
    assert response.json()["csrf_token"] not in session


def test_sign_out_ends_the_session(service: dict[str, Any]) -> None:
    client, headers = client_for(service, "staff_session")
    assert client.get("/api/v1/auth/me").json()["role"] == "staff"
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/v1/auth/me").json()["role"] == "public"
    assert client.get("/api/v1/stats").status_code == 401


@pytest.mark.parametrize("authorization", ["Bearer mck_not-a-real-key", "Bearer ", "Basic dXNlcjpwYXNz", "mck_x"])
def test_bad_credentials_are_401_even_on_public_endpoints(service: dict[str, Any], authorization: str) -> None:
    response = TestClient(service["app"]).get("/api/v1/search", params={"q": "khai sinh"},
                                              headers={"Authorization": authorization})
    assert response.status_code == 401


def test_revoked_keys_and_disabled_accounts_lose_access(service: dict[str, Any]) -> None:
    access = service["app"].state.access
    name = f"temp-{next(_names)}"
    key = access.keys.create(name, "staff", actor="test").key
    client = TestClient(service["app"])
    assert client.get("/api/v1/stats", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    access.keys.revoke(name, actor="test")
    assert client.get("/api/v1/stats", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    access.users.add(name, "staff", PASSWORD, actor="test")
    assert client.post("/api/v1/auth/login", json={"name": name, "password": PASSWORD}).status_code == 200
    access.users.set_disabled(name, True, actor="test")
    assert client.get("/api/v1/stats").status_code == 401


def test_login_failures_lock_the_account(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, embedding_model="hashing", login_max_failures=3)
    app = create_app(settings, HashingEmbedder())
    app.state.access.users.add("lan", "staff", PASSWORD, actor="test")
    client = TestClient(app)
    for _ in range(3):
        failed = client.post("/api/v1/auth/login", json={"name": "lan", "password": "wrong password"})
        assert failed.status_code == 401 and "lan" not in failed.json()["detail"]
    assert client.post("/api/v1/auth/login", json={"name": "lan", "password": PASSWORD}).status_code == 401
    unknown = client.post("/api/v1/auth/login", json={"name": "nobody", "password": PASSWORD})
    assert unknown.json()["detail"] == failed.json()["detail"]  # no hint that a name exists


def test_admins_manage_accounts_over_the_api(service: dict[str, Any]) -> None:
    client, headers = client_for(service, "admin_key")
    name = f"clerk-{next(_names)}"
    created = client.post("/api/v1/admin/users", json={"name": name, "role": "staff", "password": PASSWORD},
                          headers=headers)
    assert created.status_code == 201 and PASSWORD not in created.text and "hash" not in created.text
    duplicate = client.post("/api/v1/admin/users", json={"name": name, "role": "staff", "password": PASSWORD},
                            headers=headers)
    assert duplicate.status_code == 409
    weak = client.post("/api/v1/admin/users", json={"name": f"{name}x", "role": "staff", "password": "short"},
                       headers=headers)
    assert weak.status_code == 422
    key = client.post("/api/v1/admin/keys", json={"name": name, "role": "staff"}, headers=headers).json()["key"]
    listed = client.get("/api/v1/admin/keys", headers=headers).text
    assert key not in listed and name in listed
    audit = client.get("/api/v1/admin/audit", headers=headers).json()
    assert {"actor": "key:admin-key", "action": "user.add.staff", "target": name} in [
        {k: e[k] for k in ("actor", "action", "target")} for e in audit]


def test_staff_read_a_conversation_the_kiosk_cannot(service: dict[str, Any]) -> None:
    kiosk = TestClient(service["app"])
    answer = kiosk.post("/api/v1/chat", json={"message": "khai sinh cho con, gọi 0912345678"}).json()
    path = f"/api/v1/sessions/{answer['session_id']}/messages"
    assert kiosk.get(path).status_code == 401
    staff = {"Authorization": f"Bearer {service['staff_key']}"}
    messages = kiosk.get(path, headers=staff).json()
    assert len(messages) == 1 and "0912345678" not in messages[0]["question"]
