"""Phrase matching over normalized tokens: glossary terms, pack aliases and chat shorthand in a query.

Matching uses the plain (diacritic-free, case-folded, lightly stemmed) unigram tokens of ``knowledge.text``, so
"So Do", "sổ đỏ" and "so do" match the same phrase, and Arabic matches across alef/ta-marbuta spellings.
Longest phrases win and matches do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from knowledge.text import index_terms, script_of

T = TypeVar("T")
MAX_PHRASE = 8


def phrase_tokens(text: str) -> tuple[str, ...]:
    """Plain unigram tokens of a phrase (no exact forms, no bigrams)."""
    if script_of(text) in ("cjk", "hangul"):  # matched by character: Korean particles stick to words ("신고는")
        return tuple(ch for ch in text if ch.isalnum())
    return tuple(t for t in index_terms(text, exact=False, query_forms=True) if "_" not in t)


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    phrase: tuple[str, ...]
    start: int
    payloads: tuple[T, ...]

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)


class PhraseMatcher(Generic[T]):
    """Finds known phrases in a text; each phrase carries one or more payloads."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[T]] = {}

    def add(self, phrase: str, payload: T) -> None:
        tokens = phrase_tokens(phrase)
        if len(tokens) == 1 and script_of(phrase) in ("cjk", "hangul"):
            return  # one character matched inside any word ("사" in "사회보험", "社" in "社会") says nothing
        if tokens and len(tokens) <= MAX_PHRASE:
            bucket = self._phrases.setdefault(tokens, [])
            if payload not in bucket:
                bucket.append(payload)

    def add_all(self, phrases: Iterable[str], payload: T) -> None:
        for phrase in phrases:
            self.add(phrase, payload)

    def __len__(self) -> int:
        return len(self._phrases)

    def find(self, text: str, *, min_tokens: int = 1) -> list[PhraseMatch[T]]:
        """Non-overlapping matches, longest first at each position, in text order."""
        return self.find_tokens(phrase_tokens(text), min_tokens=min_tokens)

    def find_tokens(self, tokens: tuple[str, ...], *, min_tokens: int = 1) -> list[PhraseMatch[T]]:
        """Like ``find`` over tokens already in ``phrase_tokens`` form."""
        matches: list[PhraseMatch[T]] = []
        i = 0
        while i < len(tokens):
            for size in range(min(MAX_PHRASE, len(tokens) - i), min_tokens - 1, -1):
                phrase = tokens[i : i + size]
                if phrase in self._phrases:
                    matches.append(PhraseMatch(phrase, i, tuple(self._phrases[phrase])))
                    i += size
                    break
            else:
                i += 1
        return matches
