"""A Vietnamese question that names nothing foreign does not mean the procedure "có yếu tố nước ngoài".

Civil-status and adoption procedures come as a domestic procedure and one with a foreign element, and their names
do not always share enough words to make them one family for ``contrast``: "Đăng ký việc nuôi con nuôi trong nước"
and "Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trường hợp cha dượng, mẹ kế nhận con riêng của vợ
hoặc chồng". The longer name matches more of a described situation ("con riêng của chồng") and ranks first, though
the asker said nothing about another country. When the best hit's name has "có yếu tố nước ngoài" or is "... cho
người nước ngoài" ("Cấp thẻ thường trú cho người nước ngoài" for "giấy tờ liên quan đến thường trú"; a name that
lists "cơ quan của nước ngoài" among issuers has no foreign element), the question is in
Vietnamese and none of its words (nor the glossary terms it gained: a nationality gives "người nước ngoài", "nn"
gives "nước ngoài") says so, a close hit about the same thing without it goes first. Questions in other languages
are left alone: a foreigner asking is the foreign element.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.names import name_terms
from assistant.retrieval.ranking import base_name, close_hit_first
from knowledge.text import comparison_form

#: The name qualifiers of a foreign element or applicant, folded; "của nước ngoài" in a list of issuers is not one.
QUALIFIERS = ("yeu to nuoc ngoai", "cho nguoi nuoc ngoai")
#: Its content words, left out when two names are compared.
FOREIGN = frozenset({"yeu", "nuoc", "ngoai"})
#: The question's folded word whose absence says nothing foreign was named.
STATED = "ngoai"
#: Share of the domestic hit's own name words the foreign one must also have: the same thing, not a neighbour.
MIN_SHARED = 0.4


def _foreign_element(name: str) -> bool:
    folded = comparison_form(name)
    return any(qualifier in folded for qualifier in QUALIFIERS)


def domestic_first(hits: list[ProcedureHit], content: AbstractSet[str], language: str) -> list[ProcedureHit]:
    """Put the best close domestic hit first when the best hit is about a foreign element nobody named (``content``:
    the question's content terms, glossary terms included)."""
    if language != "vi" or not hits or STATED in content:
        return hits
    if not _foreign_element(hits[0].procedure.name):
        return hits
    top = name_terms(base_name(hits[0].procedure.name))

    def domestic(hit: ProcedureHit) -> bool:
        mine = name_terms(base_name(hit.procedure.name))
        if STATED in mine or not mine - FOREIGN:
            return False
        return len((mine - FOREIGN) & top) / len(mine - FOREIGN) >= MIN_SHARED

    return close_hit_first(hits, domestic)
