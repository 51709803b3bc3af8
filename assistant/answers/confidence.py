"""One calibrated confidence that the best procedure found is the one the question is about.

Retrieval always returns something; what matters at the counter is whether to answer with it or to say that
nothing fits and offer the closest procedures (``no_match``). The evidence is a handful of features of the question
and the ranking (how much of the best name the question covers, how much of the question the procedure covers, how
far ahead it is of the first other procedure, not counting its own copies at other levels or under other actions,
whether the question names an alias or uses administrative vocabulary, how many procedures the index holds, ...),
and a model over them gives the probability that answering is right: logistic weights, or boosted trees whose
every split can only raise the confidence as the evidence grows (``assistant.answers.boosted_trees``), which see
where two pieces of evidence together mean more than each alone (a short question over a crowded index). The model,
and the probability needed to answer, live in ``knowledge/confidence.yaml``, fitted on the development questions by
``eval/tools/calibrate.py``, which also reports how reliable each outcome is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

import knowledge
from assistant.answers.boosted_trees import TreeEnsemble
from assistant.retrieval.abroad import abroad_words, counterpart
from assistant.retrieval.actions import same_object
from assistant.retrieval.finder import Found, name_coverage
from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.siblings import is_qualified_member
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex
from knowledge.text import index_terms

CONFIDENCE_FILE = Path(knowledge.__file__).parent / "confidence.yaml"
#: The features, in the order the weights file lists them.
FEATURES = ("name_match", "coverage", "margin", "anchored", "anchors_found", "alias", "lexical_first",
            "content_terms", "vietnamese", "index_size")


def question_features(found: Found, index: KnowledgeIndex) -> dict[str, float]:
    """The evidence for answering with the best hit of ``found`` (which must have one)."""
    hits = found.hits
    top = hits[0]
    terms = len(found.content_terms)
    return {
        "name_match": name_coverage(top.procedure, found.content_terms, found.analysis.language, found.typed),
        "coverage": found.coverage(top, index),
        "margin": margin(hits, index),
        "anchored": float(bool(found.analysis.anchors)),
        "anchors_found": anchors_found(found.analysis.anchors, top.procedure.group_key, index),
        "alias": float(top.code in found.analysis.alias_codes),
        "lexical_first": 1.0 / top.lexical_rank if top.lexical_rank else 0.0,
        "dense_first": 1.0 / top.dense_rank if top.dense_rank else 0.0,
        "content_terms": math.log1p(terms),
        "vietnamese": float(found.analysis.language == "vi"),
        # how crowded the index is: over 75 curated procedures a close second is rarer than over 2,642
        "index_size": math.log10(max(len(index.by_code), 1)),
    }


def rival_score(hits: list[ProcedureHit], index: KnowledgeIndex | None = None) -> float:
    """Score of the best hit that is another procedure, not a version of the best one (its copy at another level,
    the same object under another action, and with ``index`` its plain or qualified member: "... có yếu tố nước
    ngoài"): a close "Cấp đổi" behind "Cấp mới" says which member is unsure, not that nothing fits."""
    return _own_and_rival(hits, index)[1]


def margin(hits: list[ProcedureHit], index: KnowledgeIndex | None = None) -> float:
    """How far ahead of the first other procedure the best hit is, as a share of its score, counting the best
    score of its versions: a rule that picks the foreign-element member over its plain one, which retrieval scored
    higher, chooses within the procedure and does not make it less likely that the procedure fits."""
    own, rival = _own_and_rival(hits, index)
    return (own - rival) / own if own > 0 else 0.0


def _own_and_rival(hits: list[ProcedureHit], index: KnowledgeIndex | None) -> tuple[float, float]:
    """The best score of the best hit and its versions, and that of the first hit of another procedure."""
    top, own, rival = hits[0].procedure, hits[0].score, None
    for hit in hits[1:]:
        if _version_of(top, hit.procedure, index):
            own = max(own, hit.score)
        elif rival is None:
            rival = hit.score
    return own, rival or 0.0


def _version_of(top: Procedure, other: Procedure, index: KnowledgeIndex | None) -> bool:
    """Whether ``other`` is ``top`` at another level, under another action, with or without a qualifier, or for
    an applicant at home or abroad ("Trở lại quốc tịch Việt Nam ở trong nước" / "... ở nước ngoài")."""
    if same_object(top.name, other.name):
        return True
    if index is None:
        return False
    if is_qualified_member(index, top, other) or is_qualified_member(index, other, top):
        return True
    pair = counterpart(index, top, abroad_words())
    return pair is not None and pair[0].group_key == other.group_key


def anchors_found(anchors: list[str], group_key: str, index: KnowledgeIndex) -> float:
    """Share of the question's administrative terms ("giấy phép lao động") that the procedure's text contains as
    phrases (every pair of adjacent words); 1 when the question has none. A building permit found for a work-permit
    question shares "giấy phép" and nothing else."""
    if not anchors:
        return 1.0
    found = 0
    for anchor in anchors:
        terms = index_terms(anchor, exact=False)
        phrase = [t for t in terms if "_" in t] or terms
        found += all(index.has_term(group_key, t) for t in phrase)
    return found / len(anchors)


@dataclass(frozen=True)
class ConfidenceModel:
    """The probability that answering is right (logistic weights over ``FEATURES``, or boosted trees) and the
    probability at which the assistant answers."""

    weights: dict[str, float]
    intercept: float
    answer_at: float
    #: Smallest and largest index size (log10 of procedures) the model was fitted on; sizes outside are clamped.
    index_size_range: tuple[float, float] = (0.0, 9.0)
    #: Boosted trees that replace the weights (``model: boosted_trees`` in the file).
    trees: TreeEnsemble | None = None

    @classmethod
    def load(cls, path: Path = CONFIDENCE_FILE) -> ConfidenceModel:
        """Read a confidence file; one that is malformed raises ``ValueError`` naming it and what is wrong."""
        data = yaml.safe_load(path.read_text("utf-8"))
        try:
            return cls._from(data, path)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not a confidence file ({exc!r} missing or malformed)") from exc

    @classmethod
    def _from(cls, data: dict[str, Any], path: Path) -> ConfidenceModel:
        answer_at = float(data["answer_at"])
        if not 0.0 <= answer_at <= 1.0:
            raise ValueError(f"{path}: answer_at must be a probability, got {answer_at}")
        low, high = data.get("index_size_range", (0.0, 9.0))
        kind = data.get("model", "logistic")
        if kind not in ("logistic", "boosted_trees"):
            raise ValueError(f"{path}: model must be logistic or boosted_trees, got {kind!r}")
        trees = None
        if kind == "boosted_trees":
            trees = TreeEnsemble.load(path.parent / str(data["trees"]))
            named = set(trees.features)
            weights: dict[str, float] = {}
        else:
            weights = {name: float(value) for name, value in data["weights"].items()}
            named = set(weights)
        unknown = named - set(FEATURES)
        if unknown:
            raise ValueError(f"{path}: unknown features {sorted(unknown)}; expected some of {FEATURES}")
        return cls(weights, float(data.get("intercept", 0.0)), answer_at, (float(low), float(high)), trees)

    def probability(self, features: dict[str, float]) -> float:
        """Probability that answering with the best hit is right."""
        low, high = self.index_size_range
        features = {**features, "index_size": min(max(features.get("index_size", low), low), high)}
        if self.trees is not None:
            z = self.trees.log_odds(features)
        else:
            z = self.intercept + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def should_answer(self, features: dict[str, float]) -> bool:
        """Whether the evidence (``question_features``) is strong enough to answer."""
        return self.probability(features) >= self.answer_at


@lru_cache(maxsize=1)
def bundled_confidence() -> ConfidenceModel:
    return ConfidenceModel.load()
