"""The papers a question says the asker already holds, whose words ask for nothing.

"Con tôi đã có giấy khai sinh nhưng bỏ trống phần cha": the words "khai sinh" name a paper the child has, so they
must not make "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con" look asked for beside "Đăng ký nhận cha, mẹ,
con". The phrases live in ``knowledge/possession.yaml``; the family stages (contrast, qualified members) read the
question's words without these. Likewise a procedure the question says is done ("đã trình báo mất hộ chiếu") is
not one it names (``not_done``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from assistant.understanding.phrases import PhraseMatch, PhraseMatcher, marked_tokens, phrase_tokens, word_mark
from knowledge.glossary import GlossaryEntry
from knowledge.text import comparison_alternation, comparison_form, has_vietnamese_diacritics

POSSESSION_FILE = Path(knowledge.__file__).parent / "possession.yaml"
#: The longest paper name read after a possession phrase, in words.
MAX_WORDS = 8


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = yaml.safe_load(POSSESSION_FILE.read_text("utf-8"))
    ends = comparison_alternation(data["clause_ends"])
    paper = rf"((?:(?!\b(?:{ends})\b)[^\W\d_]+\s*){{1,{MAX_WORDS}}})"
    patterns = [re.compile(rf"\b(?:{comparison_alternation(data['before'])})\s+{paper}")]
    patterns += [re.compile(rf"\b{re.escape(comparison_form(a))}\s+{paper}\s*\b{re.escape(comparison_form(b))}\b")
                 for a, b in data["around"]]
    named = rf"((?:{comparison_alternation(data['papers'])})\b(?:\s*(?!\b(?:{ends})\b)[^\W\d_]+){{0,{MAX_WORDS - 1}}})"
    patterns.append(re.compile(rf"\bco\s+{named}\s*,?\s*\b(?:{ends})\b"))
    return tuple(patterns)


def held_papers(question: str) -> list[str]:
    """The papers the question says the asker already holds, folded without diacritics ("giay khai sinh")."""
    plain = comparison_form(question)
    return [m.group(1).strip() for pattern in _patterns() for m in pattern.finditer(plain)]


def asked_terms(terms: set[str], question: str) -> set[str]:
    """``terms`` without the words that only name a paper the asker holds."""
    papers = held_papers(question)
    if not papers:
        return terms
    held = {word for paper in papers for word in paper.split()}
    elsewhere = comparison_form(question)
    for paper in papers:
        elsewhere = elsewhere.replace(paper, " ")
    still_used = set(elsewhere.split())
    return {t for t in terms if t not in held or t in still_used}


def held_words(question: str, terms: PhraseMatcher[GlossaryEntry]) -> set[str]:
    """For a question in another language: the plain words of the Vietnamese terms (found by the glossary matcher
    ``terms``) it gained only from the papers it says the asker holds ("already has a birth certificate" → "giay",
    "khai", "sinh"), which ``asked_terms`` cannot see in the Vietnamese terms."""
    papers = held_papers(question)
    if not papers:
        return set()
    rest = comparison_form(question)
    for paper in papers:
        rest = rest.replace(paper, " ")
    held = {word for paper in papers for word in _term_words(terms, paper)}
    return held - _term_words(terms, rest)


def _term_words(terms: PhraseMatcher[GlossaryEntry], text: str) -> set[str]:
    return {word for match in terms.find(text) for entry in match.payloads for word in phrase_tokens(entry.vi)}


#: Words right before a named procedure that say it is already done ("tôi đã trình báo mất hộ chiếu"), as plain
#: tokens and, when written with marks, as marked; a question without marks ("da dang ky") reads them too.
_DONE_BEFORE = {("da",): (word_mark("đã"),), ("da", "duoc"): (word_mark("đã"), word_mark("được")),
                ("vua",): (word_mark("vừa"),)}


def not_done(aliases: list[PhraseMatch[str]], text: str) -> list[PhraseMatch[str]]:
    """The procedure names (alias matches over ``text``) the question does not say are done: "đã trình báo mất hộ
    chiếu, giờ tìm thấy" asks what comes after the report, not for the report."""
    tokens, marks = marked_tokens(text)
    unmarked = not has_vietnamese_diacritics(text)  # "da" is "đã" typed plain, but "da" (skin) among marked words

    def done(match: PhraseMatch[str]) -> bool:
        for words, marked in _DONE_BEFORE.items():
            for end in (match.start, match.start - 1):  # "đã trình báo mất hộ chiếu" for "báo mất hộ chiếu"
                start = end - len(words)
                if start >= 0 and tokens[start:end] == words and all(
                        typed == mark or (typed is None and unmarked)
                        for typed, mark in zip(marks[start:end], marked, strict=True)):
                    return True
        return False
    return [m for m in aliases if not done(m)]
