"""Shared fixtures: a fresh data dir per test, a deterministic embedder, a tiny pack written on the fly."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import create_engine, text

from assistant.retrieval.hybrid import ProcedureHit
from knowledge.chunks import Chunk
from knowledge.embeddings import HashingEmbedder
from knowledge.model import Procedure, Provenance, Translation
from knowledge.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DVC_CORPUS = SHARED / "corpus" / "dvc-procedures.jsonl.gz"


def name_hit(code: str, name: str, score: float, english: str = "") -> ProcedureHit:
    """A search hit for a record known only by its code and name (and an English name, as curated records have)."""
    translations = {"en": Translation(name=english)} if english else {}
    procedure = Procedure(uid=f"dvc:{code}", code=code, name=name, translations=translations,
                          provenance=Provenance(source_kind="dvc", source_file="test.jsonl"))
    return ProcedureHit(procedure, score, Chunk(f"dvc:{code}:overview:0", procedure.uid, code, "overview", "vi",
                                                name, "test"))


def require_shared(path: Path) -> Path:
    """Skip the calling test with a clear reason when a ``../shared`` file is absent."""
    if not path.exists():
        pytest.skip(f"{path} not present (the ../shared data is not beside this checkout)")
    return path


def _channel(kind: str, label: str, days: int, fee: int, fee_text: str) -> dict[str, Any]:
    return {
        "kind": kind, "label": label,
        "time": {"value": days, "unit": "working_day", "text": f"{days} ngày làm việc"},
        "fees": [{"name": "Lệ phí", "amount_vnd": fee, "unit": "per_case", "text": fee_text}],
    }


BIRTH: dict[str, Any] = {
    "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "decision_number": "1872/QĐ-BTP",
    "verified_on": "2026-11-21", "levels": ["Cấp xã"], "field": "Hộ tịch",
    "agencies": {"competent": "Ủy ban nhân dân cấp xã", "implementing": "Ủy ban nhân dân cấp xã"},
    "applicants": ["Công dân Việt Nam"],
    "where_to_submit": "Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.",
    "summary": "Đăng ký khai sinh cho trẻ em mới sinh để được cấp Giấy khai sinh.",
    "aliases": ["làm giấy khai sinh", "khai sinh cho con"],
    "channels": [_channel("in_person", "Trực tiếp", 1, 0, "Miễn lệ phí")],
    "components": [
        {"id": "c1", "name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0},
        {"id": "c2", "name": "Giấy chứng sinh", "originals": 1, "copies": 0, "alternative_group": "birth-proof"},
        {"id": "c3", "name": "Văn bản của người làm chứng xác nhận về việc sinh", "originals": 1,
         "alternative_group": "birth-proof"},
    ],
    "steps": ["Nộp tờ khai và giấy chứng sinh tại Ủy ban nhân dân cấp xã."],
    "legal_basis": [{"number": "60/2014/QH13", "title": "Luật Hộ tịch"}],
    "translations": {
        "en": {"name": "Birth registration", "summary": "Register a newborn child to get a birth certificate.",
               "components": {"c1": "Birth registration form", "c2": "Hospital birth certificate",
                              "c3": "Witness statement confirming the birth"},
               "channels": {"in_person": "1 working day; free of charge"},
               "steps_summary": "Submit the form and the hospital birth certificate.",
               "where_to_submit": "Commune People's Committee", "aliases": ["birth certificate"]},
        "ar": {"name": "تسجيل المواليد", "summary": "تسجيل الطفل المولود للحصول على شهادة الميلاد.",
               "components": {"c1": "استمارة تسجيل الولادة", "c2": "شهادة الولادة من المستشفى",
                              "c3": "إفادة شاهد على الولادة"},
               "channels": {"in_person": "يوم عمل واحد (1)؛ مجانا"},
               "steps_summary": "قدّم الاستمارة وشهادة الولادة.", "where_to_submit": "اللجنة الشعبية للبلدية",
               "aliases": ["شهادة ميلاد"]},
    },
}

RESIDENCE: dict[str, Any] = {
    "code": "1.004222", "name": "Đăng ký thường trú", "decision_number": "1523/QĐ-BCA-C06",
    "verified_on": "2026-11-21", "levels": ["Cấp xã"], "field": "Đăng ký, quản lý cư trú",
    "agencies": {"competent": "Công an cấp xã", "implementing": "Công an cấp xã"},
    "where_to_submit": "Công an cấp xã nơi đăng ký thường trú.",
    "summary": "Đăng ký nơi thường trú với Công an cấp xã.",
    "aliases": ["nhập hộ khẩu", "đăng ký hộ khẩu"],
    "channels": [_channel("in_person", "Trực tiếp", 7, 20000, "20.000 đồng/lần đăng ký"),
                 _channel("online", "Trực tuyến", 7, 10000, "10.000 đồng/lần đăng ký")],
    "components": [{"id": "c1", "name": "Tờ khai thay đổi thông tin cư trú (mẫu CT01)", "form": "CT01",
                    "originals": 1, "copies": 0}],
    "steps": ["Nộp tờ khai CT01 tại Công an cấp xã."],
    "translations": {
        "en": {"name": "Permanent residence registration", "summary": "Register your permanent address.",
               "components": {"c1": "Residence information change form (form CT01)"},
               "channels": {"in_person": "7 working days; 20,000 VND", "online": "7 working days; 10,000 VND"},
               "steps_summary": "Submit form CT01 to the commune police.",
               "where_to_submit": "Commune police", "aliases": ["household registration"]},
        "ar": {"name": "تسجيل الإقامة الدائمة", "summary": "تسجيل عنوان إقامتك الدائمة.",
               "components": {"c1": "استمارة تغيير معلومات الإقامة (CT01)"},
               "channels": {"in_person": "7 أيام عمل؛ 20,000 دونغ", "online": "7 أيام عمل؛ 10,000 دونغ"},
               "steps_summary": "قدّم الاستمارة CT01 إلى شرطة البلدية.", "where_to_submit": "شرطة البلدية",
               "aliases": ["تسجيل الإقامة"]},
    },
}


def named_entry(code: str, name: str, aliases: list[str] | None = None, field: str = "Quốc tịch") -> dict[str, Any]:
    """A pack entry shaped like ``BIRTH`` with this code, name, aliases and field (its translations named after it)."""
    entry = copy.deepcopy(BIRTH)
    entry.update(code=code, name=name, summary=name, aliases=aliases or [], field=field)
    for translation in entry["translations"].values():
        translation.update(name=f"{name} ({code})", aliases=[])
    return entry


def write_pack(root: Path, entries: list[dict[str, Any]]) -> Path:
    """Write a pack folder with these entries; returns the folder."""
    folder = root / "pack"
    (folder / "procedures").mkdir(parents=True, exist_ok=True)
    codes = [e["code"] for e in entries]
    (folder / "pack.yaml").write_text(yaml.safe_dump({"name": "test", "procedures": codes}), "utf-8")
    for old in (folder / "procedures").glob("*.yaml"):
        old.unlink()
    for entry in entries:
        (folder / "procedures" / f"{entry['code']}.yaml").write_text(
            yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), "utf-8"
        )
    return folder


@pytest.fixture
def pack_entries() -> list[dict[str, Any]]:
    return [copy.deepcopy(BIRTH), copy.deepcopy(RESIDENCE)]


@pytest.fixture
def tiny_pack(tmp_path: Path, pack_entries: list[dict[str, Any]]) -> Path:
    return write_pack(tmp_path, pack_entries)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with a fresh data dir and the deterministic hashing embedder."""
    return Settings(data_dir=tmp_path / "var", embedding_model="hashing", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def bundled_pack_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of a data dir holding the bundled pack's index (hashing embedder), built once per session."""
    from ingest.pipeline import Ingestor
    from knowledge.pack_schema import bundled_pack_dir
    from knowledge.store import IndexStore

    data_dir = tmp_path_factory.mktemp("bundled-pack")
    settings = Settings(data_dir=data_dir, embedding_model="hashing", _env_file=None)  # type: ignore[call-arg]
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([bundled_pack_dir()])
    return settings


@pytest.fixture(scope="session")
def model_pack_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The bundled pack indexed with the bundled embedding model, as a deployment runs it: for decisions whose
    weights were fitted with that model (the learned ranking, the answer confidence). Built once per session."""
    from ingest.pipeline import Ingestor
    from knowledge.embeddings import build_embedder
    from knowledge.pack_schema import bundled_pack_dir
    from knowledge.store import IndexStore

    settings = Settings(data_dir=tmp_path_factory.mktemp("model-pack"), _env_file=None)  # type: ignore[call-arg]
    Ingestor(IndexStore(settings.index_root), build_embedder(settings)).run([bundled_pack_dir()])
    return settings


def tesseract_ready() -> bool:
    """Whether OCR can run here (Tesseract with its Vietnamese data); OCR tests skip with a reason otherwise."""
    from assistant.dossier.ocr import TesseractOcr

    return TesseractOcr().available()


requires_ocr = pytest.mark.skipif(not tesseract_ready(), reason="Tesseract with 'vie' data is not installed "
                                  "(make install installs it as root; or apt-get install tesseract-ocr-vie)")


class NoOcr:
    """An OCR engine that is not installed (Tesseract absent): the check must still run, reporting unread pages."""

    name = "none"

    def available(self) -> bool:
        return False

    def read(self, image: object) -> object:
        raise AssertionError("an unavailable engine is never asked to read")


POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_available() -> bool:
    try:
        with create_engine(POSTGRES).connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend (PostgreSQL at 127.0.0.1:5432 where it runs)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'motcua.sqlite3'}"
        return
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432 (CI and the dev machine run one)")
    name = f"motcua_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
