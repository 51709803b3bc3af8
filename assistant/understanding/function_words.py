"""Function words of a foreign-language question ("the", "est-ce que", "هل"), left out of the words whose share
found in a procedure's text measures how well it fits (``assistant.retrieval.finder.content_terms``).

The records are Vietnamese, and stripped of diacritics many foreign function words read as Vietnamese syllables:
French "le" is "lệ" (lệ phí), "mon" is "môn", English "can" is "căn" (căn cước). A French question about a death
would then count "le" as found in every fee procedure, and an answerable question whose words are half function
words would look half unexplained. The lists live in ``knowledge/function_words.yaml`` and apply only to a
question detected as that language, so Vietnamese typed without diacritics keeps every syllable.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from knowledge.text import strip_diacritics, words

FUNCTION_WORDS_FILE = Path(knowledge.__file__).parent / "function_words.yaml"
DETERMINERS_FILE = Path(knowledge.__file__).parent / "determiners.yaml"


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Language -> its function words in plain form (case-folded, diacritics removed)."""
    data = yaml.safe_load(FUNCTION_WORDS_FILE.read_text("utf-8"))
    return {lang: frozenset(strip_diacritics(w) for w in words(str(text))) for lang, text in data.items()}


def without_function_words(text: str, language: str) -> str:
    """``text`` with the function words of ``language`` removed (unchanged for a language without a list, and
    when nothing else would be left)."""
    stop = function_words().get(language)
    if not stop:
        return text
    kept = [w for w in words(text) if strip_diacritics(w) not in stop]
    return " ".join(kept) if kept else text


@lru_cache(maxsize=1)
def determiners() -> dict[str, frozenset[str]]:
    """Language -> its articles and possessives, case-folded ("my", "the", "mon")."""
    data = yaml.safe_load(DETERMINERS_FILE.read_text("utf-8"))
    return {lang: frozenset(str(w).lower() for w in listed) for lang, listed in data.items()}


def without_determiners(text: str, language: str) -> str:
    """``text`` without the articles and possessives of ``language`` ("renew my passport" -> "renew passport");
    unchanged for a language without a list."""
    drop = determiners().get(language)
    if not drop:
        return text
    if language in SUFFIXED:
        return " ".join(_without_ending(w, drop) for w in text.split())
    return " ".join(w for w in text.split() if w.lower().strip(".,;:!?()\"'") not in drop)


#: Languages whose listed words are endings written on the word (Korean particles).
SUFFIXED = frozenset({"ko"})
#: Syllables a word keeps once its particle is off ("국적을" -> "국적"; "제도" stays: "도" is no particle there).
_MIN_STEM = 2


def _without_ending(word: str, endings: frozenset[str]) -> str:
    core = word.rstrip(".,;:!?()\"'")
    for ending in sorted(endings, key=len, reverse=True):
        if core.endswith(ending) and len(core) - len(ending) >= _MIN_STEM:
            return core[: -len(ending)]
    return word


def borrowed_function_words(phrase: tuple[str, ...], language: str, own: frozenset[tuple[str, ...]]) -> bool:
    """Whether a glossary wording found in a question is another language's wording made only of the question's
    own function words: English "or" is French for gold, "but" French for a purpose, "mine" a French mine; French
    "car" (because) and "si" (if) are English words. Such a match says nothing about the question. ``own`` holds
    the question language's wordings as plain tokens: "how long" asks how long it takes in English."""
    little = function_words().get(language, frozenset())
    return bool(little) and phrase not in own and set(phrase) <= little
