"""A question that names no organisation is not asking for the procedure done for organisations.

Some procedures come once for people and once for agencies, organisations or centres: "Cấp tài khoản định danh điện
tử cho cơ quan, tổ chức" beside "Cấp tài khoản định danh điện tử mức độ 01 cho công dân Việt Nam"; "Cấp giấy phép
sát hạch cho trung tâm sát hạch lái xe" beside "Cấp giấy phép lái xe". The organisations' name is often the shorter
or shares the question's rarer words, so it matches a bare "tài khoản định danh điện tử?" or "thi bằng lái ... dự sát
hạch" best and ranks first, though most people at a counter ask for themselves. When the best hit is done for
organisations, the question (with the glossary terms it gained: "my company" gives "doanh nghiệp") names none, and a
close hit that does the same to the same thing is not for organisations, that hit goes first.
"""

from __future__ import annotations

import re

from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.names import name_term_sequence
from assistant.retrieval.ranking import base_name, close_hit_first
from knowledge.text import comparison_form

#: How a name says it is done for organisations, without diacritics.
FOR_ORGANISATIONS = re.compile(r"\b(?:cho|cua|doi voi) (?:cac )?(?:co quan, to chuc|co quan to chuc|to chuc|trung tam"
                               r"|co so)\b")
#: Words by which a question names an organisation, without diacritics.
ORGANISATION_WORDS = re.compile(r"\b(?:to chuc|co quan|cong ty|doanh nghiep|hop tac xa|don vi|truong hoc|benh vien"
                                r"|van phong|chi nhanh|phap nhan|hiep hoi|ngan hang|trung tam|co so)\b")
#: A hit for anyone must have at least this share of the organisations' name words (without the qualifier).
MIN_SHARED = 0.6


def _for_organisations(name: str) -> bool:
    return bool(FOR_ORGANISATIONS.search(comparison_form(name)))


def person_first(hits: list[ProcedureHit], asked_text: str) -> list[ProcedureHit]:
    """Put a close hit for anyone first when the best is for organisations and ``asked_text`` (the question and the
    glossary terms it gained) names none."""
    if len(hits) < 2 or not _for_organisations(hits[0].procedure.name):
        return hits
    if ORGANISATION_WORDS.search(comparison_form(asked_text)):
        return hits
    plain = FOR_ORGANISATIONS.split(base_name(hits[0].procedure.name))[0]
    top = name_term_sequence(plain)

    def for_anyone(hit: ProcedureHit) -> bool:
        mine = name_term_sequence(base_name(hit.procedure.name))
        if not mine or not top or mine[0] != top[0] or _for_organisations(hit.procedure.name):
            return False  # another action ("Mở khóa ...") or organisations again
        return len(set(top) & set(mine)) / len(set(top)) >= MIN_SHARED

    return close_hit_first(hits, for_anyone)
