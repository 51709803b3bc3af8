"""The learned ranking: feature expressions, ordering, the weights file, and its place in the finder."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.retrieval.learned import (
    RankingModel,
    bundled_model,
    candidate_features,
    feature_value,
    known_feature,
    signal_features,
)
from assistant.understanding.query import QueryAnalyzer
from knowledge.glossary import load_glossary


def test_signal_features_give_rank_first_and_relative_score() -> None:
    features = signal_features({"lexical": [("a", 0, 8.0), ("b", 1, 2.0)], "dense": [("b", 1, 0.9)]})
    assert features["a"] == {"rrf_lexical": 60 / 61, "first_lexical": 1.0, "rel_lexical": 1.0}
    assert features["b"]["rel_lexical"] == pytest.approx(0.25)
    assert features["b"]["first_dense"] == 1.0 and "rrf_dense" not in features["a"]


def test_feature_expressions_multiply_by_language_and_by_other_features() -> None:
    values = {"rrf_dense": 0.5, "coverage": 0.8, "name_share": 0.5}
    assert feature_value("rrf_dense*en", values, "en") == 0.5
    assert feature_value("rrf_dense*en", values, "vi") == 0.0
    assert feature_value("rrf_dense*foreign", values, "ar") == 0.5
    assert feature_value("coverage*name_share", values, "vi") == pytest.approx(0.4)
    assert feature_value("alias", values, "vi") == 0.0  # absent means 0
    assert known_feature("rel_asked*ko") and not known_feature("popularity")


def test_order_puts_the_best_first_with_score_one_and_keeps_ratios_in_range() -> None:
    model = RankingModel({"coverage": 2.0, "name_share": 1.0}, temperature=2.0)
    ordered = model.order({"x": {"coverage": 0.2}, "y": {"coverage": 1.0, "name_share": 1.0}}, "vi")
    assert [key for key, _ in ordered] == ["y", "x"]
    assert ordered[0][1] == 1.0 and 0.0 < ordered[1][1] < 1.0


def test_candidates_include_the_procedures_the_question_names() -> None:
    features = candidate_features({"lexical": [("a", 0, 1.0), ("b", 1, 0.5), ("c", 2, 0.2)]}, 2, ["z"],
                                  lambda key: {"coverage": 1.0 if key == "z" else 0.0})
    assert set(features) == {"a", "b", "z"}  # "c" is below the depth
    assert features["z"] == {"coverage": 1.0}


def test_a_weights_file_with_an_unknown_feature_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ranking.yaml"
    path.write_text("weights:\n  coverage: 1.0\n  popularity: 2.0\n", "utf-8")
    with pytest.raises(ValueError, match="popularity"):
        RankingModel.load(path)


def test_the_bundled_weights_load_and_favour_a_name_the_question_covers() -> None:
    model = bundled_model()
    assert model.weights and all(known_feature(name) for name in model.weights)
    assert model.weights["name_share"] > 0 and model.weights["coverage"] > 0


def test_a_vietnamese_question_in_another_kiosk_language_is_understood_as_vietnamese() -> None:
    analyzer = QueryAnalyzer(load_glossary(), [])
    analysis = analyzer.analyze("Đăng ký khai sinh cần những giấy tờ gì?", "zh")
    assert analysis.language == "vi" and analysis.reply_language == "zh"
    plain = analyzer.analyze("How do I register a birth?", "zh")  # not Vietnamese: the caller's choice stands
    assert plain.language == "zh" and plain.requested is None
