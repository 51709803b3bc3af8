"""A question that says nothing of doing something again means the first time.

Names such as "Đăng ký lại phương tiện hoạt động vui chơi, giải trí dưới nước" and "Đăng ký lại chi nhánh, văn
phòng đại diện, địa điểm kinh doanh ..." carry "lại" among their first words, and their other words match a question
about the first registration as well as the first-time procedure's do ("đăng ký cano cho khách chơi", "mở thêm một
cửa hàng"). When the best hit is such a procedure and the question asks for no second time (no "lại", "again",
"re-register", nor a re-issue word such as "mất"), a close hit about the same thing without "lại" goes first. The
words are in ``knowledge/name_actions/again.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from assistant.retrieval.actions import bundled_rules
from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.names import name_term_sequence
from assistant.retrieval.ranking import base_name, close_hit_first
from knowledge.text import comparison_alternation, comparison_form, script_of

AGAIN_FILE = Path(knowledge.__file__).parent / "name_actions" / "again.yaml"
#: The first-time hit must have at least this share of its name's words in the best one's (without the case that
#: narrows it).
MIN_SHARED = 0.6
#: "lại" counts when it is among this many first words of the name ("Đăng ký lại ...", "Cấp lại ...").
LEADING_WORDS = 3
#: Where a name narrows whom or what it applies to ("Đăng ký lại chi nhánh ... của công ty nhà nước ..."): a second
#: time for a narrower case is compared with the first time by what it redoes, without the case.
_NARROWED = re.compile(r"\s(?:cua|doi voi|cho|trong truong hop)\s.*$")  # on the name without diacritics


@dataclass(frozen=True)
class AgainWords:
    word: str
    asks: re.Pattern[str]

    def asked(self, question: str) -> bool:
        """Whether the question asks for a second time, in so many words or by a re-issue word ("mất")."""
        return bool(self.asks.search(comparison_form(question))) or "reissue" in bundled_rules().asked(question)

    def done_again(self, name: str) -> bool:
        """Whether the name does its object a second time; "Cấp, cấp lại ..." lists the first time too."""
        if self.word not in name_term_sequence(base_name(name))[:LEADING_WORDS]:
            return False
        return "," not in comparison_form(name).partition(f" {self.word}")[0]


@lru_cache(maxsize=1)
def again_words(path: Path = AGAIN_FILE) -> AgainWords:
    data = yaml.safe_load(path.read_text("utf-8"))
    spaced = comparison_alternation([w for w in data["asks"] if script_of(w) not in ("cjk", "hangul")])
    unspaced = comparison_alternation([w for w in data["asks"] if script_of(w) in ("cjk", "hangul")])
    return AgainWords(comparison_form(data["name_word"]), re.compile(rf"(?<!\w)(?:{spaced})(?!\w)|{unspaced}"))


def first_time_first(hits: list[ProcedureHit], question: str) -> list[ProcedureHit]:
    """Put a close first-time hit before the best one when that is done again and the question does not ask so."""
    words = again_words()
    if len(hits) < 2 or not words.done_again(hits[0].procedure.name) or words.asked(question):
        return hits
    top = set(name_term_sequence(_NARROWED.sub("", base_name(hits[0].procedure.name)))) - {words.word}

    def first_time(hit: ProcedureHit) -> bool:
        mine = set(name_term_sequence(base_name(hit.procedure.name)))
        if words.done_again(hit.procedure.name) or not mine:
            return False
        return len(mine & top) / len(mine) >= MIN_SHARED

    return close_hit_first(hits, first_time)
