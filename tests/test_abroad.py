"""Where the applicant lives picks between the members "ở trong nước" and "ở nước ngoài" of a procedure."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.retrieval.abroad import abroad_words, counterpart, place_first
from assistant.retrieval.hybrid import ProcedureHit
from assistant.runtime import KnowledgeRuntime
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore, KnowledgeIndex
from tests.conftest import named_entry, write_pack


@pytest.mark.parametrize(("text", "abroad"), [
    ("Tôi đang sống ở Mỹ, muốn thôi quốc tịch Việt Nam", True),
    ("dang o my thi lam o dau", True),
    ("Tôi là Việt kiều, muốn trở lại quốc tịch", True),
    ("sống ở Nhật 5 năm rồi", True),
    ("I live in Japan and want to give up my Vietnamese nationality", True),
    ("我在国外", True),
    ("해외에 살고 있어요", True),
    ("أنا مقيم في الخارج", True),
    ("Tôi sắp nhập quốc tịch Singapore. Tôi đang ở Hà Nội", False),
    ("Tôi cần giấy xác nhận có quốc tịch để làm hồ sơ ở nước ngoài", False),
    ("tôi sống ở Mỹ Đình muốn thôi quốc tịch", False),
    ("sống ở Lào Cai", False),
    ("I am living in Hanoi", False),
])
def test_whether_a_question_says_the_applicant_lives_abroad(text: str, abroad: bool) -> None:
    assert abroad_words().lives_abroad(text) is abroad


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeIndex:
    root = tmp_path_factory.mktemp("abroad")
    passport = "Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)"
    pack = write_pack(root, [named_entry("2.002036", "Thôi quốc tịch Việt Nam ở trong nước"),
                             named_entry("1.005141", "Thôi quốc tịch Việt Nam ở nước ngoài"),
                             named_entry("1.001471", passport)])
    settings = Settings(data_dir=root / "var", embedding_model="hashing", _env_file=None)  # type: ignore[call-arg]
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([Path(pack)])
    return KnowledgeRuntime(settings, HashingEmbedder()).index()


def _hits(index: KnowledgeIndex, *codes: str) -> list[ProcedureHit]:
    hits = []
    for code in codes:
        procedure = index.procedure(code)
        assert procedure is not None
        hits.append(ProcedureHit(procedure, 1.0, index.chunks[index.first_chunk[procedure.group_key]]))
    return hits


def test_the_member_in_the_country_goes_first_unless_the_applicant_lives_abroad(index: KnowledgeIndex) -> None:
    hits = _hits(index, "1.005141", "2.002036")
    assert [h.code for h in place_first(index, hits, "Tôi nhập quốc tịch Singapore, muốn thôi quốc tịch VN")] == [
        "2.002036", "1.005141"]
    assert [h.code for h in place_first(index, hits, "Tôi đang sống ở Mỹ, muốn thôi quốc tịch")] == [
        "1.005141", "2.002036"]
    reversed_hits = _hits(index, "2.002036", "1.005141")
    assert place_first(index, reversed_hits, "Tôi đang sống ở Mỹ")[0].code == "1.005141"


def test_a_member_without_a_counterpart_stays(index: KnowledgeIndex) -> None:
    passport = index.procedure("1.001471")
    assert passport is not None
    assert counterpart(index, passport, abroad_words()) is None
    hits = _hits(index, "1.001471", "2.002036")
    assert place_first(index, hits, "Tôi đang sống ở Mỹ")[0].code == "1.001471"


def test_the_member_for_the_other_place_is_no_rival_to_the_answer(index: KnowledgeIndex) -> None:
    from assistant.answers.confidence import margin, rival_score

    hits = _hits(index, "2.002036", "1.005141", "1.001471")
    hits[1].score, hits[2].score = 0.9, 0.5
    assert rival_score(hits, index) == 0.5  # the passport, not giving up nationality from abroad
    assert margin(hits, index) == pytest.approx(0.5)


def test_a_procedure_for_applicants_in_the_country_does_not_fit_one_living_abroad(index: KnowledgeIndex) -> None:
    from assistant.retrieval.abroad import at_home_only

    passport = index.procedure("1.001471")
    abroad_member = index.procedure("1.005141")
    assert passport is not None and abroad_member is not None
    assert at_home_only(passport, "Tôi đang du học ở Nhật Bản, hộ chiếu sắp hết hạn, làm mới thế nào")
    assert not at_home_only(passport, "hộ chiếu sắp hết hạn, làm mới thế nào")
    assert not at_home_only(abroad_member, "Tôi đang sống ở Mỹ, muốn thôi quốc tịch")
