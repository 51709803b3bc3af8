"""Another country or a foreign city named in a question, read as "abroad".

"Bản án ly hôn của tòa án Hàn Quốc", "we got married in Sydney", "한국에서 출생신고를 한 아이": the place says that
something was done or issued abroad, which is what tells "ghi vào sổ hộ tịch việc ... đã được giải quyết tại cơ quan
có thẩm quyền của nước ngoài" from registering anew. The glossary words such situations with the general word ("bản
án ly hôn của tòa án nước ngoài", "married abroad", "외국에서 출생신고"), so the analyzer reads a question a second
time with every named place put as that word (``abroad_reading``). The places are in ``knowledge/foreign_places.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml

import knowledge
from assistant.understanding.phrases import PhraseMatch, PhraseMatcher, phrase_tokens
from knowledge.text import strip_diacritics

T = TypeVar("T")

FOREIGN_PLACES_FILE = Path(knowledge.__file__).parent / "foreign_places.yaml"
#: Languages written without spaces between words: a place is replaced wherever it occurs.
_UNSPACED = ("zh", "ko")


@dataclass(frozen=True)
class _Reading:
    pattern: re.Pattern[str]
    #: What a place after a preposition becomes (the preposition with it), and what a place alone becomes.
    with_preposition: str
    alone: str


def _alternation(names: list[str], *, plain_too: bool) -> str:
    forms = {name for name in names} | ({strip_diacritics(n) for n in names} if plain_too else set())
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _readings(path: Path = FOREIGN_PLACES_FILE) -> dict[str, _Reading]:
    data = yaml.safe_load(path.read_text("utf-8"))
    readings = {}
    for language, names in data["names"].items():
        general = data["stands_for"][language]
        places = _alternation(names, plain_too=language == "vi")
        if language in _UNSPACED:
            readings[language] = _Reading(re.compile(places), general, general)
            continue
        prepositions = data.get("prepositions", {}).get(language)
        before = rf"(?P<prep>(?:{_alternation(prepositions, plain_too=False)})\s+)?" if prepositions else ""
        case = re.IGNORECASE if language in ("vi", "ar") else 0
        place = rf"(?<!\w){before}(?:{places})(?!\w)"
        if language == "vi":  # "ở Pháp", "tòa án Đức"; not "pháp luật", "anh Đức", "Lào Cai"
            words = _alternation(data["after"]["before"], plain_too=False)
            guarded = _alternation(data["after"]["names"], plain_too=False)
            place += rf"|(?-i:(?P<keep>(?<!\w)(?:{words})\s+)(?:{guarded})(?!\w)(?!\s+[A-ZĐÀ-Ỹ]))"
        readings[language] = _Reading(re.compile(place, case), general,
                                      data.get("bare", {}).get(language, general))
    return readings


def abroad_words(language: str) -> tuple[str, ...]:
    """The words a named place is put as in ``language`` ("nước ngoài"; English "abroad" and "foreign")."""
    reading = _readings().get(language)
    return () if reading is None else tuple({reading.with_preposition, reading.alone})


def abroad_reading(text: str, language: str) -> str | None:
    """``text`` with the foreign places it names put as the language's word for abroad ("ly hôn ở Hàn Quốc" → "ly
    hôn ở nước ngoài", "married in Sydney" → "married abroad"); None when it names none."""
    reading = _readings().get(language)
    if reading is None:
        return None

    def general(match: re.Match[str]) -> str:
        found = match.groupdict()
        return (found.get("keep") or "") + (reading.with_preposition if found.get("prep") else reading.alone)

    replaced = reading.pattern.sub(general, text)
    return replaced if replaced != text else None


def abroad_matches(matcher: PhraseMatcher[T], text: str, language: str) -> list[PhraseMatch[T]]:
    """The phrases of ``matcher`` found in ``abroad_reading`` of ``text`` that say more than "abroad" itself, which a
    country's name alone does not ask for ("a seed company from China" asks nothing about abroad)."""
    reading = abroad_reading(text, language)
    if reading is None:
        return []
    alone = {phrase_tokens(word) for word in abroad_words(language)}
    return [match for match in matcher.find(reading) if tuple(match.phrase) not in alone]
