"""Number words that are also glossary wordings, read as numbers before a counted noun.

"ba" is a southern word for father (glossary: "cha") and the number three. In "ba người bạn chúng tôi góp vốn" it
counts friends, and a question about founding a company must not gain "cha". The words live in
``knowledge/numbers.yaml``; ``QueryAnalyzer`` reads each pair of such a number and a counted noun as a phrase that
means nothing, so the single-word wording cannot match inside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from knowledge.text import fold

NUMBERS_FILE = Path(knowledge.__file__).parent / "numbers.yaml"


@lru_cache(maxsize=1)
def _number_words() -> tuple[frozenset[str], tuple[str, ...]]:
    data = yaml.safe_load(NUMBERS_FILE.read_text("utf-8"))
    return frozenset(fold(w) for w in data["numbers"]), tuple(fold(w) for w in data["counted"])


def counted_phrases(wordings: Iterable[str]) -> list[str]:
    """For the one-word ``wordings`` that are number words, each followed by every counted noun ("ba người")."""
    numbers, counted = _number_words()
    found = sorted({fold(w) for w in wordings if fold(w) in numbers})
    return [f"{number} {noun}" for number in found for noun in counted]
