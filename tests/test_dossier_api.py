"""POST /api/v1/dossiers/check and /request-form over HTTP, and ``motcua check``: shapes, 4xx for bad input,
nothing of the content kept."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.app import create_app
from api.cli import main
from eval.dossiers import documents as d
from eval.dossiers import render
from eval.dossiers.people import People
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings


@pytest.fixture
def app_settings(bundled_pack_settings: Settings, tmp_path: Path) -> Settings:
    """The shared pack index, with a database of this test's own."""
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    return bundled_pack_settings.model_copy(update={"database_url": url})


@pytest.fixture
def client(app_settings: Settings) -> TestClient:
    return TestClient(create_app(app_settings, HashingEmbedder()))


@pytest.fixture(scope="module")
def papers() -> dict[str, bytes]:
    people = People(11)
    mother, father = people.person("female", (1990, 1995)), people.person("male", (1988, 1994))
    child = people.child(father)
    return {
        "to-khai.pdf": render.pdf_text([d.to_khai_khai_sinh(mother, child, mother, father)]),
        "chung-sinh.docx": render.docx_bytes([d.giay_chung_sinh(mother, child)]),
        "khai-tu.pdf": render.pdf_text([d.to_khai_khai_tu(mother, father)]),
    }


def _upload(client: TestClient, files: dict[str, bytes], **fields: str | list[str]):  # type: ignore[no-untyped-def]
    form = {"procedure_code": "1.001193", **fields}
    return client.post("/api/v1/dossiers/check", data=form,
                       files=[("files", (name, data)) for name, data in files.items()])


def test_multipart_check_has_the_contract_shape(client: TestClient, papers: dict[str, bytes]) -> None:
    response = _upload(client, {k: papers[k] for k in ("to-khai.pdf", "chung-sinh.docx")}, channel="staff")
    assert response.status_code == 200
    body = response.json()
    assert {"procedure_code", "procedure_name", "complete", "components", "missing", "unmatched_files", "warnings",
            "summary"} <= set(body)
    assert body["complete"] is True and body["missing"] == []
    component = next(c for c in body["components"] if c["id"] == "c3")
    assert {"id", "name", "required", "condition", "status", "evidence"} <= set(component)
    assert component["evidence"][0]["file"] == "chung-sinh.docx" and component["evidence"][0]["page"] == 1


def test_incomplete_dossier_with_a_wrong_paper(client: TestClient, papers: dict[str, bytes]) -> None:
    body = _upload(client, {k: papers[k] for k in ("khai-tu.pdf", "chung-sinh.docx")}, language="en").json()
    assert body["complete"] is False and body["unmatched_files"][0]["file"] == "khai-tu.pdf"
    assert any("Tờ khai đăng ký khai sinh" in name for name in body["missing"])


def test_json_variant(client: TestClient) -> None:
    response = client.post("/api/v1/dossiers/check", json={
        "procedure_code": "1.004222", "language": "vi", "documents": [{"name": "Tờ khai CT01", "text": ""}]})
    assert response.status_code == 200 and response.json()["complete"] is True


@pytest.mark.parametrize(("files", "fields", "status"), [
    ({"a.pdf": b"%PDF-1.4 broken"}, {"procedure_code": "9.999999"}, 404),
    ({"a.pdf": b"%PDF-1.4 broken"}, {}, 422),
    ({"virus.pdf": b"MZ" + b"\x00" * 100}, {}, 415),
    ({}, {}, 422),
    ({"a.pdf": b"%PDF-1.4 broken"}, {"submission": "fax"}, 422),
])
def test_bad_uploads_get_a_clear_4xx(client: TestClient, files: dict[str, bytes], fields: dict[str, str],
                                     status: int) -> None:
    response = _upload(client, files, **fields)
    assert response.status_code == status
    assert isinstance(response.json()["detail"], str)


