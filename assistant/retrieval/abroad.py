"""Where the applicant is picks between a procedure's members "ở trong nước" and "ở nước ngoài".

Four families of the national corpus (becoming, giving up, regaining and confirming Vietnamese nationality) come in
two members that differ only by where the applicant lives. A question at a service center in Vietnam means the
member in the country unless it says the applicant lives abroad ("tôi đang sống ở Mỹ", "việt kiều"); a foreign
country or nationality named for another reason ("nhập quốc tịch Singapore", "hồ sơ nộp ở nước ngoài") does not,
though its words match the other member's name. Words in ``knowledge/name_actions/abroad.yaml``; the members are
found for every record by their names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.ranking import base_name, put_first
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex
from knowledge.text import comparison_alternation, comparison_form, script_of

ABROAD_FILE = Path(knowledge.__file__).parent / "name_actions" / "abroad.yaml"


#: Words after which a clause about where someone lives has ended ("sống ở Mỹ thì ...", "ở Nhật đã 5 năm").
_CLAUSE_GOES_ON = r"(?:va|thi|muon|nhung|duoc|roi|nam|da|can|co|lau|hon|nay|gio|hien|and|but|for|since)\b"


@dataclass(frozen=True)
class AbroadWords:
    """The name qualifiers of the two members and the question pattern that says the applicant is abroad."""

    domestic: str
    abroad: str
    says_abroad: re.Pattern[str]

    def lives_abroad(self, question: str) -> bool:
        """Whether the question says the applicant lives or stays abroad."""
        return bool(self.says_abroad.search(comparison_form(question)))


@lru_cache(maxsize=1)
def abroad_words(path: Path = ABROAD_FILE) -> AbroadWords:
    data = yaml.safe_load(path.read_text("utf-8"))
    living, places, short = (comparison_alternation(data[key]) for key in ("living", "places", "short_places"))
    spaced = comparison_alternation([w for w in data["alone"] if script_of(w) not in ("cjk", "hangul")])
    unspaced = comparison_alternation([w for w in data["alone"] if script_of(w) in ("cjk", "hangul")])
    # words are whole words, except in Chinese and Korean, which write them without spaces
    place = rf"(?:{places}|(?:{short})(?=\s*(?:$|[,.;:?!)]|\d|{_CLAUSE_GOES_ON})))"
    pattern = rf"(?<!\w)(?:(?:{living})\s+(?:o\s+|tai\s+|ben\s+)?{place}|{spaced})(?!\w)|{unspaced}"
    return AbroadWords(comparison_form(data["domestic"]), comparison_form(data["abroad"]), re.compile(pattern))


_by_name: list[tuple[KnowledgeIndex, dict[str, str]]] = []


def _codes_by_base_name(index: KnowledgeIndex) -> dict[str, str]:
    """Per level-free name, one code (computed once per loaded index)."""
    if _by_name and _by_name[0][0] is index:
        return _by_name[0][1]
    names: dict[str, str] = {}
    for record in index.records.values():
        names.setdefault(base_name(record.name), record.code or record.uid)
    _by_name[:] = [(index, names)]
    return names


def counterpart(index: KnowledgeIndex, procedure: Procedure, words: AbroadWords) -> tuple[Procedure, bool] | None:
    """The other member of ``procedure``'s pair and whether it is the member abroad, if the index holds one."""
    name = f" {base_name(procedure.name)} "
    for mine, theirs, other_abroad in ((words.domestic, words.abroad, True), (words.abroad, words.domestic, False)):
        if f" {mine} " in name:
            code = _codes_by_base_name(index).get(name.replace(f" {mine} ", f" {theirs} ").strip())
            other = index.procedure(code) if code else None
            return (other, other_abroad) if other is not None else None
    return None


def place_first(index: KnowledgeIndex, hits: list[ProcedureHit], question: str) -> list[ProcedureHit]:
    """Put the member for where the applicant is first, when the best hit is the other member of such a pair."""
    if not hits:
        return hits
    words = abroad_words()
    pair = counterpart(index, hits[0].procedure, words)
    if pair is None:
        return hits
    other, other_abroad = pair
    return put_first(index, hits, other) if other_abroad == words.lives_abroad(question) else hits


def at_home_only(procedure: Procedure, question: str) -> bool:
    """Whether ``procedure`` is named for applicants in the country ("Cấp hộ chiếu phổ thông ở trong nước") and the
    question says the applicant lives abroad: such a person applies at a mission abroad, which no record here
    covers, so the procedure does not fit (the chat says so and offers it among the closest)."""
    words = abroad_words()
    return f" {words.domestic} " in f" {base_name(procedure.name)} " and words.lives_abroad(question)
