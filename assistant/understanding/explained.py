"""Words a glossary wording stands for in other words, which say nothing as themselves.

"khai sinh cho con lai" gains the glossary term "có yếu tố nước ngoài" from its wording "con lai" (a child of mixed
parentage); compared without marks, its "lai" reads as "lại", the qualifier of "Đăng ký lại khai sinh ...". The
family stages (a stated qualifier, contrast words) read the question without the words of such idioms (wordings
that share no word with the term they gained), unless another part of the question uses them. Nor do they read the
words of an agency the question names: "cấp đổi sổ đỏ nộp ở văn phòng đăng ký đất đai" says where to submit, and its
"đăng ký đất đai" must not state the qualifier of "Đăng ký đất đai ... lần đầu".
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from knowledge.glossary import GlossaryEntry
from knowledge.text import comparison_form

#: The glossary file of the offices people submit to (ministries, departments, committees, police, courts, ...);
#: the "agency" entries of other files name kinds of applicant ("chi nhánh", "văn phòng đại diện"), which are topics.
AGENCIES_FILE = Path(knowledge.__file__).parent / "glossary" / "agencies.yaml"


def explained_words(question: str, entries: Iterable[GlossaryEntry]) -> set[str]:
    """Words (without diacritics) of the question's glossary wordings that the gained terms do not use and the rest
    of the question does not repeat ("con lai" → {"con", "lai"} for "có yếu tố nước ngoài")."""
    text = f" {comparison_form(question)} "
    matched: list[str] = []
    own: set[str] = set()
    for entry in entries:
        term = set(comparison_form(entry.vi).split())
        # only a wording that shares no word with its term is an idiom whose words mean nothing alone ("con lai");
        # "ghi chú ly hôn" for "ghi vào sổ hộ tịch ..." paraphrases, and its "ly hôn" still says which record
        wordings = [comparison_form(v) for v in entry.variants]
        found = [w for w in wordings if w and f" {w} " in text and not set(w.split()) & term]
        if found:
            matched += found
            own |= term
    return _said_only_in(text, matched) - own


@lru_cache(maxsize=1)
def _agencies() -> frozenset[str]:
    return frozenset(comparison_form(entry["vi"]) for entry in yaml.safe_load(AGENCIES_FILE.read_text("utf-8")))


def agency_words(question: str, terms: Iterable[str]) -> set[str]:
    """Words (without diacritics) of the agencies among ``terms`` (the question's glossary terms, typed or gained
    from a wording such as "vpđk") that the rest of the question does not use."""
    agencies = [key for term in terms if (key := comparison_form(term)) in _agencies()]
    return _said_only_in(f" {comparison_form(question)} ", agencies)


def _said_only_in(text: str, phrases: list[str]) -> set[str]:
    """Words of ``phrases`` (without diacritics) that ``text`` (padded with spaces, in the same form) uses nowhere
    but in them."""
    rest = text
    for phrase in sorted(phrases, key=len, reverse=True):
        rest = rest.replace(f" {phrase} ", " ")
    return {word for phrase in phrases for word in phrase.split()} - set(rest.split())
