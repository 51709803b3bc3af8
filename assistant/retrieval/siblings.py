"""A follow-up that names another member of the current procedure's family switches to it.

"Đăng ký khai sinh" then "bố cháu là người Nhật" → "đăng ký khai sinh có yếu tố nước ngoài"; "đăng ký tạm trú"
then "gia hạn thì sao?" → "gia hạn tạm trú". Members are found for every record from the names alone: a sibling
shares at least half of the current name's words, and the question uses the words that only the sibling has."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from assistant.retrieval.contrast import GENERIC
from assistant.retrieval.names import name_terms
from assistant.retrieval.ranking import base_name
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex

#: Share of the current name's words a sibling must keep.
MIN_SHARED = 0.5
#: Share of the sibling's own words the question must use.
MIN_ASKED = 0.34
#: Siblings with more words of their own than this are other procedures, not members of the family.
MAX_EXTRA = 10


@dataclass(frozen=True)
class _Names:
    index: KnowledgeIndex
    terms: dict[str, frozenset[str]]
    #: per name word, the codes whose names use it
    postings: dict[str, set[str]] = field(default_factory=dict)
    #: per code, the codes that may be members of its family, with their name words (see ``_family``)
    families: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)


_cache: list[_Names] = []


def _names(index: KnowledgeIndex) -> _Names:
    """Content words of every record's name without its level, per code (computed once per loaded index)."""
    if _cache and _cache[0].index is index:  # held, so a new index can never be mistaken for it
        return _cache[0]
    terms = {}
    for record in index.records.values():
        code = record.code or record.uid
        if code not in terms:
            terms[code] = frozenset(name_terms(base_name(record.name)) - GENERIC)
    postings: dict[str, set[str]] = {}
    for code, words in terms.items():
        for word in words:
            postings.setdefault(word, set()).add(code)
    _cache[:] = [_Names(index, terms, postings)]
    return _cache[0]


def _name_terms(index: KnowledgeIndex) -> dict[str, frozenset[str]]:
    return _names(index).terms


def _family(index: KnowledgeIndex, code: str) -> list[tuple[str, frozenset[str]]]:
    """The codes whose names could make them members of ``code``'s family whatever the question: they keep at
    least ``MIN_SHARED`` of its name words and add between one and ``MAX_EXTRA`` of their own. Computed once per
    code (a scan of every name), so a question only looks at these few."""
    names = _names(index)
    if code not in names.families:
        mine = names.terms.get(code, frozenset())
        shared = Counter(other for word in mine for other in names.postings.get(word, ()))
        names.families[code] = [
            (other, names.terms[other]) for other, count in shared.items()
            if other != code and count / len(mine) >= MIN_SHARED
            and 0 < len(names.terms[other] - mine) <= MAX_EXTRA
        ]
    return names.families[code]


def _qualified(index: KnowledgeIndex, code: str) -> list[tuple[str, frozenset[str]]]:
    """The codes whose names hold every word of ``code``'s and at most ``MAX_EXTRA`` more (set intersections of
    the name-word postings: cheap enough for every first question)."""
    names = _names(index)
    mine = names.terms.get(code, frozenset())
    if not mine:
        return []
    lists = sorted((names.postings.get(word, set()) for word in mine), key=len)
    holders = set.intersection(*lists) - {code}
    return [(other, names.terms[other]) for other in holders
            if 0 < len(names.terms[other] - mine) <= MAX_EXTRA]


def is_qualified_member(index: KnowledgeIndex, general: Procedure, specific: Procedure) -> bool:
    """Whether ``specific`` is a qualified member of ``general``'s family: its name holds every word of the general
    one's and more ("đăng ký khai tử" → "đăng ký khai tử có yếu tố nước ngoài")."""
    names = _name_terms(index)
    mine = names.get(general.code or general.uid, frozenset())
    theirs = names.get(specific.code or specific.uid, frozenset())
    return bool(mine) and mine < theirs and len(theirs - mine) <= MAX_EXTRA


def named_sibling(index: KnowledgeIndex, current: Procedure, asked: set[str],
                  generic: frozenset[str] = frozenset(), *, qualified_only: bool = False) -> Procedure | None:
    """The member of ``current``'s family whose own name words the question uses, if any (best first).

    ``generic`` words (follow-up and intent words: "phí", "online") count towards a match but never make one.
    ``qualified_only``: only members whose name holds every word of the current one and more ("đăng ký giám hộ"
    → "đăng ký giám hộ có yếu tố nước ngoài"), not those that merely share words."""
    code = current.code or current.uid
    mine = _name_terms(index).get(code, frozenset())
    if not mine or not asked:
        return None
    best: tuple[float, float, float, str] | None = None
    for other, theirs in sorted(_qualified(index, code) if qualified_only else _family(index, code)):
        extra = theirs - mine
        matched = extra & asked
        used = len(matched) / len(extra)
        # one shared syllable is not enough ("trình tự" is not "khai tử"): two of its words, or all of them
        if used < MIN_ASKED or not (len(matched) >= 2 or matched == extra) or not (matched - generic):
            continue
        # a member that keeps every word of the current name ("khai sinh" + "có yếu tố nước ngoài") before one
        # that only shares some ("đăng ký kết hôn", mentioned in passing)
        rank = (float(mine <= theirs), used, len(mine & theirs) / len(mine | theirs), other)
        if best is None or rank[:3] > best[:3]:
            best = rank
    return index.procedure(best[3]) if best else None


def family_of(index: KnowledgeIndex, code: str) -> list[str]:
    """The codes that may be members of ``code``'s family (they share most of its name words), closest first."""
    mine = _name_terms(index).get(code, frozenset())
    members = _family(index, code)
    return [other for other, theirs in sorted(members, key=lambda m: (-len(m[1] & mine), len(m[1] - mine), m[0]))]
