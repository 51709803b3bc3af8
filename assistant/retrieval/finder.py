"""From a question to ranked procedures: analysis, hybrid retrieval with alias boosts, level preference, and the
evidence (term coverage) used to decide between answering, clarifying and declining.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from assistant.answers.clarify import Clarifier
from assistant.retrieval.abroad import place_first
from assistant.retrieval.actions import action_evidence, bundled_rules, order_by_action
from assistant.retrieval.again import first_time_first
from assistant.retrieval.ages import age_first
from assistant.retrieval.applicant import person_first
from assistant.retrieval.cases import general_case_first
from assistant.retrieval.contrast import contrast_rerank
from assistant.retrieval.foreign_element import domestic_first
from assistant.retrieval.hybrid import HybridRetriever, ProcedureHit
from assistant.retrieval.learned import RankingModel, bundled_model, candidate_features
from assistant.retrieval.names import FILLER_TERMS, name_terms
from assistant.retrieval.ranking import prefer_levels, put_first
from assistant.retrieval.rerank import Reranker
from assistant.retrieval.siblings import named_sibling
from assistant.understanding.explained import agency_words, explained_words
from assistant.understanding.function_words import without_function_words
from assistant.understanding.intent import asking_words, intent_words
from assistant.understanding.marks import TypedForms, typed_forms
from assistant.understanding.phrases import phrase_tokens
from assistant.understanding.place_names import is_place_name, without_place_names
from assistant.understanding.possession import asked_terms, held_words
from assistant.understanding.query import QueryAnalysis, QueryAnalyzer
from knowledge.glossary import spelled_out_name
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex
from knowledge.text import fold, index_terms, strip_diacritics

#: How many of the learned ranking's best procedures the rule stages reorder.
RERANK_DEPTH = 15


@dataclass
class Found:
    analysis: QueryAnalysis
    hits: list[ProcedureHit]
    content_terms: set[str]
    #: Content terms typed only with marks -> the exact forms to find them as (``assistant.understanding.marks``).
    typed: TypedForms = field(default_factory=dict)
    _covered: tuple[KnowledgeIndex, np.ndarray] | None = field(default=None, init=False, repr=False)

    @property
    def question_text(self) -> str:
        """The question as typed and with its shorthand expanded, for matching rule words."""
        return f"{self.analysis.text}\n{self.analysis.normalized}"

    @property
    def asked_text(self) -> str:
        """The question with the glossary terms it gained, for reading the action it asks for."""
        return self.question_text + "\n" + "\n".join(self.analysis.expansions)

    def coverage(self, hit: ProcedureHit, index: KnowledgeIndex) -> float:
        """Share of the question's content words found in the procedure's text (any language)."""
        return self.coverage_of(hit.procedure.group_key, index)

    def coverage_of(self, group_key: str, index: KnowledgeIndex) -> float:
        """``coverage`` of a procedure by its group key."""
        if not self.content_terms:
            return 0.0
        if self._covered is None or self._covered[0] is not index:  # every procedure at once, once per index
            alternatives = [self.typed.get(t) or {t} for t in sorted(self.content_terms)]
            self._covered = (index, index.coverage_by_group(alternatives))
        position = index.group_position(group_key)
        return 0.0 if position is None else float(self._covered[1][position])


@lru_cache(maxsize=65536)
def _names_of(procedure_uid: str, names: tuple[str, ...]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Per name, its plain content terms and its exact (marked) terms."""
    return tuple((frozenset(name_terms(n)), frozenset(t for t in index_terms(n) if t.startswith("=")))
                 for n in names)


def learn_names(procedures: Iterable[Procedure]) -> None:
    """Read every procedure's names once, while a server loads, so that the first questions after a start are not
    the ones that pay for it."""
    for procedure in procedures:
        names = (procedure.name, *procedure.aliases)
        _names_of(procedure.uid, names)
        for translation in procedure.translations.values():
            _names_of(procedure.uid, (*names, translation.name, *translation.aliases))
        bundled_rules().split_name(procedure.name)


def _shared(terms: set[str], plain: frozenset[str], exact: frozenset[str], typed: TypedForms) -> int:
    common = plain & terms
    if not typed:
        return len(common)
    return sum(1 for t in common if t not in typed or not typed[t].isdisjoint(exact))


