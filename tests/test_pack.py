"""The bundled knowledge pack: complete, valid, consistent across languages, findable in three languages."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from assistant.runtime import KnowledgeRuntime
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.pack_checks import check_entry, check_pack
from knowledge.pack_schema import PackProcedure, bundled_pack_dir, load_pack_entry, load_pack_manifest, pack_files
from knowledge.settings import Settings
from knowledge.store import IndexStore
from tests.conftest import RESIDENCE, write_pack

ISSUE_CODES = """
1.000656 1.000689 1.000757 1.000889 1.000894 1.001022 1.001193 1.001247 1.001266 1.001294 1.001456 1.001570
1.001601 1.001612 1.001613 1.001667 1.001766 1.002438 1.002755 1.003197 1.003677 1.004194 1.004222 1.004746
1.004837 1.004845 1.004859 1.004873 1.004884 1.005461 1.010028 1.010038 1.010039 1.010041 1.010386 1.011607
1.012543 1.012549 1.012783 1.012784 1.012786 1.012787 1.012812 1.013067 1.013076 1.013082 1.013225 1.013227
1.013229 1.013978 1.013992 1.014060 2.000528 2.000635 2.000639 2.000693 2.000720 2.000806 2.000815 2.000821
2.000884 2.000908 2.000986 2.000992 2.001016 2.001019 2.001023 2.001035 2.001159 2.001406 2.002516 3.000228
3.000333 3.000347 3.000348""".split()


@pytest.fixture(scope="module")
def entries() -> list[PackProcedure]:
    return [load_pack_entry(f) for f in pack_files(bundled_pack_dir())]


def test_pack_has_exactly_the_75_procedures(entries: list[PackProcedure]) -> None:
    assert sorted(e.code for e in entries) == sorted(ISSUE_CODES)
    assert sorted(load_pack_manifest(bundled_pack_dir()).procedures) == sorted(ISSUE_CODES)


def test_bundled_pack_passes_every_check() -> None:
    assert check_pack() == []


def test_every_record_is_complete_in_three_languages(entries: list[PackProcedure]) -> None:
    for entry in entries:
        assert entry.components or entry.component_notes, entry.code
        assert all(c.name.strip() for c in entry.components), entry.code
        for language in ("en", "ar"):
            tr = entry.translations[language]
            assert tr.name and tr.summary and tr.steps_summary and tr.where_to_submit and tr.aliases
            assert set(tr.components) == {c.id for c in entry.components}, (entry.code, language)
        assert entry.verified_on.isoformat() >= "2026-01-01" and entry.decision_number


def test_every_curated_record_cites_its_published_page(entries: list[PackProcedure]) -> None:
    from ingest.readers.pack import to_procedure
    from knowledge.chunks import source_label

    for entry in entries:
        label = source_label(to_procedure(entry, f"core/{entry.code}.yaml"))
        assert label.startswith(f"{entry.decision_number} · https://dichvucong.gov.vn/thu-tuc-hanh-chinh/"), label
        assert ".yaml" not in label  # a pack-only deployment cites the portal, not a file of ours


def test_residence_registration_facts(entries: list[PackProcedure]) -> None:
    record = next(e for e in entries if e.code == "1.004222")
    fees = {c.kind: [f.amount_vnd for f in c.fees] for c in record.channels}
    assert 20000 in fees["in_person"] and 10000 in fees["online"]
    assert all(c.time and c.time.value == 7 and c.time.unit == "working_day" for c in record.channels)
    assert len({c.case for c in record.components if c.case}) >= 4


def test_colloquial_aliases_are_present(entries: list[PackProcedure]) -> None:
    aliases = {a.casefold() for e in entries for a in [*e.aliases, *e.shared_aliases]}
    for alias in ("sổ đỏ", "sổ hồng", "hộ khẩu", "cccd", "căn cước công dân", "bằng lái", "giấy độc thân",
                  "làm giấy khai sinh", "nhập khẩu", "đăng ký xe"):
        assert any(alias in a for a in aliases), alias


def test_number_checks_catch_a_wrong_translation() -> None:
    broken = copy.deepcopy(RESIDENCE)
    broken["translations"]["en"]["channels"]["in_person"] = "7 working days; 25,000 VND"
    problems = check_entry(PackProcedure.model_validate(broken))
    assert any("25000" in p for p in problems) and any("20000 missing" in p for p in problems)


def test_alias_shared_without_marking_is_reported(tmp_path: Path) -> None:
    first, second = copy.deepcopy(RESIDENCE), copy.deepcopy(RESIDENCE)
    second["code"], second["name"] = "1.004194", "Đăng ký tạm trú"
    problems = check_pack(write_pack(tmp_path, [first, second]))
    assert any("nhập hộ khẩu" in p for p in problems)


QUESTIONS = [
    ("làm giấy khai sinh cho con cần gì", "1.001193"), ("lam giay khai sinh cho con can gi", "1.001193"),
    ("sổ đỏ bị mất thì làm sao", "1.012786"), ("giấy xác nhận độc thân", "1.004873"),
    ("dang ky ket hon can giay to gi", "1.000894"), ("How do I register a marriage?", "1.000894"),
    ("I lost my driving licence", "3.000348"), ("How to get a criminal record certificate?", "3.000333"),
    ("كيف أسجل زواجي؟", "1.000894"), ("أريد استخراج صحيفة السوابق العدلية", "3.000333"),
]


@pytest.fixture(scope="module")
def pack_runtime(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeRuntime:
    settings = Settings(data_dir=tmp_path_factory.mktemp("var"), embedding_model="hashing", _env_file=None)  # type: ignore[call-arg]
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([bundled_pack_dir()])
    return KnowledgeRuntime(settings, HashingEmbedder())


@pytest.mark.parametrize(("question", "code"), QUESTIONS)
def test_bundled_pack_is_findable_in_three_languages(pack_runtime: KnowledgeRuntime, question: str,
                                                     code: str) -> None:
    codes = [h.code for h in pack_runtime.finder().find(question, k=3).hits]
    assert codes[0] == code, codes
