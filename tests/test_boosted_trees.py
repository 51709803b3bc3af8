"""The boosted-trees scorer behind the answer confidence: its file format, its checks, and how it scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answers.boosted_trees import TreeEnsemble, write_trees
from assistant.answers.confidence import ConfidenceModel

# one split on coverage at 0.5, one on margin at 0.2: each a stump with two leaves
STUMPS = (((0, 0.5, 1, 2, 0.0), (-1, 0.0, 0, 0, -1.0), (-1, 0.0, 0, 0, 1.0)),
          ((1, 0.2, 1, 2, 0.0), (-1, 0.0, 0, 0, -0.5), (-1, 0.0, 0, 0, 0.5)))


def test_the_leaves_reached_add_up_with_the_base() -> None:
    trees = TreeEnsemble(("coverage", "margin"), 0.25, STUMPS)
    assert trees.log_odds({"coverage": 0.9, "margin": 0.9}) == pytest.approx(1.75)
    assert trees.log_odds({"coverage": 0.5, "margin": 0.9}) == pytest.approx(-0.25)  # at the threshold: left
    assert trees.log_odds({}) == pytest.approx(-1.25)  # a missing feature counts as 0


def test_a_written_ensemble_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "trees.json"
    write_trees(path, ("coverage", "margin"), 0.25, STUMPS)
    again = TreeEnsemble.load(path)
    assert again == TreeEnsemble(("coverage", "margin"), 0.25, STUMPS)


@pytest.mark.parametrize(("trees", "message"), [
    ([[[5, 0.5, 1, 2, 0.0], [-1, 0, 0, 0, 1], [-1, 0, 0, 0, 1]]], "no feature 5"),
    ([[[0, 0.5, 0, 2, 0.0], [-1, 0, 0, 0, 1], [-1, 0, 0, 0, 1]]], "children must follow"),  # would loop
    ([[[0, 0.5, 1, 7, 0.0], [-1, 0, 0, 0, 1]]], "children must follow"),
    ([[]], "empty"),
])
def test_a_broken_trees_file_is_refused(tmp_path: Path, trees: list[object], message: str) -> None:
    path = tmp_path / "trees.json"
    path.write_text(json.dumps({"features": ["coverage"], "base": 0.0, "trees": trees}), "utf-8")
    with pytest.raises(ValueError, match=message):
        TreeEnsemble.load(path)


def test_a_file_that_is_not_json_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "trees.json"
    path.write_text("{not json", "utf-8")
    with pytest.raises(ValueError, match=r"trees\.json: not a trees file"):
        TreeEnsemble.load(path)


def test_a_confidence_file_can_name_trees_instead_of_weights(tmp_path: Path) -> None:
    write_trees(tmp_path / "t.json", ("coverage", "margin"), 0.0, STUMPS)
    (tmp_path / "confidence.yaml").write_text("model: boosted_trees\ntrees: t.json\nanswer_at: 0.5\n", "utf-8")
    model = ConfidenceModel.load(tmp_path / "confidence.yaml")
    assert model.should_answer({"coverage": 0.9, "margin": 0.9})
    assert not model.should_answer({"coverage": 0.1, "margin": 0.9})


def test_trees_over_an_unknown_feature_are_refused(tmp_path: Path) -> None:
    write_trees(tmp_path / "t.json", ("coverage", "colour"), 0.0, STUMPS)
    (tmp_path / "confidence.yaml").write_text("model: boosted_trees\ntrees: t.json\nanswer_at: 0.5\n", "utf-8")
    with pytest.raises(ValueError, match="unknown features"):
        ConfidenceModel.load(tmp_path / "confidence.yaml")
