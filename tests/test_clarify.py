"""Clarification rules: loading and validation, word matching, when to ask, and asking through chat."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.chat import ChatService
from assistant.answers.clarify import Clarifier
from assistant.answers.storage import ConversationStore
from assistant.retrieval.hybrid import ProcedureHit
from assistant.runtime import KnowledgeRuntime
from assistant.schemas import ChatRequest
from ingest.pipeline import Ingestor
from knowledge.chunks import Chunk
from knowledge.clarify import ClarifyError, ClarifyRule, load_rules
from knowledge.embeddings import HashingEmbedder
from knowledge.model import Procedure, Provenance
from knowledge.pack_schema import bundled_pack_dir
from knowledge.settings import Settings
from knowledge.store import IndexStore

QUESTION = {"vi": "Hai bạn đều là người Việt?", "en": "Are you both Vietnamese?", "ar": "هل أنتما فيتناميان؟"}
MARRIAGE = ClarifyRule(
    id="marriage", question=QUESTION, languages=["en", "ar"],
    options=[{"codes": ["1.000894"], "words": ["both vietnamese", "فيتناميان"]},  # type: ignore[list-item]
             {"codes": ["2.000806"], "words": ["nước ngoài", "foreigner", "أجنبي"]}],  # type: ignore[list-item]
)


def _hit(code: str, score: float) -> ProcedureHit:
    procedure = Procedure(uid=f"dvc:{code}", code=code, name=f"Thủ tục {code}",
                          provenance=Provenance(source_kind="dvc", source_file="test.jsonl"))
    return ProcedureHit(procedure, score, Chunk(f"dvc:{code}:overview:0", procedure.uid, code, "overview", "vi",
                                                procedure.name, "test"))


def test_bundled_rules_load_and_ask_in_three_languages() -> None:
    rules = load_rules()
    assert len(rules) >= 10
    assert all(rule.question_in(lang) for rule in rules for lang in ("vi", "en", "ar"))


def test_a_rule_without_an_arabic_question_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "- id: x\n  question: {vi: a, en: b}\n  options: [{codes: ['1']}, {codes: ['2']}]\n", "utf-8")
    with pytest.raises(ClarifyError, match=r"bad.yaml: (.|\n)*question missing in ar"):
        load_rules(tmp_path)


def test_words_match_with_or_without_diacritics_and_with_arabic_prefixes() -> None:
    assert [o.codes for o in MARRIAGE.picked("chong toi la nguoi nuoc ngoai")] == [["2.000806"]]
    assert [o.codes for o in MARRIAGE.picked("زوجي أجنبيٌّ والزواج")] == [["2.000806"]]
    assert MARRIAGE.picked("We are both Vietnamese") and not MARRIAGE.picked("a foreignerless word")


def test_asks_foreign_askers_when_two_options_score_close() -> None:
    clarifier = Clarifier([MARRIAGE])
    hits = [_hit("1.000894", 0.040), _hit("2.000806", 0.035)]
    asked = clarifier.clarification(hits, "How do I register my marriage?", "en")
    assert asked is not None and [h.code for h in asked.options] == ["1.000894", "2.000806"]
    assert clarifier.clarification(hits, "Đăng ký kết hôn cần gì?", "vi") is None  # the domestic default
    assert clarifier.clarification(hits, "I am a foreigner, how do I marry?", "en") is None  # already decided
    far = [_hit("1.000894", 0.040), _hit("2.000806", 0.010)]
    assert clarifier.clarification(far, "How do I register my marriage?", "en") is None


def test_the_procedure_the_question_picks_is_moved_first() -> None:
    hits = [_hit("1.000894", 0.040), _hit("1.004746", 0.039), _hit("2.000806", 0.030)]
    promoted = Clarifier([MARRIAGE]).promote(hits, "my fiancé is a foreigner")
    assert [h.code for h in promoted] == ["2.000806", "1.000894", "1.004746"]


@pytest.fixture(scope="module")
def chat(tmp_path_factory: pytest.TempPathFactory) -> ChatService:
    settings = Settings(data_dir=tmp_path_factory.mktemp("var"), embedding_model="hashing", _env_file=None)  # type: ignore[call-arg]
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([bundled_pack_dir()])
    return ChatService(KnowledgeRuntime(settings, HashingEmbedder()).finder(), ConversationStore("sqlite://"))


@pytest.mark.parametrize(
    ("message", "codes"),
    [("lam lai cccd ntn", {"1.000757", "1.000889"}),
     ("I want to register my marriage in Vietnam. What documents do we need?", {"1.000894", "2.000806"}),
     ("Tôi bị mất giấy khai sinh bản chính thì phải làm sao?", {"2.000635", "1.004884"})],
)
def test_chat_asks_the_rules_question_with_the_candidates(chat: ChatService, message: str, codes: set[str]) -> None:
    response = chat.answer(ChatRequest(message=message, channel="api"), use_llm=False)
    assert response.outcome == "clarify", response.answer
    assert {c.code for c in response.candidates} == codes
    lines = response.answer.splitlines()
    assert "?" in lines[0] and lines[1].startswith("1. ")  # numbered, so that "2" is an answer


@pytest.mark.parametrize(
    ("message", "code"),
    [("Đăng ký kết hôn cần giấy tờ gì?", "1.000894"), ("mất thẻ căn cước làm lại thế nào", "1.000757"),
     ("My fiancée and I are both Vietnamese. What documents do we need to register our marriage?", "1.000894")],
)
def test_chat_answers_when_the_question_already_decides(chat: ChatService, message: str, code: str) -> None:
    response = chat.answer(ChatRequest(message=message, channel="api"), use_llm=False)
    assert response.outcome == "answered" and response.procedure is not None
    assert response.procedure.code == code


@pytest.mark.parametrize(("reply", "code"), [("à tôi bị mất thẻ, cần mang gì", "1.000757"), ("2", "1.000889"),
                                             ("it expired last month", "1.000889")])
def test_the_reply_to_a_clarifying_question_picks_an_offered_procedure(chat: ChatService, reply: str,
                                                                       code: str) -> None:
    first = chat.answer(ChatRequest(message="lam lai cccd ntn", channel="api"), use_llm=False)
    assert first.outcome == "clarify" and [c.code for c in first.candidates] == ["1.000757", "1.000889"]
    second = chat.answer(ChatRequest(message=reply, session_id=first.session_id, channel="api"), use_llm=False)
    assert second.outcome == "answered" and second.procedure is not None and second.procedure.code == code
    assert chat.store.offered(first.session_id) == []  # answered: nothing is pending any more


def test_a_new_question_after_a_clarifying_question_is_answered_on_its_own(chat: ChatService) -> None:
    first = chat.answer(ChatRequest(message="lam lai cccd ntn", channel="api"), use_llm=False)
    second = chat.answer(ChatRequest(message="đăng ký khai tử cần giấy tờ gì", session_id=first.session_id,
                                     channel="api"), use_llm=False)
    assert second.procedure is not None and second.procedure.code == "1.000656"


def test_a_sibling_named_in_a_follow_up_switches_the_procedure(chat: ChatService) -> None:
    first = chat.answer(ChatRequest(message="Thủ tục đăng ký kết hôn cần giấy tờ gì?", channel="api"), use_llm=False)
    assert first.procedure is not None and first.procedure.code == "1.000894"
    second = chat.answer(ChatRequest(message="Còn nếu vợ sắp cưới của tôi là người nước ngoài thì sao?",
                                     session_id=first.session_id, channel="api"), use_llm=False)
    assert second.procedure is not None and second.procedure.code == "2.000806"


def test_a_bare_follow_up_after_an_unanswered_question_is_about_the_first_option(chat: ChatService) -> None:
    first = chat.answer(ChatRequest(message="lam lai cccd ntn", channel="api"), use_llm=False)
    assert first.outcome == "clarify"
    follow = chat.answer(ChatRequest(message="có mất phí không?", session_id=first.session_id, channel="api"),
                         use_llm=False)
    assert follow.outcome == "answered" and follow.procedure is not None
    assert follow.procedure.code == first.candidates[0].code


def test_a_lower_hit_is_promoted_only_by_a_rule_with_its_own_trigger_words() -> None:
    pause = ClarifyRule(
        id="pause", question=QUESTION, when_all=[["stop", "close"], ["business", "shop"]],
        options=[{"codes": ["1.001570"], "words": ["temporarily"]},  # type: ignore[list-item]
                 {"codes": ["1.001266"], "words": ["for good"]}],  # type: ignore[list-item]
    )
    hits = [_hit("1.004222", 0.040), _hit("1.001612", 0.035), _hit("1.001266", 0.030)]
    promoted = Clarifier([pause]).promote(hits, "I want to close my shop for good")
    assert promoted[0].code == "1.001266"
    untriggered = Clarifier([pause]).promote(hits, "I want to end it for good")  # no stop/close word
    assert untriggered[0].code == "1.004222"
    no_trigger_rule = Clarifier([MARRIAGE]).promote(
        [_hit("1.004222", 0.040), _hit("2.000806", 0.035)], "my foreigner friend needs a residence")
    assert no_trigger_rule[0].code == "1.004222"  # the rule is not about the best hit and has no trigger words


def test_a_longer_match_of_one_option_hides_a_shorter_one_inside_it() -> None:
    bundle = ClarifyRule(
        id="bundle", question=QUESTION, ask=False,
        options=[{"codes": ["2.001023"], "words": ["không đăng ký thường trú"]},  # type: ignore[list-item]
                 {"codes": ["2.000986"], "words": ["đăng ký thường trú"]}],  # type: ignore[list-item]
    )
    assert [o.codes for o in bundle.picked("khai sinh, bhyt, không đăng ký thường trú")] == [["2.001023"]]
    assert [o.codes for o in bundle.picked("khai sinh, bhyt và đăng ký thường trú")] == [["2.000986"]]
    hits = [_hit("2.001023", 0.040), _hit("2.000986", 0.039)]
    assert Clarifier([bundle]).clarification(hits, "khai sinh và bhyt cho bé", "vi") is None  # never asks


def test_english_options_carry_the_vietnamese_names(chat: ChatService) -> None:
    response = chat.answer(ChatRequest(message="I want to register my marriage in Vietnam. What documents do we "
                                               "need?", channel="api"), use_llm=False)
    assert response.outcome == "clarify"
    assert all(c.name_vi and c.name_vi != c.name for c in response.candidates)
    for line, candidate in zip(response.answer.splitlines()[1:], response.candidates, strict=False):
        assert candidate.name_vi in line


def test_picking_an_option_by_number_keeps_the_language(chat: ChatService) -> None:
    first = chat.answer(ChatRequest(message="I want to register my marriage in Vietnam. What documents do we need?",
                                    channel="api"), use_llm=False)
    assert first.outcome == "clarify" and first.language == "en"
    picked = chat.answer(ChatRequest(message="1", session_id=first.session_id, channel="api"), use_llm=False)
    assert picked.outcome == "answered" and picked.language == "en"
    assert picked.procedure is not None and picked.procedure.code == first.candidates[0].code
