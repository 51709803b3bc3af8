"""An age in the question picks the member of a family whose name states an age range.

Names such as "Cấp thẻ căn cước cho người dưới 14 tuổi" and "... cho người từ đủ 14 tuổi trở lên" differ only by
the range; "con tôi 8 tuổi" or, after an ID-card answer, "cháu mới 8 tuổi" means the first. The ranges are read
from every record's name and the age from the question (Vietnamese, English, French, Chinese, Korean, Arabic), so
nothing is listed per procedure.
"""

from __future__ import annotations

import math
import re

from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.ranking import put_first
from assistant.retrieval.siblings import family_of
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex
from knowledge.text import fold, strip_diacritics

#: "8 tuổi", "8-year-old", "8岁"..., and "14t" as chat writes it (the "t" against the number: "xe 5 t" is no age).
_QUESTION_AGE = re.compile(
    r"(\d{1,3})(?:t\b|\s*(?:tuoi\b|years?[- ]old\b|-year\b|yo\b|ans\b|岁|周岁|세|살|سنه|سنوات|سنين|عاما|عام))"
)
#: An age named by the word before it ("just turned 14", "aged 8", "at the age of 15").
_AGE_AFTER_WORD = re.compile(
    r"\b(?:turned|turns|turning|aged|age of)\s+(\d{1,3})\b(?!\s*(?:years?|yo|percent|per cent|%))"
)
#: Words that make the number after them a bound, not an age: "dưới 14 tuổi" asks about the range itself.
_RANGE_BEFORE = re.compile(
    r"(?:\b(?:duoi|tren|tu|du|qua|hon|den|under|over|below|above|than|least|moins de|plus de)|满|未满|超过)\s*$"
)
_BELOW = re.compile(r"duoi (\d{1,3}) tuoi")
_FROM = re.compile(r"(?:tu du|tu|du) (\d{1,3}) tuoi")


def question_age(text: str) -> int | None:
    """The age the question states ("8 tuổi", "8-year-old", "8岁", "8살"), or ``None``; of several, the youngest
    ("tôi 35 tuổi, làm căn cước cho con 5 tuổi": a parent asks for a child far more often than the reverse)."""
    plain = strip_diacritics(fold(text))
    ages = [int(m.group(1)) for m in _QUESTION_AGE.finditer(plain) if not _RANGE_BEFORE.search(plain[: m.start()])]
    ages += [int(m.group(1)) for m in _AGE_AFTER_WORD.finditer(plain)]
    return min(ages) if ages else None


def name_age_range(name: str) -> tuple[float, float] | None:
    """The ages a procedure's name is for, as [low, high), or ``None`` when it states no range."""
    plain = strip_diacritics(fold(name))
    below = _BELOW.search(plain)
    start = _FROM.search(plain)
    if below is None and start is None:
        return None
    low = float(start.group(1)) if start else 0.0
    high = float(below.group(1)) if below and (start is None or below.start() > start.start()) else math.inf
    return (low, high)


def fits(procedure: Procedure, age: int) -> bool | None:
    """Whether ``age`` is in the procedure's range (``None``: its name states none)."""
    ages = name_age_range(procedure.name)
    return None if ages is None else ages[0] <= age < ages[1]


def member_for_age(index: KnowledgeIndex, procedure: Procedure, age: int) -> Procedure | None:
    """The member of ``procedure``'s family whose range holds ``age``, when ``procedure``'s own range does not."""
    if fits(procedure, age) is not False:
        return None
    for code in family_of(index, procedure.code or procedure.uid):
        other = index.procedure(code)
        if other is not None and fits(other, age):
            return other
    return None


def age_first(index: KnowledgeIndex, hits: list[ProcedureHit], text: str) -> list[ProcedureHit]:
    """Put the family member whose age range holds the question's age first, when the best hit's does not."""
    age = question_age(text)
    if age is None or not hits:
        return hits
    member = member_for_age(index, hits[0].procedure, age)
    return hits if member is None else put_first(index, hits, member)
