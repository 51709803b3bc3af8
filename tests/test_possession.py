"""Papers the asker already holds: their words ask for nothing."""

from __future__ import annotations

import pytest

from assistant.understanding.phrases import PhraseMatcher
from assistant.understanding.possession import asked_terms, held_papers, held_words, not_done


@pytest.mark.parametrize(("question", "papers"), [
    ("Con tôi đã có giấy khai sinh nhưng bỏ trống phần cha", ["giay khai sinh"]),
    ("Con tôi có giấy khai sinh nhưng chưa có tên bố", ["giay khai sinh"]),
    ("con toi da co giay khai sinh nhung chua co ten bo", ["giay khai sinh"]),
    ("Tôi có giấy phép rồi mà giờ muốn xây thêm một tầng", ["giay phep"]),
    ("I already have a work permit but I changed jobs", ["a work permit"]),
    ("đăng ký khai sinh cho con cần gì", []),
    ("có phải xin phép không", []),
    ("có được làm online không", []),
])
def test_the_papers_a_question_says_are_held(question: str, papers: list[str]) -> None:
    assert sorted(set(held_papers(question))) == papers


def test_a_held_papers_words_leave_the_asked_words_unless_used_elsewhere() -> None:
    terms = {"khai", "sinh", "nhan", "cha", "con", "giay"}
    question = "Con tôi đã có giấy khai sinh nhưng bỏ trống phần cha, nay muốn làm thủ tục nhận con"
    assert asked_terms(terms, question) == {"nhan", "cha", "con"}
    assert asked_terms(terms, "đã có giấy khai sinh, giờ muốn đăng ký khai sinh lại") == terms - {"giay"}
    assert asked_terms(terms, "đăng ký khai sinh") == terms


def test_a_foreign_question_holds_the_vietnamese_terms_of_its_papers() -> None:
    from assistant.understanding.query import QueryAnalyzer
    from knowledge.glossary import load_glossary

    terms = QueryAnalyzer(load_glossary(), []).terms
    question = "Where do I register recognition of a father for a child who already has a birth certificate?"
    assert held_words(question, terms) == {"giay", "khai", "sinh"}
    # the same paper asked for elsewhere in the question is not only held
    asked_too = "I already have a birth certificate from abroad; do I need a new birth certificate here?"
    assert not held_words(asked_too, terms) & {"giay", "khai", "sinh"}
    assert held_words("Where do I register a birth?", terms) == set()


@pytest.mark.parametrize(("question", "named"), [
    ("Tôi đã trình báo mất hộ chiếu, giờ tìm thấy rồi thì dùng lại được không?", []),
    ("toi da trinh bao mat ho chieu, gio tim thay roi", []),  # typed without marks: "da" is read as "đã"
    ("Hộ chiếu đã được trình báo mất, giờ tìm thấy", []),
    ("Trình báo mất hộ chiếu ở đâu?", ["1.010386"]),
    ("Tôi chưa trình báo mất hộ chiếu", ["1.010386"]),  # not yet done: still asked
    ("Tôi bị rách da, trình báo mất hộ chiếu ở đâu?", ["1.010386"]),  # "da" (skin) written with its marks
])
def test_a_procedure_the_question_says_is_done_is_not_named(question: str, named: list[str]) -> None:
    aliases: PhraseMatcher[str] = PhraseMatcher()
    aliases.add("báo mất hộ chiếu", "1.010386")
    assert [code for m in not_done(aliases.find(question), question) for code in m.payloads] == named
