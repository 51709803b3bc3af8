"""Chat shorthand of Vietnamese questions typed on a phone ("ntn", "dk", "ko") and what an abbreviation looks like.

Glossary abbreviations ("gplx", "bhxh") live with their terms in ``knowledge/glossary``; these are the words of chat
itself, which name no administrative term.
"""

from __future__ import annotations

from assistant.understanding.phrases import phrase_tokens
from knowledge.text import strip_diacritics

#: Shorthand that is not an abbreviation of a glossary term (chat style).
CHAT_SHORTHAND: dict[str, str] = {
    "ko": "không", "k": "không", "kh": "không", "j": "gì", "ntn": "như thế nào", "dc": "được", "đc": "được",
    "bn": "bao nhiêu", "dk": "đăng ký", "đk": "đăng ký", "dky": "đăng ký", "đky": "đăng ký", "hk": "hộ khẩu",
    "vs": "với", "mk": "mình", "sdt": "số điện thoại", "bh": "bao giờ", "lm": "làm", "trc": "trước",
    # "đủ dk" is "đủ điều kiện" (eligible), not the "đăng ký" that "dk" alone is
    "đủ đk": "đủ điều kiện", "đủ dk": "đủ điều kiện", "du dk": "đủ điều kiện", "du đk": "đủ điều kiện",
}


def looks_abbreviated(word: str) -> bool:
    """Letters that no English or Vietnamese word spells: no vowel at all ("hs", "tdd"), or four or more letters
    with at most one vowel ("antt", "gplx")."""
    vowels = sum(ch in "aeiouy" for ch in word)
    return (len(word) >= 2 and vowels == 0) or (len(word) >= 4 and vowels <= 1)


def token_form(word: str) -> str:
    """A typed word as the phrase matchers store it: plain and lightly stemmed, so "nvqs" and "dkks" meet their
    listed short forms (stored as "nvq", "dkk")."""
    tokens = phrase_tokens(word)
    return tokens[0] if len(tokens) == 1 else strip_diacritics(word)


def with_expansion(word: str, expansion: str | None) -> str:
    return f"{word} {expansion}" if expansion else word
