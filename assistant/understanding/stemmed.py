"""Glossary wordings of a foreign question found with their words inflected, reordered or a few words apart.

The glossary words an act one way ("register a death", "تسجيل الوفاة"); people put it another: "the registration of
my father's death", "registering deaths", "وأريد تسجيل وفاته". The exact matcher of ``assistant.understanding.query``
misses these, and the question then gains no Vietnamese term for what it is about. Here each word is reduced to its
Snowball stem (English, French, Arabic), and two stems agree when they are equal or one begins the other and is
nearly as long ("regist" of "registering" and "registr" of "registration", "marri" of "marry" and "marriag" of
"marriage"; not "photo" of "photocopy"). A past participle is a word of its own: "the death was registered long
ago" or "nous avons obtenu le permis de construire" says what is done, not what is asked. A wording of two or more
content words (not the words that only hold it together, ``knowledge/glue_words.yaml``) matches when every one of
them agrees with a content word of one sentence of the question, all within a span of the wording's length plus
``MAX_GAP``, in any order. Words that change what is asked are content: "register a birth again" is not met by
"register my baby's birth". Where a wording met with its words side by side shares a word with one met spread out,
the first wins ("the ward office" is no "passport office" for "a photocopy of my passport at the ward office"), and
of two wordings one met inside the other, the longer wins ("register for a tax code" is no "registration tax").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

import snowballstemmer
import yaml

import knowledge
from assistant.understanding.phrases import PhraseMatch, phrase_tokens
from knowledge.text import words

T = TypeVar("T")

#: The languages matched by stem, with the name of their Snowball stemmer.
STEMMED_LANGUAGES = {"en": "english", "fr": "french", "ar": "arabic"}
#: Content words of the question allowed between those of a wording, beyond its own length: "registration of my
#: father's death" meets "register a death"; Arabic names a thing by nouns in a row ("شهادة عزوبية" is no
#: "شهادة الزواج" because "زواجنا" follows two words later).
MAX_GAP = 1
#: Where a sentence or clause ends: a wording is met within one ("... our parents' land. What do we need to certify"
#: holds no "land certificate").
CLAUSE_END = re.compile(r"[.?!;:؟؛。]\s")
#: The fewest letters of a stem that may stand for a longer one, and the least share of its length.
MIN_STEM = 4
MIN_SHARE = 0.7
_WORD = re.compile(r"[^\W_]+")
#: Endings of past participles (English "-ed"; French "-é", "-u", "-i" with their agreement).
_PARTICIPLE = {"en": re.compile(r"ed$"), "fr": re.compile(r"(?:é|u|i)(?:e|s|es)?$")}
_FRENCH_AGREEMENT = re.compile(r"(?<=[éui])(?:e|s|es)$")
GLUE_WORDS_FILE = Path(knowledge.__file__).parent / "glue_words.yaml"


@lru_cache(maxsize=1)
def glue_words() -> dict[str, frozenset[str]]:
    """Language -> the words that hold its wordings together (``knowledge/glue_words.yaml``), lowercase."""
    data = yaml.safe_load(GLUE_WORDS_FILE.read_text("utf-8"))
    return {lang: frozenset(w.lower() for w in words(str(text))) for lang, text in data.items()}


def _agree(a: str, b: str, exact: bool = False) -> bool:
    """Whether two stems name the same word; a name (``exact``) only as itself: "Vietnamien" is not "Vietnam"."""
    if a == b:
        return True
    if exact:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= MIN_STEM and len(short) >= MIN_SHARE * len(long) and long.startswith(short)


def _done(word: str, language: str) -> str | None:
    """A past participle as a key of its own: what is done is not what is asked ("we obtained the building permit"
    asks for no permit, "the death was registered long ago" for no first registration). Marked so that no stem
    begins it; gender and number are left out in French ("déclarée" is "déclaré")."""
    pattern = _PARTICIPLE.get(language)
    if pattern is None or not pattern.search(word) or len(word) < 5:
        return None
    return "=" + (_FRENCH_AGREEMENT.sub("", word) if language == "fr" else word)


@dataclass(frozen=True)
class _Wording(Generic[T]):
    stems: tuple[str, ...]
    #: per stem, whether it is of a name (capitalised in the glossary), which agrees only with itself
    names: tuple[bool, ...]
    payload: T


@dataclass(frozen=True)
class _Met(Generic[T]):
    positions: frozenset[int]
    payload: T

    @property
    def side_by_side(self) -> bool:
        return max(self.positions) - min(self.positions) + 1 == len(self.positions)


class StemmedMatcher(Generic[T]):
    """The wordings of one language, found by their stems (``find``)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._stemmer = snowballstemmer.stemmer(STEMMED_LANGUAGES[language])
        self._skip = glue_words().get(language, frozenset())
        self._wordings: list[_Wording[T]] = []
        #: first letters of a stem -> the wordings holding a stem that begins so
        self._by_start: dict[str, set[int]] = defaultdict(set)

    def _content(self, text: str) -> tuple[list[str], list[str], list[bool]]:
        """The content words of ``text`` (case-folded), their stems, and whether each is written capitalised."""
        folded = words(text)
        cased = _WORD.findall(text)
        capitalised = [w[:1].isupper() for w in cased] if len(cased) == len(folded) else [False] * len(folded)
        kept = [(w, upper) for w, upper in zip(folded, capitalised, strict=True) if w not in self._skip]
        stems = self._stemmer.stemWords([w for w, _ in kept])
        stems = [_done(w, self.language) or stem for (w, _), stem in zip(kept, stems, strict=True)]
        return [w for w, _ in kept], stems, [upper for _, upper in kept]

    def add_all(self, wordings: Iterable[str], payload: T) -> None:
        for wording in wordings:
            _, stems, capitalised = self._content(wording)
            named = dict(zip(stems, capitalised, strict=True))
            unique = tuple(stem for stem in named if stem)
            if len(unique) < 2:
                continue  # one word says too little out of its order
            number = len(self._wordings)
            self._wordings.append(_Wording(unique, tuple(named[stem] for stem in unique), payload))
            for stem in unique:
                self._by_start[stem[:MIN_STEM]].add(number)

    def find(self, text: str) -> list[PhraseMatch[T]]:
        """Every wording whose stems a sentence of the question holds close together; a match's ``phrase`` is the
        question's own words that met it (as plain tokens), so that the caller can tell a wording met only by
        asking words."""
        return [match for clause in CLAUSE_END.split(text + " ") for match in self._find_in(clause)]

    def _find_in(self, text: str) -> list[PhraseMatch[T]]:
        typed, stems, _ = self._content(text)
        starts = {stem[:MIN_STEM] for stem in stems}
        # a stem agrees only with one that begins as it does: every stem of a candidate must start as one here
        candidates = {n for start in starts for n in self._by_start.get(start, ())
                      if all(stem[:MIN_STEM] in starts for stem in self._wordings[n].stems)}
        meeting: dict[tuple[str, bool], list[int]] = {}  # (stem, name) -> positions agreeing, once per question
        met: list[_Met[T]] = []
        for number in sorted(candidates):
            wording = self._wordings[number]
            positions = self._positions(wording, stems, meeting)
            if positions is not None:
                met.append(_Met(positions, wording.payload))
        tight = [m for m in met if m.side_by_side]
        met = [m for m in met if m.side_by_side
               or not any(t.payload != m.payload and t.positions & m.positions for t in tight)]
        kept = [m for m in met if not any(m.positions < other.positions for other in met)]
        return [PhraseMatch(tuple(t for p in sorted(m.positions) for t in phrase_tokens(typed[p])),
                            min(m.positions), (m.payload,)) for m in kept]

    def _positions(self, wording: _Wording[T], stems: list[str],
                   known: dict[tuple[str, bool], list[int]]) -> frozenset[int] | None:
        """Positions of the question's content words meeting every stem of the wording within one span, or None;
        ``known`` keeps the positions each stem agrees with for the next wordings of the same question."""
        wanted = wording.stems
        meeting = []
        for key in zip(wanted, wording.names, strict=True):
            if key not in known:
                known[key] = [i for i, stem in enumerate(stems) if _agree(key[0], stem, key[1])]
            if not known[key]:
                return None
            meeting.append(known[key])
        span = len(wanted) + MAX_GAP
        for start in sorted({i for options in meeting for i in options}):
            chosen = {next((i for i in options if start <= i < start + span), -1) for options in meeting}
            if -1 not in chosen and len(chosen) == len(wanted):
                return frozenset(chosen)
        return None
