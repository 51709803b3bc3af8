"""A Vietnamese question naming nothing foreign gets the domestic procedure before the foreign-element one."""

from __future__ import annotations

from assistant.retrieval.finder import content_terms
from assistant.retrieval.foreign_element import domestic_first
from assistant.retrieval.hybrid import ProcedureHit
from assistant.understanding.query import QueryAnalyzer
from knowledge.glossary import load_glossary
from tests.conftest import name_hit


def _adoption() -> list[ProcedureHit]:
    return [name_hit("1.004878", "Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trường hợp cha dượng, "
                     "mẹ kế nhận con riêng của vợ hoặc chồng", 0.030),
            name_hit("2.001263", "Đăng ký việc nuôi con nuôi trong nước", 0.020),
            name_hit("1.004222", "Đăng ký thường trú", 0.019)]


def _first(question: str, hits: list[ProcedureHit]) -> tuple[str, float]:
    analysis = QueryAnalyzer(load_glossary(), []).analyze(question)
    ordered = domestic_first(hits, content_terms(analysis), analysis.language)
    return ordered[0].code, ordered[0].score


def test_nothing_foreign_named_puts_the_domestic_procedure_first_with_the_best_score() -> None:
    question = "Tôi lấy chồng có con riêng 5 tuổi, giờ muốn làm giấy tờ nhận cháu làm con"
    assert _first(question, _adoption()) == ("2.001263", 0.030)


def test_a_nationality_or_a_question_in_another_language_keeps_the_foreign_element() -> None:
    assert _first("Chồng tôi là người Hàn Quốc, muốn nhận con riêng của tôi làm con nuôi", _adoption())[0] == "1.004878"
    assert _first("My Vietnamese husband's son from his first marriage: how do I adopt him?",
                  _adoption())[0] == "1.004878"


def test_a_far_lower_or_unrelated_hit_is_not_moved() -> None:
    far = _adoption()
    far[1].score = 0.010
    assert _first("muốn nhận con riêng của chồng làm con", far)[0] == "1.004878"
    unrelated = [_adoption()[0], _adoption()[2]]
    assert _first("muốn nhận con riêng của chồng làm con", unrelated)[0] == "1.004878"


def test_a_procedure_for_foreigners_is_a_foreign_element_too() -> None:
    hits = [name_hit("1.001010", "Cấp thẻ thường trú cho người nước ngoài tại Việt Nam (thực hiện tại cấp tỉnh)", 0.03),
            name_hit("1.004222", "Đăng ký thường trú", 0.026)]
    assert _first("Tôi cần làm giấy tờ liên quan đến thường trú", hits)[0] == "1.004222"
    assert _first("Vợ tôi là người Hàn Quốc, cần làm giấy tờ thường trú", hits)[0] == "1.001010"
