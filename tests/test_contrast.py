"""Contrastive reranking: a family's specific member goes first only when the question uses its qualifier."""

from __future__ import annotations

from assistant.retrieval.contrast import contrast_rerank
from assistant.retrieval.finder import content_terms
from assistant.retrieval.hybrid import ProcedureHit
from assistant.understanding.possession import asked_terms
from assistant.understanding.query import QueryAnalyzer
from knowledge.glossary import load_glossary
from tests.conftest import name_hit


def _family() -> list[ProcedureHit]:
    return [
        name_hit("1.001193", "Thủ tục đăng ký khai sinh", 0.040, "Birth registration"),
        name_hit("1.004884", "Thủ tục đăng ký lại khai sinh", 0.036, "Re-registration of a birth"),
        name_hit("2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", 0.034,
             "Birth registration with a foreign element"),
        name_hit("1.004222", "Đăng ký thường trú", 0.033, "Permanent residence registration"),
    ]


def _order(question: str) -> list[str]:
    analysis = QueryAnalyzer(load_glossary(), []).analyze(question)
    hits = contrast_rerank(_family(), content_terms(analysis), analysis.language)
    return [h.code for h in hits]


def test_general_procedure_stays_first_without_a_qualifier() -> None:
    assert _order("đăng ký khai sinh cần giấy tờ gì")[0] == "1.001193"


def test_qualifier_in_vietnamese_puts_the_specific_procedure_first() -> None:
    assert _order("mất giấy khai sinh, sổ gốc không còn, đăng ký lại khai sinh thế nào")[:2] == ["1.004884", "1.001193"]
    assert _order("dang ky khai sinh cho con co yeu to nuoc ngoai")[0] == "2.000528"


def test_qualifier_in_the_askers_language_counts_too() -> None:
    assert _order("What evidence do I need for the re-registration of a birth?")[0] == "1.004884"


def test_unrelated_procedures_and_far_lower_scores_are_not_moved() -> None:
    hits = _family()
    hits[1].score = 0.01  # far below the general procedure: retrieval was confident
    analysis = QueryAnalyzer(load_glossary(), []).analyze("đăng ký lại khai sinh")
    assert contrast_rerank(hits, content_terms(analysis), "vi")[0].code == "1.001193"
    assert _order("đăng ký thường trú cho con")[0] == "1.001193"  # not a family member: order kept


def test_the_general_member_goes_first_when_the_question_lacks_the_qualifier() -> None:
    hits = _family()
    hits[0], hits[1] = hits[1], hits[0]  # retrieval put "đăng ký lại" above the plain procedure
    analysis = QueryAnalyzer(load_glossary(), []).analyze("đăng ký khai sinh cần giấy tờ gì")
    assert contrast_rerank(hits, content_terms(analysis), "vi")[0].code == "1.001193"
    asked_again = QueryAnalyzer(load_glossary(), []).analyze("đăng ký lại khai sinh cần giấy tờ gì")
    assert contrast_rerank(_family()[1::-1], content_terms(asked_again), "vi")[0].code == "1.004884"


def test_a_member_issuing_a_paper_the_asker_holds_gives_way_to_the_general_one() -> None:
    hits = [name_hit("1.000689", "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con", 0.040),
            name_hit("1.001022", "Thủ tục đăng ký nhận cha, mẹ, con", 0.028)]  # 0.7 of the first: too far otherwise
    question = "Con tôi có giấy khai sinh nhưng chưa có tên bố, giờ bố cháu muốn làm thủ tục nhận con"
    terms = content_terms(QueryAnalyzer(load_glossary(), []).analyze(question))
    asked = asked_terms(terms, question)
    assert contrast_rerank(hits, asked, "vi", held=terms - asked)[0].code == "1.001022"
    assert contrast_rerank(hits, asked, "vi")[0].code == "1.000689"  # nothing held: the score gap decides
    both = "Con tôi có giấy khai sinh nhưng muốn đăng ký khai sinh kết hợp nhận cha"  # asked as well as held
    both_terms = content_terms(QueryAnalyzer(load_glossary(), []).analyze(both))
    both_asked = asked_terms(both_terms, both)
    assert contrast_rerank(hits, both_asked, "vi", held=both_terms - both_asked)[0].code == "1.000689"


def test_words_put_before_the_shared_name_must_be_asked_for_the_specific_member() -> None:
    # "rút" comes before everything the two names share: it is done to the request, not a kind of request, so a
    # question that uses only the specific name's later word ("người") still means the request itself
    hits = [name_hit("2.001680", "Thủ tục rút yêu cầu trợ giúp pháp lý của người được trợ giúp pháp lý", 0.040),
            name_hit("2.000829", "Thủ tục yêu cầu trợ giúp pháp lý", 0.038)]
    poor = "Nhà tôi nghèo, bị người ta kiện mà không có tiền thuê luật sư, có được trợ giúp pháp lý không?"
    withdraw = "tôi muốn rút yêu cầu trợ giúp pháp lý đã nộp"
    for question, first in ((poor, "2.000829"), (withdraw, "2.001680")):
        terms = content_terms(QueryAnalyzer(load_glossary(), []).analyze(question))
        assert contrast_rerank(list(hits), terms, "vi")[0].code == first


def test_the_same_words_in_another_order_are_not_a_qualified_form() -> None:
    hits = [name_hit("3.000347", "Đổi giấy phép lái xe", 0.040),
            name_hit("1.005210", "Cấp lại Giấy phép đào tạo lái xe ô tô khi bị mất, bị hỏng, có sự thay đổi về tên "
                                 "của cơ sở đào tạo", 0.035)]
    analysis = QueryAnalyzer(load_glossary(), []).analyze("Bằng lái bị hỏng/rách thì có cấp lại được không?")
    ordered = contrast_rerank(hits, content_terms(analysis), analysis.language)
    assert ordered[0].code == "3.000347"  # "thay đổi" late in the name is not the action "Đổi" qualified


def test_two_actions_on_one_object_keep_the_action_stages_order_when_an_action_is_named() -> None:
    hits = [name_hit("1.002438", "Cấp đổi thẻ bảo hiểm y tế", 0.030),
            name_hit("2.000639", "Cấp thẻ bảo hiểm y tế", 0.029)]
    asked = {"the", "bao", "hiem", "te", "sai", "ten"}
    assert contrast_rerank(list(hits), asked, "vi")[0].code == "2.000639"  # "đổi" unsaid: the general one
    assert contrast_rerank(list(hits), asked, "vi", actions_named=True)[0].code == "1.002438"
