"""The answer confidence: a model over ranking evidence, its file, and its place in the chat decision."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.answers.confidence import FEATURES, ConfidenceModel, bundled_confidence
from assistant.retrieval.hybrid import ProcedureHit
from knowledge.store import KnowledgeIndex

STRONG = {"name_match": 1.0, "coverage": 1.0, "margin": 0.6, "anchored": 1.0, "alias": 1.0, "lexical_first": 1.0,
          "content_terms": 1.6, "vietnamese": 1.0, "index_size": 3.4}
WEAK = {**STRONG, "name_match": 0.1, "coverage": 0.3, "margin": 0.01, "alias": 0.0, "lexical_first": 0.05}


def test_the_bundled_model_answers_strong_evidence_and_declines_weak() -> None:
    model = bundled_confidence()
    assert set(model.weights) <= set(FEATURES)
    assert model.probability(STRONG) > 0.9 > model.answer_at > model.probability(WEAK)


@pytest.mark.parametrize("feature", ["name_match", "coverage", "margin", "anchors_found", "lexical_first"])
@pytest.mark.parametrize("evidence", [WEAK, STRONG])
def test_more_evidence_never_lowers_the_confidence(feature: str, evidence: dict[str, float]) -> None:
    model = bundled_confidence()
    values = [model.probability({**evidence, feature: share / 10}) for share in range(11)]
    assert values == sorted(values)


def test_index_sizes_outside_the_fitted_range_are_clamped() -> None:
    model = ConfidenceModel({"index_size": 1.0}, 0.0, 0.5, (1.8, 3.4))
    assert model.probability({"index_size": 0.3}) == model.probability({"index_size": 1.8})
    assert model.probability({"index_size": 9.0}) == model.probability({"index_size": 3.4})


@pytest.mark.parametrize(("text", "message"), [
    ("answer_at: 0.5\nintercept: 0\nweights: {colour: 1}\n", "unknown features"),
    ("answer_at: 1.5\nintercept: 0\nweights: {margin: 1}\n", "probability"),
    ("answer_at: 0.5\nmodel: boosted_trees\n", "not a confidence file"),  # no trees file named
    ("answer_at: 0.5\nmodel: forest\ntrees: t.json\n", "logistic or boosted_trees"),
    ("model: logistic\nweights: {margin: 1}\n", "not a confidence file"),  # no threshold
])
def test_a_broken_weights_file_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "confidence.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ValueError, match=message):
        ConfidenceModel.load(path)


def test_anchors_count_as_found_only_as_whole_phrases(bundled_pack_settings) -> None:  # type: ignore[no-untyped-def]
    from assistant.answers.confidence import anchors_found
    from knowledge.store import IndexStore

    index = IndexStore(bundled_pack_settings.index_root).load()
    birth = index.procedure("1.001193")
    assert birth is not None
    key = birth.group_key
    assert anchors_found(["khai sinh"], key, index) == 1.0
    assert anchors_found([], key, index) == 1.0  # nothing administrative named: no evidence either way
    # "giấy phép lao động" (work permit): the birth record may hold each word, never the phrase
    assert anchors_found(["khai sinh", "giấy phép lao động"], key, index) == 0.5


def test_an_english_ward_is_the_place_not_a_person_under_guardianship() -> None:
    from knowledge.glossary import load_glossary

    guardianship = next(e for e in load_glossary() if e.vi == "người được giám hộ")
    assert "ward" not in guardianship.en


@pytest.fixture
def pack_hit(bundled_pack_settings: object) -> tuple[KnowledgeIndex, Callable[[str, float], ProcedureHit]]:
    """The bundled pack's index, and a hit on one of its procedures with a given score."""
    from assistant.runtime import KnowledgeRuntime
    from knowledge.embeddings import HashingEmbedder
    from knowledge.settings import Settings

    assert isinstance(bundled_pack_settings, Settings)
    index = KnowledgeRuntime(bundled_pack_settings, HashingEmbedder()).index()

    def hit(code: str, score: float) -> ProcedureHit:
        procedure = index.procedure(code)
        assert procedure is not None
        return ProcedureHit(procedure, score, index.chunks[index.first_chunk[procedure.group_key]])

    return index, hit


def test_a_plain_or_qualified_member_of_the_best_procedure_is_no_rival(
        pack_hit: tuple[KnowledgeIndex, Callable[[str, float], ProcedureHit]]) -> None:
    from assistant.answers.confidence import rival_score

    index, hit = pack_hit
    # marriage with a foreign element, then the domestic marriage, then permanent residence
    hits = [hit("2.000806", 1.0), hit("1.000894", 0.9), hit("1.004222", 0.4)]
    assert rival_score(hits, index) == 0.4
    assert rival_score(hits) == 0.9  # without the index only versions of one name are recognised


def test_a_member_picked_over_its_higher_scored_version_keeps_the_versions_margin(
        pack_hit: tuple[KnowledgeIndex, Callable[[str, float], ProcedureHit]]) -> None:
    from assistant.answers.confidence import margin

    index, hit = pack_hit
    # a rule put the foreign-element marriage (0.7) before the domestic one retrieval scored higher (1.0)
    picked = [hit("2.000806", 0.7), hit("1.000894", 1.0), hit("1.004222", 0.4)]
    assert margin(picked, index) == pytest.approx(0.6)
    # another procedure scored above the pick still leaves it behind
    behind = [hit("2.000806", 0.7), hit("1.004222", 0.8)]
    assert margin(behind, index) == pytest.approx((0.7 - 0.8) / 0.7)
