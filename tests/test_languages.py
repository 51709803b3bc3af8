"""Chinese and Korean questions are answered (glossary renderings of their terms, labels in their language), and
answers list documents by name."""

from __future__ import annotations

import pytest

from assistant.answers.chat import ChatService
from assistant.answers.storage import ConversationStore
from assistant.runtime import KnowledgeRuntime
from assistant.schemas import ChatRequest
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings


@pytest.fixture(scope="module")
def chat(bundled_pack_settings: Settings) -> ChatService:
    runtime = KnowledgeRuntime(bundled_pack_settings, HashingEmbedder())
    return ChatService(runtime.finder(), ConversationStore(bundled_pack_settings.sqlalchemy_url))


@pytest.mark.parametrize(("question", "language", "code", "heading"), [
    ("出生登记需要什么材料？", "zh", "1.001193", "需准备的材料"),
    ("结婚登记要多少钱？", "zh", "1.000894", "费用"),
    ("결혼 등록에 필요한 서류는 무엇인가요?", "ko", "1.000894", "준비 서류"),
    ("아이 출생신고는 어디서 하나요?", "ko", "1.001193", "접수처"),
])
def test_chinese_and_korean_questions_are_answered(chat: ChatService, question: str, language: str, code: str,
                                                   heading: str) -> None:
    response = chat.answer(ChatRequest(message=question), use_llm=False)
    assert response.language == language
    assert response.outcome in ("answered", "clarify"), response.answer
    codes = [response.procedure.code] if response.procedure else [c.code for c in response.candidates]
    assert code in codes
    if response.outcome == "answered":
        assert heading in response.answer


def test_an_overview_names_the_documents(chat: ChatService) -> None:
    response = chat.answer(ChatRequest(message="thủ tục đăng ký khai sinh"), use_llm=False)
    assert response.outcome == "answered"
    assert "Giấy chứng sinh" in response.answer or "Tờ khai" in response.answer
    assert not any(line.rstrip().endswith(": 10") for line in response.answer.splitlines())



def test_single_chinese_or_korean_characters_do_not_match_inside_words() -> None:
    from assistant.understanding.phrases import PhraseMatcher

    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("사", "xã")
    matcher.add("社", "xã")
    matcher.add("사회보험", "bảo hiểm xã hội")
    assert [m.payloads[0] for m in matcher.find("사회보험을 받으려면")] == ["bảo hiểm xã hội"]
    assert matcher.find("社会保险") == []


def test_a_korean_phrase_crosses_a_space_only_from_the_start_of_a_word() -> None:
    from assistant.understanding.phrases import PhraseMatcher

    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("도시", "đô thị")
    matcher.add("결혼등록", "đăng ký kết hôn")
    matcher.add("사망 재등록", "đăng ký lại khai tử")

    def found(text: str) -> list[str]:
        return [m.payloads[0] for m in matcher.find(text)]

    assert found("외국인도 시험을 볼 수 있나요?") == []  # "...도" ends one word, "시..." starts the next
    assert found("도시 계획") == ["đô thị"]
    assert found("결혼 등록에 필요한 서류") == ["đăng ký kết hôn"]  # spaced or not, a compound is one term
    assert found("결혼등록에 필요한 서류") == ["đăng ký kết hôn"]
    assert found("사망재등록") == ["đăng ký lại khai tử"]


@pytest.mark.parametrize("question", ["我是中国人，想在越南登记结婚，需要什么材料？",
                                      "한국인인 제가 베트남에서 혼인신고를 하려면 무엇이 필요한가요?"])
def test_a_stated_nationality_is_a_foreign_element(chat: ChatService, question: str) -> None:
    response = chat.answer(ChatRequest(message=question), use_llm=False)
    codes = [response.procedure.code] if response.procedure else [c.code for c in response.candidates]
    assert "2.000806" in codes  # marriage registration with a foreign element


@pytest.mark.parametrize("follow_up", ["Which office handles it then?", "Which office do I go to?",
                                       "Who processes it?", "Cơ quan nào giải quyết?"])
def test_asking_which_office_handles_it_stays_with_the_procedure(chat: ChatService, follow_up: str) -> None:
    first = chat.answer(ChatRequest(message="How do I get a criminal record certificate in Vietnam?"), use_llm=False)
    assert first.outcome == "answered" and first.procedure is not None
    follow = chat.answer(ChatRequest(message=follow_up, session_id=first.session_id), use_llm=False)
    assert follow.outcome == "answered", follow.answer  # "office" (văn phòng), "handles" (giải quyết) are not a topic
    assert follow.procedure is not None and follow.procedure.code == first.procedure.code
