"""From a question to ranked procedures: analysis, hybrid retrieval with alias boosts, level preference, and the
evidence (term coverage) used to decide between answering, clarifying and declining.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.answers.clarify import Clarifier
from assistant.retrieval.actions import order_by_action
from assistant.retrieval.ages import age_first
from assistant.retrieval.contrast import contrast_rerank
from assistant.retrieval.hybrid import HybridRetriever, ProcedureHit
from assistant.retrieval.names import FILLER_TERMS, name_terms
from assistant.retrieval.ranking import prefer_levels, put_first
from assistant.retrieval.rerank import Reranker
from assistant.retrieval.siblings import named_sibling
from assistant.understanding.intent import intent_words
from assistant.understanding.query import QueryAnalysis, QueryAnalyzer
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex
from knowledge.text import fold, index_terms, strip_diacritics

#: Weight of the dense ranking by question language: the bundled MiniLM is English-strong, weak for Vietnamese
#: and useless for Arabic (measured on the development set; see README).
DENSE_WEIGHTS = {"en": 2.0, "vi": 0.6, "ar": 0.3, "other": 0.3}
ALIAS_BOOST = 0.25
CODE_BOOST = 100.0
FOREIGN_ALIAS_BOOST = 0.0
COVERAGE_FLOOR = 0.5
NAME_FLOOR = 0.5
NAME_POWER = 2.0
#: How many fused results are reranked by coverage and name match.
RERANK_DEPTH = 15


@dataclass
class Found:
    analysis: QueryAnalysis
    hits: list[ProcedureHit]
    content_terms: set[str]

    @property
    def question_text(self) -> str:
        """The question as typed and with its shorthand expanded, for matching rule words."""
        return f"{self.analysis.text}\n{self.analysis.normalized}"

    def coverage(self, hit: ProcedureHit, index: KnowledgeIndex) -> float:
        """Share of the question's content words found in the procedure's text (any language)."""
        if not self.content_terms:
            return 0.0
        key = hit.procedure.group_key
        return sum(index.has_term(key, t) for t in self.content_terms) / len(self.content_terms)


@lru_cache(maxsize=65536)
def _names_of(procedure_uid: str, names: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(name_terms(n)) for n in names)


def name_coverage(procedure: Procedure, terms: set[str], language: str) -> float:
    """How well one of the procedure's names matches the question: its official name, its name in the asker's
    language, or one of its aliases ("sổ đỏ"). For each name, the mean of the share of the name the question
    covers and the share of the question the name covers; the best name counts."""
    names = [procedure.name, *procedure.aliases]
    if language in procedure.translations:
        tr = procedure.translations[language]
        names += [tr.name, *tr.aliases]
    best = 0.0
    if not terms:
        return best
    for in_name in _names_of(procedure.uid, tuple(names)):
        if in_name:
            shared = len(in_name & terms)
            best = max(best, (shared / len(in_name) + shared / len(terms)) / 2)
    return best


#: Generic phrases whose syllables are meaningful elsewhere ("hộ" in "tách hộ", "sổ" in "sổ đỏ").
FILLER_PHRASES = re.compile(r"\b(ho so|giay to|thu tuc|the nao|bao nhieu)\b")


UNSPACED_LANGUAGES = ("zh", "ko")


def _unigrams(text: str) -> set[str]:
    plain = FILLER_PHRASES.sub(" ", strip_diacritics(fold(text)))
    return {t for t in index_terms(plain, exact=False) if "_" not in t}


def content_terms(analysis: QueryAnalysis) -> set[str]:
    """Plain unigram terms of the question (and its expansions) minus filler and intent words."""
    skip = FILLER_TERMS | intent_words(analysis.text) | intent_words(analysis.normalized)
    # Chinese and Korean words never occur in the Vietnamese records: what the question is about is what the
    # glossary rendered of it
    terms = set() if analysis.language in UNSPACED_LANGUAGES else _unigrams(analysis.normalized)
    for expansion in analysis.expansions:
        terms |= _unigrams(expansion)
    return {t for t in terms if t not in skip and len(t) > 1}


class ProcedureFinder:
    def __init__(self, retriever: HybridRetriever, analyzer: QueryAnalyzer, reranker: Reranker | None = None,
                 clarifier: Clarifier | None = None) -> None:
        self.retriever = retriever
        self.analyzer = analyzer
        self.reranker = reranker
        self.clarifier = clarifier if clarifier is not None else Clarifier.bundled()

    @property
    def index(self) -> KnowledgeIndex:
        return self.retriever.index

    def _qualified_first(self, hits: list[ProcedureHit], asked: set[str]) -> list[ProcedureHit]:
        """The best hit's qualified sibling goes first when the question states its qualifier ("quốc tịch Úc" →
        "... có yếu tố nước ngoài"), found or not: retrieval often ranks it below unrelated procedures."""
        if not hits:
            return hits
        sibling = named_sibling(self.index, hits[0].procedure, asked, qualified_only=True)
        return hits if sibling is None else put_first(self.index, hits, sibling)

    def find(self, text: str, k: int = 5, language: str | None = None) -> Found:
        analysis = self.analyzer.analyze(text, language)
        weight = ALIAS_BOOST if analysis.language == "vi" else FOREIGN_ALIAS_BOOST
        boosts = {code: weight * min(size, 3) / 3 for code, size in analysis.alias_codes.items()}
        boosts.update({code: CODE_BOOST for code in analysis.codes})  # a typed national code wins outright
        hits = self.retriever.search(
            analysis.normalized, k=max(k, RERANK_DEPTH), terms=analysis.lexical_terms(),
            dense_query=analysis.dense_text(),
            boosts=boosts, dense_weight=DENSE_WEIGHTS.get(analysis.language, DENSE_WEIGHTS["other"]),
            # over the national corpus the names ranking lifted non-pack hit@1 by 2.5 (dev) and 5.8 (held-out)
            # points; for English and Arabic, whose terms reach the names only through the glossary, it cost
            # pack questions (README, "Beyond the pack")
            by_name=analysis.language == "vi",
        )
        found = Found(analysis, hits, content_terms(analysis))
        if found.content_terms:
            # Rerank by how much of the question the procedure covers (RRF alone rewards a procedure that is
            # strong on one word over one that matches every word), and by how much of the procedure's name the
            # question covers (prefer "đăng ký kết hôn" over "đăng ký lại kết hôn" unless the question says "lại").
            for hit in hits:
                name_share = name_coverage(hit.procedure, found.content_terms, analysis.language)
                hit.score *= (COVERAGE_FLOOR + found.coverage(hit, self.index)) * (NAME_FLOOR + name_share**NAME_POWER)
            hits.sort(key=lambda h: -h.score)
            hits = order_by_action(hits, found.question_text + "\n" + "\n".join(analysis.expansions))
            hits = contrast_rerank(hits, found.content_terms, analysis.language)
            hits = self._qualified_first(hits, found.content_terms)
            hits = self.clarifier.promote(hits, found.question_text)
            hits = age_first(self.index, hits, found.question_text)  # "con tôi 8 tuổi" → "... dưới 14 tuổi"
        if self.reranker is not None:
            hits = self.reranker.rerank(analysis.text, hits)
        found.hits = prefer_levels(hits, text)[:k]
        return found
