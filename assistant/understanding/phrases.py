"""Phrase matching over normalized tokens: glossary terms, pack aliases and chat shorthand in a query.

Matching uses the plain (diacritic-free, case-folded, lightly stemmed) unigram tokens of ``knowledge.text``, so
"So Do", "sổ đỏ" and "so do" match the same phrase, and Arabic matches across alef/ta-marbuta spellings.
A word typed with its Vietnamese marks must carry the phrase's marks, though: "vật" is not the short form "vat",
"kỷ" (niệm) is not "ký", while "vat", "ky" or "so do" typed without marks still match either. Longest phrases
win and matches do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from knowledge.text import script_of, strip_diacritics, unigrams_with_exact

T = TypeVar("T")
MAX_PHRASE = 8

#: The mark of a character that starts a word of a spaced text written by character (Korean), not a Vietnamese mark.
WORD_START = " "
#: Per token, its marked form ("vật", with "đ" read as "d") or None when typed without tone or vowel marks.
Marks = tuple[str | None, ...]


def word_mark(word: str) -> str | None:
    """The word's marked form for comparison, or None when it carries no Vietnamese mark but "đ"."""
    form = word.replace("đ", "d")
    return form if strip_diacritics(form) != form else None


def marked_tokens(text: str) -> tuple[tuple[str, ...], Marks]:
    """Plain unigram tokens of a text, and beside each, the word as written when it carries marks."""
    if script_of(text) in ("cjk", "hangul"):  # matched by character: Korean particles stick to words ("신고는")
        chars, starts, spaced = [], [], False
        for ch in text:
            if ch.isalnum():
                chars.append(ch)
                starts.append(WORD_START if spaced or len(chars) == 1 else None)
                spaced = False
            else:
                spaced = spaced or ch.isspace()
        return tuple(chars), tuple(starts)
    pairs = unigrams_with_exact(text, query_forms=True)
    return tuple(term for term, _ in pairs), tuple(word_mark(exact[1:]) if exact else None for _, exact in pairs)


def phrase_tokens(text: str) -> tuple[str, ...]:
    """Plain unigram tokens of a phrase (no exact forms, no bigrams)."""
    return marked_tokens(text)[0]


def compatible(typed: Sequence[str | None], known: Sequence[str | None]) -> bool:
    """Whether words typed with these marks can be the phrase written with those: a word typed without marks
    fits any; a marked one only the same marks. A phrase of characters (Korean) that runs across a space of the
    text where it has none starts at a word: "결혼 등록" is "결혼등록", "외국인도 시험" holds no "도시"."""
    pairs = list(zip(typed, known, strict=True))
    if pairs and pairs[0][0] != WORD_START and any(t == WORD_START != k for t, k in pairs[1:]):
        return False
    return all(t is None or t in (k, WORD_START) for t, k in pairs)


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    phrase: tuple[str, ...]
    start: int
    payloads: tuple[T, ...]

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)

    def inside_any(self, others: Iterable[PhraseMatch[Any]]) -> bool:
        """Whether one of ``others`` (found in the same text) spans this match and more words."""
        return any(o.start <= self.start and self.end <= o.end and len(o.phrase) > len(self.phrase) for o in others)


class PhraseMatcher(Generic[T]):
    """Finds known phrases in a text; each phrase carries one or more payloads."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[tuple[Marks, T]]] = {}

    def add(self, phrase: str, payload: T) -> None:
        tokens, marks = marked_tokens(phrase)
        if len(tokens) == 1 and script_of(phrase) in ("cjk", "hangul"):
            return  # one character matched inside any word ("사" in "사회보험", "社" in "社会") says nothing
        if tokens and len(tokens) <= MAX_PHRASE:
            bucket = self._phrases.setdefault(tokens, [])
            if (marks, payload) not in bucket:
                bucket.append((marks, payload))

    def add_all(self, phrases: Iterable[str], payload: T) -> None:
        for phrase in phrases:
            self.add(phrase, payload)

    def __len__(self) -> int:
        return len(self._phrases)

    def find(self, text: str, *, min_tokens: int = 1) -> list[PhraseMatch[T]]:
        """Non-overlapping matches, longest first at each position, in text order."""
        tokens, marks = marked_tokens(text)
        return self.find_tokens(tokens, min_tokens=min_tokens, marks=marks)

    def _payloads(self, phrase: tuple[str, ...], typed: Marks) -> tuple[T, ...]:
        found: list[T] = []
        for known, payload in self._phrases.get(phrase, ()):
            if compatible(typed, known) and payload not in found:
                found.append(payload)
        return tuple(found)

    def find_overlapping(self, text: str) -> list[PhraseMatch[T]]:
        """Every match, overlapping ones included ("trên sổ đỏ" and the "sổ đỏ" inside it), in text order."""
        tokens, typed = marked_tokens(text)
        matches: list[PhraseMatch[T]] = []
        for i in range(len(tokens)):
            for size in range(1, min(MAX_PHRASE, len(tokens) - i) + 1):
                phrase = tokens[i : i + size]
                payloads = self._payloads(phrase, typed[i : i + size]) if phrase in self._phrases else ()
                if payloads:
                    matches.append(PhraseMatch(phrase, i, payloads))
        return matches

    def find_tokens(self, tokens: tuple[str, ...], *, min_tokens: int = 1,
                    marks: Marks | None = None) -> list[PhraseMatch[T]]:
        """Like ``find`` over tokens already in ``phrase_tokens`` form; ``marks`` as ``marked_tokens`` gives them
        (none: every token counts as typed without marks)."""
        typed: Marks = marks if marks is not None else (None,) * len(tokens)
        matches: list[PhraseMatch[T]] = []
        i = 0
        while i < len(tokens):
            for size in range(min(MAX_PHRASE, len(tokens) - i), min_tokens - 1, -1):
                phrase = tokens[i : i + size]
                payloads = self._payloads(phrase, typed[i : i + size]) if phrase in self._phrases else ()
                if payloads:
                    matches.append(PhraseMatch(phrase, i, payloads))
                    i += size
                    break
            else:
                i += 1
        return matches
