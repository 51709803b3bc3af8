"""Content words of procedure names and questions: what is left once filler ("thủ tục", "tôi", "how") is out."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.text import index_terms

#: Words that carry no information about which procedure is meant (plain forms).
FILLER = frozenset(
    "toi em anh chi minh ban can gi j lam the nao sao o dau nhieu khong ko k duoc dc cho hoi xin muon thi va "
    "la co cua voi ve nhu nay do roi con nua a ah oi nhe nha vay ay ai phai di nop tuc "
    "i my me you we do does how what which where when can could should would please want need get is are the "
    "of for to in on a an and or it this that with about my هل ما ماذا كيف اين متي من في على الى عن انا اريد "
    "ممكن لو vietnam vietnamese فيتنام فيتنامي فيتنامية".split()
)
FILLER_TERMS = frozenset(t for word in FILLER for t in index_terms(word, exact=False))
#: "Thủ tục ..." opens many official names and says nothing ("thủ" alone is not filler: "thu hồi" matters).
_PROCEDURE_WORD = re.compile(r"^\s*thủ tục\s+", re.IGNORECASE)


@lru_cache(maxsize=16384)
def name_term_sequence(name: str) -> tuple[str, ...]:
    """Content terms of a procedure name in the order the name has them ("Thủ tục" and other filler left out)."""
    name = _PROCEDURE_WORD.sub("", name)
    return tuple(t for t in index_terms(name, exact=False) if "_" not in t and t not in FILLER_TERMS and len(t) > 1)


@lru_cache(maxsize=16384)
def name_terms(name: str) -> frozenset[str]:
    """Content terms of a procedure name ("Thủ tục" and other filler left out); cached, names repeat per question."""
    return frozenset(name_term_sequence(name))
