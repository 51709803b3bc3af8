"""The chat service: a message in, a grounded and cited answer (or a clarification or a polite refusal) out."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.answers.choice import picked_procedure
from assistant.answers.compose import compose_answer
from assistant.answers.confidence import ConfidenceModel, bundled_confidence, question_features
from assistant.answers.labels import label
from assistant.answers.llm import LlmAnswerer
from assistant.answers.storage import ConversationStore
from assistant.redact import redact
from assistant.retrieval.abroad import at_home_only
from assistant.retrieval.actions import member_doing_asked
from assistant.retrieval.ages import member_for_age, question_age
from assistant.retrieval.finder import Found, ProcedureFinder
from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.names import name_terms
from assistant.retrieval.siblings import family_of, is_qualified_member, named_sibling
from assistant.schemas import Candidate, ChatRequest, ChatResponse, Citation, ProcedureRef
from assistant.understanding.intent import intent_words, read_intent
from assistant.understanding.scope import classify_scope
from assistant.understanding.service import ServiceTopic, service_topic
from knowledge.chunks import source_label
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex
from knowledge.text import index_terms

log = logging.getLogger(__name__)

#: Share of the question's content words that must be found in a procedure to answer about it.
MIN_COVERAGE = 0.5
#: Words about how or when to submit that do not change the procedure under discussion ("làm online trên VNeID?").
FOLLOW_UP_WORDS = frozenset(
    t for phrase in ("trực tuyến online trực tiếp bưu chính bưu điện VNeID ứng dụng định danh quốc gia cổng dịch vụ "
                     "công nộp hồ sơ bao lâu mất bao nhiêu ngày tiền phí lệ phí xong ở đâu nơi nào tờ khai mẫu đơn "
                     "biểu form ký tên giải quyết xử lý thực hiện").split()
    for t in index_terms(phrase, exact=False, query_forms=True)
)
#: How well the best procedure's name must match a question without administrative vocabulary to answer it.
MIN_NAME_MATCH = 0.34
#: A new question in a conversation stays in the conversation's field (land, civil status...) when one of the
#: best ``CONTEXT_DEPTH`` hits of that field scored at least ``CONTEXT_RATIO`` of the best: "sổ bị cháy mất thì
#: làm lại thế nào?" after a land question is about the land certificate, not the health-insurance card.
CONTEXT_DEPTH = 4
CONTEXT_RATIO = 0.8


@dataclass
class Decision:
    outcome: str
    procedure: Procedure | None = None
    candidates: list[ProcedureHit] | None = None
    question: str | None = None
    #: A question about the service itself: the ``no_match`` says where its answer is
    service: ServiceTopic | None = None


class ChatService:
    def __init__(self, finder: ProcedureFinder, store: ConversationStore, llm: LlmAnswerer | None = None,
                 confidence: ConfidenceModel | None = None) -> None:
        self.finder = finder
        self.store = store
        self.llm = llm
        self.confidence = confidence or bundled_confidence()

    @property
    def index(self) -> KnowledgeIndex:
        return self.finder.index

    def decide(self, found: Found, session_procedure: str | None, intent: str | None = None) -> Decision:
        hits = found.hits
        alias_hit = next((h for h in hits if h.code in found.analysis.alias_codes), None)
        current = self.index.procedure(session_procedure) if session_procedure else None
        if current is not None:
            age = question_age(found.question_text)
            member = member_for_age(self.index, current, age) if age is not None else None
            if member is not None:
                return Decision("answered", member)  # "cháu mới 8 tuổi" after the card for 14 and over
            sibling = self._sibling_named(found, current)
            if sibling is not None:
                return Decision("answered", sibling)  # "and if the father is Japanese?": that member of the family
            member = member_doing_asked(current, self._members(found, current), found.asked_text)
            if member is not None:
                return Decision("answered", member)  # "how do I extend it?": the family's member for that action
            if self._is_follow_up(found, alias_hit, current):
                return Decision("answered", current)
            hits = found.hits = same_field_first(hits, current)
        typed = next((h for h in hits if h.code in found.analysis.codes), None)
        if typed is not None:
            return Decision("answered", typed.procedure)
        top = hits[0] if hits else None
        if top is None:
            return Decision("no_match" if found.analysis.anchored else "out_of_scope")
        features = question_features(found, self.index)
        coverage, name_match = features["coverage"], features["name_match"]
        # Arabic (and other non-Latin) questions inflect words the glossary lists in one form, so the anchor test
        # is weaker there; the topic rules of ``understanding.scope`` still decline weather, money, chit-chat...
        lenient = found.analysis.language not in ("vi", "en")
        in_domain = (
            found.analysis.anchored or name_match >= MIN_COVERAGE
            or (coverage >= MIN_COVERAGE and (name_match >= MIN_NAME_MATCH or intent is not None or lenient))
        )
        if not in_domain:
            if current is not None:
                return Decision("answered", current)  # more about the asker ("I moved back to Germany"), not a topic
            return Decision("out_of_scope")  # no administrative vocabulary at all: weather, chit-chat, shopping...
        if not self.confidence.should_answer(features):
            return Decision("no_match")  # the best procedure is only loosely related: offer candidates instead
        if at_home_only(top.procedure, found.question_text):
            return Decision("no_match")  # "ở trong nước" for someone living abroad: done at a mission, not here
        clarification = self.finder.clarifier.clarification(
            hits, found.question_text, found.analysis.language, self._known_hits(top, hits))
        if clarification is not None:
            return Decision("clarify", candidates=clarification.options,
                            question=clarification.rule.question.get(found.analysis.reply_language))
        return Decision("answered", top.procedure)

    def _sibling_named(self, found: Found, current: Procedure) -> Procedure | None:
        return named_sibling(self.index, current, set(found.content_terms), _generic_words(found))

    def _members(self, found: Found, current: Procedure) -> list[Procedure]:
        """Procedures that may be another action's member of ``current``'s family: the hits, then its family."""
        family = (self.index.procedure(code) for code in family_of(self.index, current.code or current.uid))
        return [h.procedure for h in found.hits] + [p for p in family if p is not None]

    def _known_hits(self, top: ProcedureHit, ranked: list[ProcedureHit]) -> dict[str, ProcedureHit]:
        """Procedures a clarification rule may offer that retrieval did not return, looked up by code."""
        retrieved = {h.code for h in ranked}
        known = {}
        for code in sorted(self.finder.clarifier.codes_near(top.code) - retrieved):
            procedure = self.index.procedure(code)
            chunks = self.index.chunks_of(procedure.group_key) if procedure is not None else []
            if procedure is not None and chunks:
                known[code] = ProcedureHit(procedure, 0.0, chunks[0])
        return known

    def _is_follow_up(self, found: Found, alias_hit: ProcedureHit | None, current: Procedure) -> bool:
        """A question with nothing new in it ("còn lệ phí thì sao?", "and online?") is about the same procedure."""
        if (alias_hit is not None and alias_hit.procedure.group_key != current.group_key
                and not is_qualified_member(self.index, alias_hit.procedure, current)):
            return False  # another procedure by name; naming the family of the current one ("khai tử") is not
        if self.finder.clarifier.names_another_option(found.question_text, current.code or current.uid):
            return False  # "and if my fiancée is Korean?" after the domestic marriage: the foreign procedure
        if not found.content_terms:
            return True
        key = current.group_key
        generic = _generic_words(found)
        for anchor in found.analysis.anchors:
            specific = name_terms(anchor) - generic
            if specific and not all(self.index.has_term(key, t) for t in specific):
                return False  # administrative words the current procedure does not use: a new question
        known = sum(self.index.has_term(key, t) for t in found.content_terms) / len(found.content_terms)
        return known >= MIN_COVERAGE or len(found.content_terms - generic) <= 3

    def answer(self, request: ChatRequest, *, use_llm: bool = True, asker: str = "citizen") -> ChatResponse:
        """Answer one message. ``asker`` (citizen or staff) comes from the caller's credentials and is stored for
        the statistics; the claimed ``channel`` only shapes the answer (the kiosk's is shorter)."""
        chat = self.store.session(request.session_id, request.channel)
        language_hint = request.language
        if language_hint is None and chat.language and not any(ch.isalpha() for ch in request.message):
            language_hint = chat.language  # "1", "1.000894": a pick keeps the conversation's language
        found = self.finder.find(request.message, k=5, language=language_hint)
        language = found.analysis.reply_language
        reading = read_intent(request.message)
        intent, asked = reading.intent, reading.asked  # ``asked``: evidence that it is a procedure question at all
        if intent is None and request.session_id:  # "and if my wife is Korean?", a pick ("1") after "what papers?"
            intent = self.store.last_intent(chat.id)  # still ask what the conversation asked
        scope = classify_scope(request.message)
        offered = self.store.offered(chat.id) if request.session_id else []  # a new session has no offer
        picked = picked_procedure(found, offered, self.finder.clarifier, self.index)
        if picked is not None:
            decision = Decision("answered", picked)  # the reply to our clarifying question
        elif not scope.in_scope:
            decision = Decision("out_of_scope")
        elif (service := service_topic(request.message)) is not None:  # a dossier's status, an office's hours ...
            decision = Decision("no_match", service=service)
        else:
            # "and the fee?" right after a clarifying question that was not answered: the first option (the one
            # ranked best) is what the follow-up is about
            decision = self.decide(found, offered[0] if offered else chat.procedure_code, asked)
        response = self._respond(decision, found, intent, language, request.channel, use_llm)
        response.session_id = chat.id
        response.message_id = self.store.record(
            chat, language=language, question=request.message, outcome=response.outcome, intent=intent,
            procedure_code=response.procedure.code if response.procedure else None,
            offered=[c.code for c in response.candidates] if response.outcome == "clarify" else None, asker=asker,
        )
        log.debug("chat outcome=%s intent=%s lang=%s q=%r", response.outcome, intent, language,
                  redact(request.message)[:200])
        return response

    def _respond(self, decision: Decision, found: Found, intent: str | None, language: str,
                 channel: str, use_llm: bool) -> ChatResponse:
        base = {"session_id": "", "message_id": "", "language": language, "intent": intent}
        if decision.outcome in ("out_of_scope", "no_match"):
            candidates = [] if decision.outcome == "out_of_scope" else self._candidates(found.hits[:3], language)
            service = decision.service
            answer = service.reply(language) if service else label(language, decision.outcome)
            return ChatResponse(**base, outcome=decision.outcome, answer=answer, candidates=candidates,
                                service=service.name if service else None)
        if decision.outcome == "clarify":
            options = decision.candidates or []
            lines = [decision.question or label(language, "clarify")]
            lines += [f"{n}. {_both_names(h.procedure, language)} ({h.code})" for n, h in enumerate(options, start=1)]
            return ChatResponse(**base, outcome="clarify", answer="\n".join(lines),
                                candidates=self._candidates(options, language))
        procedure = decision.procedure
        assert procedure is not None
        composed = compose_answer(procedure, intent, language, channel, frozenset(found.content_terms))
        citations = self._citations(procedure, composed.sections)
        answer, generated_by = composed.text, "composer"
        if self.llm is not None and use_llm:
            generated = self.llm.answer(found.analysis.text, language, procedure, self.index, intent)
            if generated is not None:
                answer, generated_by = generated, "llm"
        return ChatResponse(**base, outcome="answered", answer=answer, procedure=self._ref(procedure, language),
                            candidates=self._candidates(found.hits[:3], language), citations=citations,
                            generated_by=generated_by)

    def _ref(self, p: Procedure, language: str) -> ProcedureRef:
        return ProcedureRef(code=p.code or p.uid, name=p.name_in(language), name_vi=p.name, level=p.levels,
                            field=p.field)

    @staticmethod
    def _candidates(hits: list[ProcedureHit], language: str) -> list[Candidate]:
        return [Candidate(code=h.code, name=h.procedure.name_in(language), name_vi=h.procedure.name,
                          score=round(h.score, 6)) for h in hits]

    def _citations(self, p: Procedure, sections: list[str]) -> list[Citation]:
        out = []
        for chunk in self.index.chunks_of(p.group_key):
            if chunk.section in sections and chunk.language == "vi" and chunk.procedure_uid == p.uid:
                snippet = " ".join(chunk.text.split("\n")[1:])[:240] or chunk.text[:240]
                out.append(Citation(procedure_code=p.code or p.uid, section=chunk.section, source=source_label(p),
                                    snippet=snippet))
        return out


def same_field_first(hits: list[ProcedureHit], current: Procedure) -> list[ProcedureHit]:
    """``hits`` with the best close hit of the conversation's field first (see ``CONTEXT_RATIO``)."""
    if not hits or not current.field or hits[0].procedure.field == current.field:
        return hits
    floor = CONTEXT_RATIO * hits[0].score
    for position, hit in enumerate(hits[1:CONTEXT_DEPTH], start=1):
        if hit.procedure.field == current.field and hit.score >= floor:
            return [hit, *hits[:position], *hits[position + 1:]]
    return hits


def _both_names(p: Procedure, language: str) -> str:
    """A translated name with the official Vietnamese one beside it (the citizen shows it at the counter)."""
    name = p.name_in(language)
    return name if name == p.name else f"{name} — {p.name}"


def _generic_words(found: Found) -> frozenset[str]:
    """Words that only say what the person wants to know, in the question or gained from its asking words
    ("which office" gains "văn phòng"): they never make a follow-up a new question."""
    analysis = found.analysis
    gained = {t for term in analysis.asking for t in name_terms(term)}
    return frozenset(FOLLOW_UP_WORDS | intent_words(analysis.text) | intent_words(analysis.normalized) | gained)