def name_match(procedure: Procedure, terms: set[str], language: str,
               typed: TypedForms | None = None) -> tuple[float, float]:
    """How well one of the procedure's names matches the question: its official name, its name in the asker's
    language, or one of its aliases ("sổ đỏ"). Returns the best, over the names, of the mean of the share of the
    name the question covers and the share of the question the name covers, and the best share of a name covered
    (below 1 when every name says something the question does not: "lại", "có yếu tố nước ngoài")."""
    spelled = spelled_out_name(procedure.name)  # "sổ BHXH" met by "sổ bảo hiểm xã hội" or a typed "bhxh"
    names = [procedure.name, *([spelled] if spelled else []), *procedure.aliases]
    if language in procedure.translations:
        tr = procedure.translations[language]
        names += [tr.name, *tr.aliases]
    best = whole = 0.0
    if not terms:
        return best, whole
    for in_name, exact in _names_of(procedure.uid, tuple(names)):
        if in_name:
            shared = _shared(terms, in_name, exact, typed or {})
            best = max(best, (shared / len(in_name) + shared / len(terms)) / 2)
            whole = max(whole, shared / len(in_name))
    return best, whole


def name_coverage(procedure: Procedure, terms: set[str], language: str, typed: TypedForms | None = None) -> float:
    """The first of ``name_match``: how well the best of the procedure's names and the question match."""
    return name_match(procedure, terms, language, typed)[0]


#: Generic phrases whose syllables are meaningful elsewhere ("hộ" in "tách hộ", "sổ" in "sổ đỏ").
FILLER_PHRASES = re.compile(r"\b(ho so|giay to|thu tuc|the nao|bao nhieu|bao lau|bao gio)\b")


UNSPACED_LANGUAGES = ("zh", "ko")


def _unigrams(text: str) -> set[str]:
    plain = FILLER_PHRASES.sub(" ", strip_diacritics(fold(text)))
    return {t for t in index_terms(plain, exact=False) if "_" not in t}


def content_terms(analysis: QueryAnalysis) -> set[str]:
    """Plain unigram terms of the question (and its expansions) minus filler and intent words."""
    skip = FILLER_TERMS | intent_words(analysis.text) | intent_words(analysis.normalized)
    skip -= topic_words_of_asking(analysis)  # "lệ phí trước bạ" is what is asked about, not only how much
    # Chinese and Korean words never occur in the Vietnamese records: what the question is about is what the
    # glossary rendered of it. Other foreign questions lose their function words ("le", "est", "can"), which
    # stripped of diacritics read as Vietnamese syllables ("lệ", "căn") and would count as found.
    # A province or city says where the asker is, not what about ("mở cửa hàng ở Hải Phòng").
    terms = set() if analysis.language in UNSPACED_LANGUAGES else _unigrams(
        without_place_names(without_function_words(analysis.normalized, analysis.language)))
    for expansion in analysis.expansions:
        if expansion not in analysis.asking and not is_place_name(expansion):
            terms |= _unigrams(expansion)
    return {t for t in terms if t not in skip and len(t) > 1}


def topic_words_of_asking(analysis: QueryAnalysis) -> set[str]:
    """Words of the administrative terms a question names that reach beyond the words asking what to know: "lệ
    phí" asks the fee, and is still the topic inside "lệ phí trước bạ" (a procedure's name)."""
    asking = asking_words(analysis.marked) | asking_words(analysis.text)
    said = set(phrase_tokens(analysis.marked))  # "yêu cầu, điều kiện" is gained from "điều kiện" alone
    kept: set[str] = set()
    for anchor in analysis.anchors:
        terms = set(phrase_tokens(anchor))
        if terms & asking and terms <= said and terms - asking - FILLER_TERMS:
            kept |= terms & asking
    return kept


def question_typed_forms(analysis: QueryAnalysis) -> TypedForms:
    """The marks of a Vietnamese question's words and of the glossary terms it gained (a foreign question's own
    words are matched plain: French "réside" is no Vietnamese word with marks)."""
    texts = [analysis.marked] if analysis.language == "vi" else []
    return typed_forms([*texts, *analysis.expansions])


