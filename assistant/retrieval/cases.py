"""A procedure named for a special case goes first only when the question states the case.

Many national names narrow their object with a case clause: "Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp
thay đổi chủ xe (đăng ký sang tên xe)", "Đăng ký biến động đối với trường hợp đổi tên ...". Their other words
match a plain question about the object as well as the general procedure does ("đăng ký xe online" found the change
of owner before "Đăng ký, cấp biển số xe lần đầu"). When the best hit has such a clause and the question uses none of
the words only the clause has, a close hit about the same object without an unstated clause goes first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.retrieval.contrast import GENERIC
from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.names import name_terms
from assistant.retrieval.ranking import close_hit_first
from knowledge.text import fold

#: The general hit must keep at least this share of the words the best name has outside its case clause.
MIN_SHARED = 0.5
_CLAUSE = re.compile(r"(?<!\w)(?:trong|đối với|cho) (?:các )?trường hợp(?!\w)")
#: Where a name stops saying what and starts saying how or where ("... bằng dịch vụ công", "(thực hiện tại ...").
_CHANNEL = re.compile(r"\(?(?:thực hiện )?(?:bằng dịch vụ công|tại cấp|ở cấp)|\(thực hiện|thực hiện tại")


@lru_cache(maxsize=16384)
def _parts(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """The name's words outside its case clause, and those only the clause has (empty: no clause, or a name that
    also names the procedure without one); cached, names repeat across questions."""
    text = fold(name)
    channel = _CHANNEL.search(text)
    text = text[: channel.start()] if channel else text
    clause = _CLAUSE.search(text)
    if clause is None or any(not _CLAUSE.search(part) for part in text.split(";")):
        return name_terms(text), frozenset()  # "Đăng ký thay đổi ...; Đăng ký thay đổi ... đối với trường hợp ..."
    rest = name_terms(text[: clause.start()])
    return rest, frozenset(name_terms(text[clause.end():]) - rest - GENERIC)


def general_case_first(hits: list[ProcedureHit], asked: set[str]) -> list[ProcedureHit]:
    """Put a close hit about the same object before a best hit whose case clause the question does not state."""
    if len(hits) < 2:
        return hits
    rest, case = _parts(hits[0].procedure.name)
    if not case or case & asked or not rest:
        return hits

    def general(hit: ProcedureHit) -> bool:
        other_rest, other_case = _parts(hit.procedure.name)
        return (not other_case or bool(other_case & asked)) and len(rest & other_rest) / len(rest) >= MIN_SHARED

    return close_hit_first(hits, general)
