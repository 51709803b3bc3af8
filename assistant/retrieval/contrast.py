"""Contrastive reranking of close procedures by the words that tell their names apart.

Many procedures come in families whose names share most words: "đăng ký khai sinh" / "đăng ký lại khai sinh" /
"đăng ký khai sinh có yếu tố nước ngoài", "đăng ký tạm trú" / "gia hạn tạm trú" / "xóa đăng ký tạm trú". Scores from
retrieval barely separate them, because everything they share matches the question equally well. What decides is
whether the question uses the words only one of them has ("lại", "nước ngoài", "extend", "cancel"). This stage
compares neighbours among the top results pairwise on exactly those words and lets the one whose distinguishing
words the question uses more go first; when neither side's distinguishing words are used, the more general
procedure (fewer words of its own) goes first.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from assistant.retrieval.actions import same_object
from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.names import name_term_sequence, name_terms
from assistant.retrieval.ranking import base_name
from knowledge.model import Procedure

#: How many of the top results are compared.
DEPTH = 5
#: A lower result must score at least this share of the higher one to be moved above it.
MIN_SCORE_RATIO = 0.75
#: Share of the specific procedure's extra name words the question must use for it to go first.
MIN_QUALIFIER_SHARE = 0.2
#: The score share enough for the general member when the specific one's extra words name a paper the asker already
#: holds ("có giấy khai sinh nhưng chưa có tên bố": "khai sinh kết hợp nhận cha, mẹ, con" issues what they have).
HELD_SCORE_RATIO = 0.4
#: Name words that say nothing about which member of a family is meant ("Thủ tục ...").
GENERIC = frozenset({"thu"})


def _terms(name: str) -> frozenset[str]:
    return frozenset(name_terms(name) - GENERIC)


#: Content terms of the official name, of the name in the asker's language, and the official ones in name order.
Names = tuple[frozenset[str], frozenset[str], tuple[str, ...]]


def contrast_terms(procedure: Procedure, language: str) -> Names:
    """Content terms of the official name (without its level qualifier) and of the name in the asker's language,
    with the official ones also in the order of the name."""
    translation = procedure.translations.get(language)
    official = tuple(t for t in name_term_sequence(base_name(procedure.name)) if t not in GENERIC)
    return frozenset(official), _terms(translation.name) if translation else frozenset(), official


def _uses_extra(general: Names, specific: Names, asked: AbstractSet[str]) -> bool:
    """Whether the question uses the words the specific name adds, officially or in the asker's language."""
    extras = (specific[0] - general[0], specific[1] - general[1])
    shares = [len(extra & asked) / len(extra) for extra in extras if extra]
    return max(shares, default=0.0) >= MIN_QUALIFIER_SHARE


def _asks_leading(general: Names, specific: Names, asked: AbstractSet[str]) -> bool:
    """Whether the question uses one of the words the specific name puts before all it shares with the general one,
    or asks none. Those words name something done to the general procedure or its result ("rút yêu cầu trợ giúp
    pháp lý", "xóa đăng ký tạm trú"), not a kind of it: a question that does not say "rút" means the request itself,
    whichever of the specific name's later words ("người") it happens to use."""
    leading: set[str] = set()
    for term in specific[2]:
        if term in general[0]:
            break
        leading.add(term)
    return not leading or bool(leading & asked) or bool((specific[1] - general[1]) & asked)


def _qualifies(general: Names, specific: Names) -> bool:
    """Whether the specific name is the general one with words added: it holds every word of the general name's,
    in the same order ("đăng ký khai sinh" → "đăng ký lại khai sinh"), not the same words met elsewhere ("Đổi giấy
    phép lái xe" is not in "Cấp lại giấy phép đào tạo lái xe ... có sự thay đổi ...")."""
    if not general[0] < specific[0]:
        return False
    rest = iter(specific[2])
    return all(term in rest for term in general[2])


def _prefers_lower(upper: Names, lower: Names, asked: set[str]) -> bool:
    """Whether the lower procedure should go first: it is a more specific form of the upper one (``_qualifies``)
    and the question uses those extra words, or it is the general form of the upper one and the question uses none
    of the words the upper one adds ("lại", "nước ngoài")."""
    if _qualifies(upper, lower):
        return _uses_extra(upper, lower, asked) and _asks_leading(upper, lower, asked)
    if _qualifies(lower, upper):
        return not (_uses_extra(lower, upper, asked) and _asks_leading(lower, upper, asked))
    return False  # not a qualified form; members that differ by their action are ordered in ``actions``


def _issues_held(upper: Names, lower: Names, asked: set[str], held: AbstractSet[str]) -> bool:
    """Whether the upper procedure is the lower one plus words that only name a paper the asker already holds."""
    return bool(held) and _qualifies(lower, upper) and _uses_extra(lower, upper, held) and not _uses_extra(
        lower, upper, asked)


def _moves_above(hit: ProcedureHit, earlier: ProcedureHit, names: dict[str, Names], asked: set[str],
                 held: AbstractSet[str]) -> bool:
    upper, lower = names[earlier.procedure.uid], names[hit.procedure.uid]
    if _issues_held(upper, lower, asked, held):
        return hit.score >= HELD_SCORE_RATIO * earlier.score
    return hit.score >= MIN_SCORE_RATIO * earlier.score and _prefers_lower(upper, lower, asked)


def contrast_rerank(hits: list[ProcedureHit], asked: set[str], language: str,
                    held: AbstractSet[str] = frozenset(), actions_named: bool = False) -> list[ProcedureHit]:
    """Reorder the top ``DEPTH`` hits by pairwise comparison of their distinguishing name words; ``held`` are the
    question's words that only name a paper the asker holds (``assistant.understanding.possession``). When the
    question names an action (``actions_named``), two hits that do different things to the same object keep the
    order the action stage gave them ("thẻ BHYT bị sai tên": the exchange, though "đổi" is not said)."""
    if not asked or len(hits) < 2:
        return hits
    head, tail = hits[:DEPTH], hits[DEPTH:]
    names = {h.procedure.uid: contrast_terms(h.procedure, language) for h in head}
    ordered: list[ProcedureHit] = []
    for hit in head:
        position = len(ordered)
        for i, earlier in enumerate(ordered):
            if base_name(earlier.procedure.name) == base_name(hit.procedure.name):
                continue  # the same procedure at another level: the level preference decides
            if actions_named and same_object(earlier.procedure.name, hit.procedure.name):
                continue  # another action on the same object: the action stage decided
            if _moves_above(hit, earlier, names, asked, held):
                position = i
                break
        ordered.insert(position, hit)
    return ordered + tail