class ProcedureFinder:
    def __init__(self, retriever: HybridRetriever, analyzer: QueryAnalyzer, reranker: Reranker | None = None,
                 clarifier: Clarifier | None = None, ranking: RankingModel | None = None) -> None:
        self.retriever = retriever
        self.ranking = ranking if ranking is not None else bundled_model()
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

    def candidates(self, analysis: QueryAnalysis, content: set[str], asked: str, probe: Found | None = None
                   ) -> tuple[dict[str, dict[str, float]], dict[str, list[tuple[str, int, float]]]]:
        """Every candidate procedure of the question with its ranking features, and the rankings they came from;
        ``probe`` is the question's ``Found`` when the caller has one (its coverage is then computed once)."""
        rankings = self.retriever.rankings(analysis.normalized, terms=analysis.lexical_terms(),
                                           dense_query=analysis.dense_text(), asked=asked)
        if probe is None:
            probe = Found(analysis, [], content, question_typed_forms(analysis))
        action_of = action_evidence(probe.question_text + "\n" + "\n".join(analysis.expansions))

        def evidence(key: str) -> dict[str, float]:
            procedure = self.index.procedure(key)
            if procedure is None:
                return {}
            share, whole = name_match(procedure, content, analysis.language, probe.typed)
            return {"coverage": probe.coverage_of(key, self.index), "name_share": share, "name_whole": whole,
                    "alias": min(analysis.alias_codes.get(key, 0), 3) / 3,
                    "curated": float(bool(procedure.translations)), **action_of(procedure.name)}

        extra = [key for key in [*analysis.alias_codes, *analysis.codes] if key in self.index.first_chunk]
        return candidate_features(rankings, self.ranking.depth, extra, evidence), rankings

    def find(self, text: str, k: int = 5, language: str | None = None) -> Found:
        analysis = self.analyzer.analyze(text, language)
        found = Found(analysis, [], content_terms(analysis), question_typed_forms(analysis))
        features, rankings = self.candidates(analysis, found.content_terms, text, found)
        ordered = self.ranking.order(features, analysis.language)[: max(k, RERANK_DEPTH)]
        hits = self.retriever.hits_from(ordered, rankings)
        for code in analysis.codes:  # a typed national code wins outright
            procedure = self.index.procedure(code)
            if procedure is not None and hits:
                hits = put_first(self.index, hits, procedure)
        if found.content_terms:
            # rules the ranking cannot learn from a few hundred questions: the action the question names, the
            # contrast word that separates two siblings, a stated qualifier or age, a clarification rule's pick
            hits = order_by_action(hits, found.asked_text)
            # an idiom's words are carried by the term it gained ("con lai" states no "lại"; "cửa hàng" is an
            # "địa điểm kinh doanh", which is what the records say): left out from here on, coverage included
            found.content_terms = found.content_terms - explained_words(analysis.marked, analysis.glossary_entries)
            # the words that ask: not those naming a paper the asker holds ("đã có giấy khai sinh") nor an office
            # to submit to ("nộp ở văn phòng đăng ký đất đai")
            unheld = asked_terms(found.content_terms, found.question_text)
            if analysis.language != "vi":  # "already has a birth certificate": its Vietnamese terms are held too
                unheld -= held_words(analysis.text, self.analyzer.terms)
            asked = unheld - agency_words(analysis.marked, [*analysis.anchors, *analysis.expansions])
            hits = contrast_rerank(hits, asked, analysis.language, held=found.content_terms - unheld,
                                   actions_named=bool(bundled_rules().asked(found.asked_text)))
            hits = self._qualified_first(hits, asked)
            hits = self.clarifier.promote(hits, found.question_text)
            # a rule's pick gives way to its own qualified member the question names ("kết hôn" → "đăng ký lại
            # kết hôn có yếu tố nước ngoài" when "đăng ký lại" and a French father are stated)
            hits = self._qualified_first(hits, asked)
            hits = age_first(self.index, hits, found.question_text)  # "con tôi 8 tuổi" → "... dưới 14 tuổi"
            hits = place_first(self.index, hits, found.question_text)  # "... ở trong nước" unless living abroad
            hits = domestic_first(hits, found.content_terms, analysis.language)  # nothing foreign named
            hits = first_time_first(hits, found.asked_text)  # nothing said of doing it again
            hits = general_case_first(hits, found.content_terms)  # "... trong trường hợp thay đổi chủ xe" unless said
            hits = person_first(hits, found.asked_text)  # "... cho cơ quan, tổ chức" unless one is named
        if self.reranker is not None:
            hits = self.reranker.rerank(analysis.text, hits)
        found.hits = prefer_levels(hits, text)[:k]
        return found
