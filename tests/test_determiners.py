"""Glossary wordings in English and French match with articles and possessives left out of both sides, Korean
wordings with the particles written on a word left out."""

from __future__ import annotations

import pytest

from assistant.understanding.function_words import without_determiners
from assistant.understanding.query import QueryAnalyzer
from knowledge.glossary import load_glossary


@pytest.fixture(scope="module")
def analyzer() -> QueryAnalyzer:
    return QueryAnalyzer(load_glossary(), [])


def test_articles_and_possessives_are_left_out() -> None:
    assert without_determiners("Renew my passport, please.", "en") == "Renew passport, please."
    assert without_determiners("renouveler mon passeport", "fr") == "renouveler passeport"
    assert without_determiners("đăng ký khai sinh", "vi") == "đăng ký khai sinh"
    assert without_determiners("국적을 포기하려면", "ko") == "국적 포기하려면"
    assert without_determiners("제도 아이", "ko") == "제도 아이"  # "도" of "제도" is no particle; 이 is left alone


@pytest.mark.parametrize(("text", "term"), [
    ("We want to give up our Vietnamese citizenship", "thôi quốc tịch Việt Nam"),
    ("How do I regain the Vietnamese nationality?", "trở lại quốc tịch Việt Nam"),
    ("베트남 국민이 국적을 포기하려면 어떤 절차를 밟아야 하나요?", "thôi quốc tịch Việt Nam"),
])
def test_a_wording_matches_with_a_possessive_or_article_inside(analyzer: QueryAnalyzer, text: str,
                                                               term: str) -> None:
    assert term in analyzer.analyze(text).expansions


def test_vietnamese_questions_are_matched_as_typed(analyzer: QueryAnalyzer) -> None:
    assert analyzer.analyze("đăng ký khai sinh cho con").language == "vi"
    assert analyzer.loose_terms.keys() == {"en", "fr", "ko"}
