"""Foreign glossary wordings found inflected, reordered or a few words apart (assistant/understanding/stemmed.py)."""

from __future__ import annotations

import pytest

from assistant.understanding.query import QueryAnalyzer
from assistant.understanding.stemmed import StemmedMatcher
from knowledge.glossary import load_glossary


def _matcher(language: str, wordings: dict[str, list[str]]) -> StemmedMatcher[str]:
    matcher: StemmedMatcher[str] = StemmedMatcher(language)
    for term, listed in wordings.items():
        matcher.add_all(listed, term)
    return matcher


def _found(matcher: StemmedMatcher[str], text: str) -> set[str]:
    return {payload for match in matcher.find(text) for payload in match.payloads}


@pytest.mark.parametrize("text", [
    "How does the registration of a death work?",
    "Where is my grandfather's death registration done?",
    "Registering deaths: what papers?",
])
def test_an_inflected_or_reordered_english_wording_is_found(text: str) -> None:
    assert _found(_matcher("en", {"đăng ký khai tử": ["register a death"]}), text) == {"đăng ký khai tử"}


def test_words_too_far_apart_or_missing_do_not_match() -> None:
    matcher = _matcher("en", {"đăng ký khai tử": ["register a death"]})
    assert not _found(matcher, "I registered my car last week, then two months later my uncle's death was announced")
    assert not _found(matcher, "How do I register a birth?")


def test_a_one_word_wording_is_left_to_the_exact_matcher() -> None:
    assert not _found(_matcher("en", {"hộ chiếu": ["passport"]}), "passports")


def test_the_longest_wording_wins_over_one_inside_it() -> None:
    matcher = _matcher("en", {"đăng ký thuế": ["register for a tax code"], "lệ phí trước bạ": ["registration tax"]})
    assert _found(matcher, "Where do I register for my personal tax code?") == {"đăng ký thuế"}


def test_french_and_arabic_are_matched_by_their_own_stems() -> None:
    french = _matcher("fr", {"đăng ký kết hôn": ["enregistrement du mariage"]})
    assert _found(french, "Comment enregistrer notre mariage au Vietnam ?") == {"đăng ký kết hôn"}
    arabic = _matcher("ar", {"đăng ký khai tử": ["تسجيل الوفاة"]})
    assert _found(arabic, "توفي والدي وأريد تسجيل وفاته") == {"đăng ký khai tử"}


def test_a_match_gives_the_question_words_that_met_it() -> None:
    match = _matcher("en", {"đăng ký khai tử": ["register a death"]}).find("the death registration")[0]
    assert match.phrase == ("death", "registration")


def test_the_analyzer_gains_the_term_of_a_reworded_question() -> None:
    analysis = QueryAnalyzer(load_glossary(), []).analyze("What do I bring for the registration of my father's death?",
                                                          "en")
    assert "đăng ký khai tử" in analysis.expansions


@pytest.mark.parametrize(("language", "text"), [
    ("en", "My great-grandfather's death was registered long ago, but the records are gone."),
    ("fr", "Nous avons obtenu le permis de construire, faut-il déclarer l'achèvement ?"),
])
def test_what_is_already_done_is_not_what_is_asked(language: str, text: str) -> None:
    matcher = _matcher(language, {"đăng ký khai tử": ["register a death"],
                                  "cấp giấy phép xây dựng": ["obtenir un permis de construire"]})
    assert not _found(matcher, text)


def test_a_word_that_changes_the_act_must_be_there_too() -> None:
    matcher = _matcher("en", {"đăng ký lại khai sinh": ["register a birth again"],
                              "đăng ký khai sinh": ["birth registration"]})
    assert _found(matcher, "How do I register my baby's birth?") == {"đăng ký khai sinh"}
    assert "đăng ký lại khai sinh" in _found(matcher, "Can we register the birth again after the fire?")


def test_a_short_stem_stands_only_for_a_word_nearly_as_long() -> None:
    assert not _found(_matcher("en", {"ảnh thẻ": ["passport photo"]}), "a photocopy of my passport")


def test_words_side_by_side_win_over_a_wording_spread_across_them() -> None:
    matcher = _matcher("en", {"Ủy ban nhân dân cấp xã": ["ward office"],
                              "Phòng Quản lý xuất nhập cảnh": ["passport office"]})
    found = _found(matcher, "How much to certify a photocopy of my passport at the ward office?")
    assert found == {"Ủy ban nhân dân cấp xã"}


def test_arabic_nouns_named_together_are_not_met_across_other_words() -> None:
    matcher = _matcher("ar", {"giấy chứng nhận kết hôn": ["شهادة الزواج"]})
    assert not _found(matcher, "خطيبتي تحتاج شهادة عزوبية لإتمام زواجنا")
    assert _found(matcher, "أين أستخرج شهادة زواجنا؟") == {"giấy chứng nhận kết hôn"}


def test_a_name_agrees_only_with_itself_and_no_wording_crosses_a_sentence() -> None:
    diaspora = _matcher("fr", {"người Việt Nam định cư ở nước ngoài": ["Vietnamien de l'étranger"]})
    assert not _found(diaspora, "Le séjour temporaire d'un étranger au Vietnam peut-il être prolongé ?")
    land = _matcher("en", {"sổ đỏ": ["land certificate"]})
    assert not _found(land, "We agreed how to split our parents' land. What do we need to certify it?")
    assert _found(land, "Our land has no certificates yet") == {"sổ đỏ"}


def test_a_term_gained_by_stem_is_administrative_vocabulary() -> None:
    analysis = QueryAnalyzer(load_glossary(), []).analyze("Where is the registration of my father's death done?",
                                                          "en")
    assert "đăng ký khai tử" in analysis.anchors and analysis.anchored
