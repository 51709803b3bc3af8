"""Provinces and cities a question names say where the asker is, not what the question is about."""

from __future__ import annotations

from assistant.retrieval.finder import content_terms
from assistant.understanding.place_names import is_place_name, without_place_names
from assistant.understanding.query import QueryAnalyzer
from knowledge.glossary import load_glossary


def test_province_and_city_names_are_left_out_with_or_without_marks() -> None:
    assert without_place_names("Công ty tôi ở Hà Nội muốn mở cửa hàng ở tp Hải Phòng").split() == [
        "cong", "ty", "toi", "o", "muon", "mo", "cua", "hang", "o"]
    assert "phong" not in without_place_names("mo cua hang o hai phong")
    assert without_place_names("We're moving to Ho Chi Minh City").split() == ["we're", "moving", "to"]


def test_words_that_only_look_like_a_place_are_kept() -> None:
    kept = "người Việt Nam định cư ở nước ngoài"
    assert without_place_names(kept) == kept  # "Nam Định" inside "Việt Nam định cư"
    assert without_place_names("văn phòng đại diện") == "văn phòng đại diện"  # no place: text unchanged


def test_a_place_is_not_a_content_word_but_the_rest_of_the_question_is() -> None:
    analysis = QueryAnalyzer(load_glossary(), []).analyze("Công ty ở Hà Nội muốn lập văn phòng đại diện ở Đà Nẵng")
    terms = content_terms(analysis)
    assert {"van", "phong", "dai", "dien"} <= terms
    assert not {"ha", "noi", "nang"} & terms
    chinese = QueryAnalyzer(load_glossary(), []).analyze("我们要搬到胡志明市，带猫需要什么检疫证明？")
    assert not {"ho", "chi", "minh"} & content_terms(chinese)


def test_whole_place_phrases_are_recognised() -> None:
    assert is_place_name("Thành phố Hồ Chí Minh") and is_place_name("Hà Nội")
    assert not is_place_name("nước ngoài") and not is_place_name("Hà Nội cũ")
