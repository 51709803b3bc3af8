"""Foreign function words stay out of a question's content words; Vietnamese syllables that look like them stay in."""

from __future__ import annotations

from assistant.retrieval.finder import content_terms
from assistant.understanding.function_words import without_function_words
from assistant.understanding.query import QueryAnalyzer
from knowledge.glossary import load_glossary


def _content(text: str, language: str | None = None) -> set[str]:
    return content_terms(QueryAnalyzer(load_glossary(), []).analyze(text, language))


def test_french_function_words_are_not_content() -> None:
    terms = _content("Mon beau-père est décédé à la maison. Qui doit déclarer le décès et dans quel délai ?", "fr")
    assert {"le", "est", "mon", "et", "qui", "dans"}.isdisjoint(terms)
    assert {"maison", "declarer"} <= terms


def test_english_function_words_are_not_content() -> None:
    terms = _content("Can someone tell me where my son can get his motorbike registered?", "en")
    assert {"can", "someone", "tell", "where", "his"}.isdisjoint(terms)
    assert {"son", "motorbike"} <= terms


def test_vietnamese_without_diacritics_keeps_syllables_that_are_foreign_function_words() -> None:
    terms = _content("dang ky ma so thue cho cong ty du lich ton giao", "vi")
    assert {"ma", "du", "ton"} <= terms  # mã, du lịch, tôn giáo: French "ma", "du", "ton"


def test_text_of_only_function_words_is_kept_rather_than_emptied() -> None:
    assert without_function_words("et le la", "fr") == "et le la"
    assert without_function_words("xin chào", "vi") == "xin chào"


def test_word_parts_split_off_by_an_apostrophe_or_hyphen_stay() -> None:
    # "we're" on the list once made "re" a function word, and "re-registration" lost its qualifier
    assert "re" in _content("What do I need for the re-registration of a birth?", "en")


def test_another_languages_wording_made_of_function_words_gains_nothing() -> None:
    analyzer = QueryAnalyzer(load_glossary(), [])
    english = analyzer.analyze("Do I need a passport or an ID card, but not both?", "en")
    assert "vàng" not in english.expansions  # French "or" (gold)
    assert "mục đích" not in english.expansions and "mục đích" not in english.anchors  # French "but"
    assert "hộ chiếu" in english.expansions
    french = analyzer.analyze("Je demande un passeport car le mien est perdu", "fr")
    assert "xe ô tô" not in french.expansions  # English "car"
    assert "hộ chiếu" in french.expansions


def test_a_languages_own_wording_of_function_words_still_counts() -> None:
    analyzer = QueryAnalyzer(load_glossary(), [])
    assert "vàng" in analyzer.analyze("Puis-je sortir de l'or du Vietnam ?", "fr").expansions
