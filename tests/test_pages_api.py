"""What the pages call: the answer card, life events, speech, "ask a clerk", admin ingestion jobs, the pages
themselves (served in every language, Arabic right to left, no asset from another host)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings


@pytest.fixture(scope="module")
def app(bundled_pack_settings: Settings):  # type: ignore[no-untyped-def]
    return create_app(bundled_pack_settings, HashingEmbedder())


@pytest.fixture
def client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app)


def _key(app, role: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    name = f"{role}-{time.time_ns()}"
    return {"Authorization": f"Bearer {app.state.access.keys.create(name, role, actor='test').key}"}


def test_card_has_documents_time_fee_place_and_vietnamese_names(client: TestClient) -> None:
    card = client.get("/api/v1/procedures/1.001193/card", params={"language": "en"}).json()
    assert card["translated"] and card["name"] != card["name_vi"]
    assert len(card["documents"]) >= 3 and all(d["name_vi"] for d in card["documents"])
    assert any(d["alternative_group"] for d in card["documents"])
    assert card["channels"] and all(c["time"] and c["fee"] for c in card["channels"])
    assert card["where_to_submit"] and card["page_url"] == "/p/1.001193?language=en"
    # the deciding act and the published page, never a file of ours or its folder
    assert card["source"].startswith("163/QĐ-BTP · https://dichvucong.gov.vn/") and ".yaml" not in card["source"]
    assert client.get("/api/v1/procedures/0.000000/card").status_code == 404


def test_life_events_list_procedures_for_each_event(client: TestClient) -> None:
    events = {e["id"]: e["procedures"] for e in client.get("/api/v1/life-events", params={"language": "en"}).json()}
    assert set(events) == {"birth", "marriage", "death", "residence", "id_card", "business", "land", "construction",
                           "social_insurance", "vehicles"}
    assert "1.001193" in [p["code"] for p in events["birth"]]
    assert all(events[e] for e in ("birth", "marriage", "residence", "id_card"))


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="Debian espeak-ng is not installed")
def test_speech_returns_wav(client: TestClient) -> None:
    spoken = client.post("/api/v1/speech", json={"text": "Giấy khai sinh", "language": "vi"})
    assert spoken.status_code == 200 and spoken.headers["content-type"] == "audio/wav"
    assert spoken.content[:4] == b"RIFF"
    assert client.post("/api/v1/speech", json={"text": "x" * 3001}).status_code == 422


def test_ask_a_clerk_reaches_the_staff_queue(app, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    chat = client.post("/api/v1/chat", json={"message": "đăng ký khai sinh cần gì"}).json()
    ticket = client.post("/api/v1/handoffs", json={"session_id": chat["session_id"], "language": "vi"}).json()
    assert ticket["ticket"].startswith("A-") and ticket["status"] == "open"
    assert client.get("/api/v1/handoffs").status_code == 401
    staff = _key(app, "staff")
    queue = client.get("/api/v1/handoffs", headers=staff).json()
    assert ticket["id"] in [h["id"] for h in queue]
    taken = client.post(f"/api/v1/handoffs/{ticket['id']}/take", headers=staff).json()
    assert taken["status"] == "taken" and taken["taken_by"].startswith("staff-")
    client.post(f"/api/v1/handoffs/{ticket['id']}/done", headers=staff)
    assert ticket["id"] not in [h["id"] for h in client.get("/api/v1/handoffs", headers=staff).json()]
    assert client.post("/api/v1/handoffs/999999/take", headers=staff).status_code == 404


@pytest.mark.parametrize(("page", "language", "direction"), [
    ("/p/1.001193", "ar", "rtl"), ("/p/1.001193", "zh", "ltr"), ("/p/1.001193", "xx", "ltr"),
    ("/kiosk", "vi", "ltr"), ("/kiosk", "ar", "rtl"), ("/kiosk", "xx", "ltr"), ("/docs", "en", "ltr"),
    ("/staff", "zh", "ltr"), ("/staff", "ar", "rtl"), ("/admin", "ko", "ltr"), ("/admin", "ar", "rtl"),
])
def test_pages_are_served_in_the_language_asked(client: TestClient, page: str, language: str,
                                                direction: str) -> None:
    response = client.get(page, params={"language": language})
    assert response.status_code == 200
    expected = language if language != "xx" else "vi"
    assert f'<html lang="{expected}" dir="{direction}">' in response.text
    assert "http://" not in response.text.replace("http://testserver", "") and "https://cdn" not in response.text


def test_admin_reindexes_and_follows_the_progress(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "var", embedding_model="hashing")
    app = create_app(settings, HashingEmbedder())
    client, admin = TestClient(app), _key(app, "admin")
    refused = client.post("/api/v1/admin/ingest", headers=admin, files={"files": ("notes.txt", b"hello")})
    assert refused.status_code == 422
    assert client.post("/api/v1/admin/ingest", headers=_key(app, "staff"),
                       files={"files": ("g.pdf", b"%PDF")}).status_code == 403
    job = client.post("/api/v1/admin/reindex", headers=admin).json()
    for _ in range(600):
        state = client.get(f"/api/v1/admin/ingest/{job['id']}", headers=admin).json()
        if state["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert state["status"] == "done", state
    assert state["summary"]["added"] >= 70  # the bundled pack
    assert client.get("/api/v1/admin/index", headers=admin).json()["counts"]["records"] >= 70
    assert client.get("/api/v1/admin/ingest/not-a-job", headers=admin).status_code == 404


def test_a_ticket_is_printed_on_the_page(client: TestClient) -> None:
    assert "A-007" in client.get("/p/1.001193", params={"ticket": "A-007"}).text
    assert client.get("/p/1.001193", params={"ticket": "<script>"}).status_code == 422


def test_first_start_creates_an_admin_once(tmp_path: Path) -> None:
    from api.cli_support import create_first_admin
    from assistant.access.services import Access
    from assistant.db.engine import engine_for

    settings = Settings(data_dir=tmp_path, embedding_model="hashing")
    create_first_admin(settings)
    password = (tmp_path / "initial-admin-password").read_text("utf-8").strip()
    access = Access.build(engine_for(settings.sqlalchemy_url), settings)
    assert access.users.authenticate("admin", password) is not None
    assert (tmp_path / "initial-admin-password").stat().st_mode & 0o077 == 0
    create_first_admin(settings)  # accounts exist: nothing changes
    assert access.users.authenticate("admin", password) is not None and len(access.users.list()) == 1


def test_a_citation_opens_its_section_text(client: TestClient) -> None:
    opened = client.get("/api/v1/procedures/1.001193/source", params={"section": "components"}).json()
    assert "Giấy chứng sinh" in opened["sections"]["components"] and opened["source"] == "1.001193.yaml"
    assert client.get("/api/v1/procedures/1.001193/source", params={"section": "nope"}).status_code == 404


def test_sources_cite_the_act_and_the_published_page_rather_than_a_file_line() -> None:
    from knowledge.chunks import source_label
    from knowledge.model import Procedure, Provenance

    published = Provenance(source_kind="dvc", source_file="/srv/x/dvc.jsonl.gz", record="line 471",
                           url="https://dichvucong.gov.vn/thu-tuc-hanh-chinh/abc", decision="163/QĐ-BTP")
    record = Procedure(uid="dvc:1.000001", code="1.000001", name="Thủ tục A", provenance=published)
    assert source_label(record) == "163/QĐ-BTP · https://dichvucong.gov.vn/thu-tuc-hanh-chinh/abc"
    guide = Provenance(source_kind="pdf", source_file="/srv/x/guide.pdf", page_start=3, page_end=4)
    assert source_label(record.model_copy(update={"provenance": guide})) == "guide.pdf, p. 3-4"


def test_a_curated_record_cites_the_published_page_of_its_national_twin() -> None:
    from knowledge.chunks import source_label
    from knowledge.model import Procedure, Provenance
    from knowledge.store import _share_public_address

    url = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/abc"
    curated = Procedure(uid="pack:1.000001", code="1.000001", name="Thủ tục A", decision_number="163/QĐ-BTP",
                        provenance=Provenance(source_kind="pack", source_file="core/1.000001.yaml"))
    national = Procedure(uid="dvc:1.000001", code="1.000001", name="Thủ tục A",
                         provenance=Provenance(source_kind="dvc", source_file="d.jsonl", record="line 2", url=url))
    assert source_label(curated) == "1.000001.yaml · 163/QĐ-BTP"
    _share_public_address([curated, national])
    assert source_label(curated) == f"163/QĐ-BTP · {url}"
