"""Near-duplicate procedures at different levels: show the one a citizen most likely needs first.

The national portal lists many procedures in several copies that differ only by level ("Cấp thẻ căn cước ...
(thực hiện tại cấp trung ương)" / "(thực hiện tại cấp tỉnh)"). When the question does not name a level, the
commune-level copy comes first, then province, then ministry level; when it does, that level comes first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from assistant.retrieval.hybrid import ProcedureHit
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex
from knowledge.text import fold, strip_diacritics

COMMUNE, PROVINCE, CENTRAL, OTHER = "commune", "province", "central", "other"
DEFAULT_ORDER = (COMMUNE, PROVINCE, OTHER, CENTRAL)

_LEVEL_SUFFIX = re.compile(
    r"\((?:thuc hien )?(?:tai )?cap [^)]*\)|\b(?:thuc hien )?tai cap (?:tinh|xa|trung uong|huyen)\b"
)
# Matched against the folded question with its diacritics, so "tình trạng" or "xã hội" are not level hints;
# the multi-word plain forms also catch questions typed without diacritics.
_HINTS = (
    (CENTRAL, re.compile(r"\b(trung ương|trung uong|cấp bộ|cap bo|bộ công an|central|ministry)\b")),
    (PROVINCE, re.compile(r"\b(cấp tỉnh|cap tinh|tỉnh|thành phố trực thuộc|province|provincial)\b")),
    (COMMUNE, re.compile(r"\b(cấp xã|cap xa|xã(?! hội)|phường|thị trấn|commune|ward)\b")),
)


def _plain(text: str) -> str:
    return strip_diacritics(fold(text))


@lru_cache(maxsize=16384)
def base_name(name: str) -> str:
    """The procedure name without its level qualifier, for grouping near-duplicates."""
    text = _LEVEL_SUFFIX.sub(" ", _plain(name))
    return re.sub(r"[^\w]+", " ", text).strip()


def level_of(procedure: Procedure) -> str:
    name = _plain(procedure.name)
    for level, marker in ((CENTRAL, "trung uong"), (PROVINCE, "cap tinh"), (COMMUNE, "cap xa")):
        if f"cap {marker}" in name or f"tai {marker}" in name or f"({marker}" in name:
            return level
    if "(cap bo)" in name:  # "Cấp giấy phép môi trường (cấp Bộ)"
        return CENTRAL
    levels = " ".join(_plain(level) for level in procedure.levels)
    if "cap xa" in levels:
        return COMMUNE
    if "cap tinh" in levels:
        return PROVINCE
    if "cap bo" in levels:
        return CENTRAL
    return OTHER


def level_hint(query: str) -> str | None:
    """The level a question asks for, if it names one."""
    text = fold(query)
    for level, pattern in _HINTS:
        if pattern.search(text):
            return level
    return None


def prefer_levels(hits: list[ProcedureHit], query: str) -> list[ProcedureHit]:
    """Reorder so that within each group of near-duplicates the preferred level comes first."""
    hint = level_hint(query)
    order = (hint, *[lvl for lvl in DEFAULT_ORDER if lvl != hint]) if hint else DEFAULT_ORDER
    groups: dict[str, list[ProcedureHit]] = {}
    for hit in hits:
        groups.setdefault(base_name(hit.procedure.name), []).append(hit)
    result: list[ProcedureHit] = []
    for hit in hits:
        group = groups.get(base_name(hit.procedure.name))
        if group is None:
            continue
        if len(group) > 1:
            original_scores = [h.score for h in group]
            group.sort(key=lambda h: order.index(level_of(h.procedure)))
            for member, score in zip(group, original_scores, strict=True):
                member.score = score
        result.extend(group)
        groups.pop(base_name(hit.procedure.name))
    return result


#: How many of the best hits a stage that lets an unqualified member go first may look at ...
CLOSE_DEPTH = 3
#: ... and the share of the best hit's score such a member must have.
CLOSE_SCORE_RATIO = 0.6


def close_hit_first(hits: list[ProcedureHit], accepts: Callable[[ProcedureHit], bool]) -> list[ProcedureHit]:
    """The first of the next best hits (``CLOSE_DEPTH`` in all) that scores close to the best one and that ``accepts``
    takes the first place (``trade_first``); the stages where a procedure with a qualifier the question does not state
    gives way ("... cho cơ quan, tổ chức", "... có yếu tố nước ngoài", "Đăng ký lại ...") share it."""
    for hit in hits[1:CLOSE_DEPTH]:
        if hit.score >= CLOSE_SCORE_RATIO * hits[0].score and accepts(hit):
            return trade_first(hits, hit)
    return hits


def trade_first(hits: list[ProcedureHit], hit: ProcedureHit) -> list[ProcedureHit]:
    """``hit`` (one of ``hits``) first: it and the best hit trade places and scores, so the margin over the rest is
    what it was (a rule's pick among close hits, not new evidence)."""
    first = hits[0]
    first.score, hit.score = hit.score, first.score
    return [hit, *[h for h in hits if h is not hit]]


def put_first(index: KnowledgeIndex, hits: list[ProcedureHit], procedure: Procedure) -> list[ProcedureHit]:
    """``procedure`` first, with at least the best hit's score, whether retrieval returned it or not."""
    if not hits:
        return hits
    key = procedure.group_key
    found = next((h for h in hits if h.procedure.group_key == key), None)
    if found is None:
        row = index.first_chunk.get(key)
        if row is None:
            return hits
        found = ProcedureHit(procedure, hits[0].score, index.chunks[row])
    found.score = max(found.score, hits[0].score)
    return [found, *[h for h in hits if h.procedure.group_key != key]]
