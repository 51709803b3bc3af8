"""The marks a question's words were typed with, to tell apart words that read alike without them.

Stripped of marks, "đỏ" (red, of "sổ đỏ") is "do" (because), "ký" (sign) is "kỷ" (of "kỷ niệm"), "lệ" (of "lệ
phí") is French "le": a procedure whose text holds only the other word does not contain what was asked. A word
typed without marks could be any of them and matches them all; one typed with marks must be found with those marks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from knowledge.text import unigrams_with_exact

#: Plain term -> the exact index terms ("=đỏ") it was typed as, for terms never typed without marks.
TypedForms = Mapping[str, frozenset[str]]


def typed_forms(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """For every plain unigram of ``texts`` typed only with marks, the exact index terms it was typed as."""
    forms: dict[str, set[str]] = {}
    unmarked: set[str] = set()
    for text in texts:
        for term, exact in unigrams_with_exact(text):
            if exact is None:
                unmarked.add(term)
            else:
                forms.setdefault(term, set()).add(exact)
    return {term: frozenset(exact) for term, exact in forms.items() if term not in unmarked}