def test_bad_json_and_content_types(client: TestClient) -> None:
    assert client.post("/api/v1/dossiers/check", json={"documents": []}).status_code == 422
    assert client.post("/api/v1/dossiers/check", content=b"{not json",
                       headers={"content-type": "application/json"}).status_code == 422
    assert client.post("/api/v1/dossiers/check", content=b"hello",
                       headers={"content-type": "text/plain"}).status_code == 415


def test_a_file_over_the_limit_is_413(app_settings: Settings) -> None:
    small = TestClient(create_app(app_settings.model_copy(update={"dossier_max_file_mb": 0.01}), HashingEmbedder()))
    response = _upload(small, {"big.pdf": b"%PDF-1.4" + b"0" * 20_000})
    assert response.status_code == 413 and "big.pdf" in response.json()["detail"]


def test_zip_named_as_pdf_over_http(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("x.txt", "x")
    assert _upload(client, {"scan.pdf": buffer.getvalue()}).status_code == 415


def test_only_an_aggregate_is_kept(client: TestClient, papers: dict[str, bytes], app_settings: Settings,
                                   caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        _upload(client, {k: papers[k] for k in ("to-khai.pdf", "chung-sinh.docx")}, channel="kiosk")
    engine = client.app.state.dossier_records.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(text("SELECT * FROM dossier_checks"))]
    assert len(rows) == 1 and rows[0]["channel"] == "kiosk" and rows[0]["verdict"] == "complete"
    stored = json.dumps(rows, default=str)
    people = People(11)
    mother = people.person("female", (1990, 1995))
    for secret in (mother.name, mother.id_number, "to-khai.pdf", "TỜ KHAI"):
        assert secret not in stored and secret not in caplog.text


def test_request_form_as_html_and_pdf(client: TestClient, papers: dict[str, bytes]) -> None:
    check = _upload(client, {"khai-tu.pdf": papers["khai-tu.pdf"]}).json()
    form = {"check": check, "receiving_unit": "Bộ phận Một cửa UBND phường Cửa Nam", "officer": "Lê Thị Mai",
            "applicant": "Nguyễn Thị Hương", "date": "2026-12-04"}
    html = client.post("/api/v1/dossiers/request-form", json=form)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in html.text and "Tờ khai đăng ký khai sinh" in html.text
    assert "ngày 04 tháng 12 năm 2026" in html.text
    pdf = client.post("/api/v1/dossiers/request-form", params={"format": "pdf"}, json=form)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    from pypdf import PdfReader

    extracted = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "PHIẾU YÊU CẦU BỔ SUNG" in extracted and "Lê Thị Mai" in extracted
    assert client.post("/api/v1/dossiers/request-form", json={"check": {}}).status_code == 422


def test_openapi_documents_both_bodies(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/v1/dossiers/check"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "application/json"} <= set(body)


def test_cli_check(bundled_pack_settings: Settings, papers: dict[str, bytes], tmp_path: Path) -> None:
    for name in ("to-khai.pdf", "khai-tu.pdf"):
        (tmp_path / name).write_bytes(papers[name])
    runner = CliRunner()
    args = ["check", "--procedure", "1.001193", str(tmp_path / "to-khai.pdf"), str(tmp_path / "khai-tu.pdf"),
            "--data-dir", str(bundled_pack_settings.data_dir)]
    shown = runner.invoke(main, args)
    assert shown.exit_code == 0, shown.output
    assert "INCOMPLETE" in shown.output and "khai-tu.pdf" in shown.output
    as_json = runner.invoke(main, [*args, "--json", "--print-form", str(tmp_path / "form.pdf")])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["complete"] is False
    assert (tmp_path / "form.pdf").read_bytes().startswith(b"%PDF")
    unknown = runner.invoke(main, ["check", "--procedure", "9.9", str(tmp_path / "to-khai.pdf"), "--data-dir",
                                   str(bundled_pack_settings.data_dir)])
    assert unknown.exit_code != 0 and "no procedure" in unknown.output
