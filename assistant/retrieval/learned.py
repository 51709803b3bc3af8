"""Learned ranking: one linear score over the evidence every retrieval signal gives a candidate procedure.

Reciprocal-rank fusion with hand-set weights treats every signal alike for every question; over the national
corpus it lost to a plain BM25 over the names (README, "Beyond the pack"). Here each candidate procedure (the best
few of the chunk BM25, the dense search, the names ranking over the expanded question and over the question as
typed, plus the procedures its colloquial words name) gets a handful of features, and a linear model fitted
pairwise on the development questions (``eval/tools/fit_ranking.py``) scores them. Features and weights live in
``knowledge/ranking.yaml``; a feature may be a product with a language indicator (``rrf_dense*en``) or of two
features (``coverage*name_share``), so the dense search can count for English and not for Arabic without code.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge

RANKING_FILE = Path(knowledge.__file__).parent / "ranking.yaml"
#: The rankings a candidate can come from, in the order its best chunk is taken from.
SIGNALS = ("lexical", "dense", "names", "asked")
#: Rank offset of the reciprocal-rank features (as in RRF).
RRF_K = 60.0
#: Language indicators a feature may be multiplied by; ``foreign`` is any language but Vietnamese.
LANGUAGE_FLAGS = ("vi", "en", "ar", "zh", "ko", "fr", "foreign")
#: Plain features per candidate (besides ``rrf_``, ``first_`` and ``rel_`` of each signal).
PLAIN_FEATURES = ("coverage", "name_share", "name_whole", "alias", "curated", "action_asked", "action_unasked")

Ranking = Sequence[tuple[str, int, float]]


def signal_features(rankings: Mapping[str, Ranking]) -> dict[str, dict[str, float]]:
    """For every procedure key in any ranking: its reciprocal rank (scaled to 1 for the first), whether it is
    first, and its score relative to the ranking's best, per signal."""
    out: dict[str, dict[str, float]] = {}
    for signal, ranking in rankings.items():
        best = ranking[0][2] if ranking else 0.0
        for rank, (key, _row, score) in enumerate(ranking, start=1):
            features = out.setdefault(key, {})
            features[f"rrf_{signal}"] = RRF_K / (RRF_K + rank)
            features[f"first_{signal}"] = float(rank == 1)
            features[f"rel_{signal}"] = score / best if best > 0 else 0.0
    return out


def _flag(language: str, flag: str) -> float:
    return float(language != "vi") if flag == "foreign" else float(language == flag)


@lru_cache(maxsize=256)
def _factors(expression: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in expression.split("*"))


def feature_value(expression: str, features: Mapping[str, float], language: str) -> float:
    """Value of a feature expression such as ``rrf_dense``, ``rrf_dense*en`` or ``coverage*name_share``."""
    value = 1.0
    for factor in _factors(expression):
        value *= _flag(language, factor) if factor in LANGUAGE_FLAGS else features.get(factor, 0.0)
    return value


def known_feature(expression: str) -> bool:
    """Whether every factor of ``expression`` is a feature this module computes or a language flag."""
    base = {f"{kind}_{signal}" for kind in ("rrf", "first", "rel") for signal in SIGNALS} | set(PLAIN_FEATURES)
    return all(f in base or f in LANGUAGE_FLAGS for f in _factors(expression))


@dataclass(frozen=True, eq=False)  # hashed by identity: ``_terms`` caches per model
class RankingModel:
    """Linear weights over feature expressions; ``depth`` candidates are taken from each ranking."""

    weights: dict[str, float]
    depth: int = 30
    #: Scores become ``exp((s - best) / temperature)``: the best hit scores 1 and the ratio rules downstream
    #: ("at least 0.6 of the best") read as gaps in the linear score.
    temperature: float = 1.0

    @classmethod
    def load(cls, path: Path = RANKING_FILE) -> RankingModel:
        data = yaml.safe_load(path.read_text("utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        unknown = [k for k in weights if not known_feature(k)]
        if unknown:
            raise ValueError(f"{path}: unknown ranking features {unknown}")
        return cls(weights, int(data.get("depth", 30)), float(data.get("temperature", 1.0)))

    def score(self, features: Mapping[str, float], language: str) -> float:
        total = 0.0
        for weight, factors in _terms(self, language):
            value = 1.0
            for factor in factors:
                value *= features.get(factor, 0.0)
            total += weight * value
        return total

    def order(self, candidates: Mapping[str, Mapping[str, float]], language: str) -> list[tuple[str, float]]:
        """Candidate keys best first, each with a positive score (1 for the best)."""
        scored = sorted(((key, self.score(f, language)) for key, f in candidates.items()), key=lambda kv: -kv[1])
        if not scored:
            return []
        best = scored[0][1]
        return [(key, math.exp((s - best) / self.temperature)) for key, s in scored]


@lru_cache(maxsize=64)
def _terms(model: RankingModel, language: str) -> tuple[tuple[float, tuple[str, ...]], ...]:
    """The model's weights for one language: each expression's language flags folded into its weight (and the
    expressions they zero dropped), leaving the feature factors to multiply per candidate."""
    terms = []
    for expression, weight in model.weights.items():
        factors = _factors(expression)
        for flag in (f for f in factors if f in LANGUAGE_FLAGS):
            weight *= _flag(language, flag)
        if weight:
            terms.append((weight, tuple(f for f in factors if f not in LANGUAGE_FLAGS)))
    return tuple(terms)


def candidate_features(rankings: Mapping[str, Ranking], depth: int, extra_keys: Sequence[str],
                       evidence: Callable[[str], dict[str, float]]) -> dict[str, dict[str, float]]:
    """Features of the best ``depth`` of every ranking and of ``extra_keys`` (procedures the question's words
    name); ``evidence(key)`` adds the per-procedure features (coverage, name share, ...)."""
    signals = signal_features({name: ranking[:depth] for name, ranking in rankings.items()})
    for key in extra_keys:
        signals.setdefault(key, {})
    return {key: {**features, **evidence(key)} for key, features in signals.items()}


@lru_cache(maxsize=1)
def bundled_model() -> RankingModel:
    """The fitted model shipped with the code."""
    return RankingModel.load()
