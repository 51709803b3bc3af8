"""Glossary wordings whose parts a question says a few words apart.

People name the paper first and what is wrong with it later: "sổ đỏ mới cấp ghi sai tên đệm", "sổ bảo hiểm của tôi
bị sai ngày sinh". The glossary writes such wordings with their parts joined by "…" (``GlossaryEntry.apart``: "sổ
đỏ … ghi sai"); a question meets one when it says every part in that order, each at most ``MAX_GAP`` words after the
one before. Order matters: "ngày sinh bị ghi sai so với giấy khai sinh" names the birth certificate as what is right,
so the other order is written only with a word that puts the error on the paper ("ghi sai … trên sổ đỏ").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from assistant.understanding.phrases import PhraseMatch, PhraseMatcher
from knowledge.glossary import APART

T = TypeVar("T")
#: The most words a question may put between two parts of a wording.
MAX_GAP = 6


class ApartMatcher(Generic[T]):
    """Finds wordings said apart; each wording carries one payload."""

    def __init__(self) -> None:
        self._parts: PhraseMatcher[tuple[int, int]] = PhraseMatcher()
        self._wordings: list[tuple[int, T]] = []  # per wording: how many parts, and its payload

    def add(self, wording: str, payload: T) -> None:
        parts = [part.strip() for part in wording.split(APART) if part.strip()]
        number = len(self._wordings)
        self._wordings.append((len(parts), payload))
        for position, part in enumerate(parts):
            self._parts.add(part, (number, position))

    def add_all(self, wordings: Iterable[str], payload: T) -> None:
        for wording in wordings:
            self.add(wording, payload)

    def find(self, text: str) -> list[T]:
        """The payloads of the wordings ``text`` says, in the order of the wordings."""
        if not self._wordings:
            return []
        matches = self._parts.find_overlapping(text)  # "trên sổ đỏ" of one wording holds "sổ đỏ" of another
        begun = sorted({number for m in matches for number, position in m.payloads if position == 0})
        found: list[T] = []
        for number in begun:  # only the wordings whose first part the text holds
            parts, payload = self._wordings[number]
            if payload not in found and _in_order(matches, number, parts):
                found.append(payload)
        return found


def _in_order(matches: list[PhraseMatch[tuple[int, int]]], number: int, parts: int) -> bool:
    """Whether the matches hold every part of wording ``number`` in order, each at most ``MAX_GAP`` words after the
    one before."""
    ends: list[int] = []  # where the part before may end, for every way of reading it found so far
    for position in range(parts):
        here = [m for m in matches if (number, position) in m.payloads]
        ends = [m.end for m in here if position == 0 or any(0 <= m.start - end <= MAX_GAP for end in ends)]
        if not ends:
            return False
    return True
