"""An alias several curated records share names their object, and so every record whose name names it.

The pack gives "BHXH", "chứng thực", "hộ kinh doanh", "giấy phép xây dựng" to each curated procedure about them
(``shared_aliases``). In a deployment's national index the other records about the same thing ("Cấp lại, đổi,
điều chỉnh thông tin trên sổ BHXH, thẻ BHYT", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch") hold no alias,
so a question naming the object went to a curated procedure for that alone ("mất sổ bhxh xin cấp lại" → a one-off
social-insurance payment). Here the shared alias also points at every uncurated record whose official name uses
it as whole words, and the question's other words decide among them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from assistant.understanding.phrases import PhraseMatch, phrase_tokens
from knowledge.glossary import GlossaryEntry
from knowledge.model import Procedure
from knowledge.text import comparison_alternation, comparison_form, fold, has_vietnamese_diacritics


def shared_alias_holders(procedures: Iterable[Procedure],
                         expand: Callable[[str], str] = lambda name: name) -> list[tuple[str, str]]:
    """(alias, code) for every uncurated record whose name uses an alias two or more curated records share, as
    written or once ``expand`` has spelled out its short forms ("sổ BHXH" → "sổ bảo hiểm xã hội", the form a
    question typing "bhxh" is matched in)."""
    procedures = [p for p in procedures if p.code]
    curated = [p for p in procedures if p.translations]
    users = Counter(comparison_form(alias) for p in curated for alias in {comparison_form(a) for a in p.aliases})
    shared = {alias for alias, count in users.items() if count > 1 and re.search(r"[a-z]", alias)}
    if not shared:
        return []
    written = [a for p in curated for a in p.aliases if comparison_form(a) in shared]
    originals = {comparison_form(a): a for a in sorted(written, key=has_vietnamese_diacritics)}  # marked wins
    patterns = _patterns(written, shared)
    holders: list[tuple[str, str]] = []
    for procedure in procedures:
        if procedure.translations or procedure.code is None:
            continue
        found = {comparison_form(m.group(0)) for pattern, form in patterns
                 for text in (procedure.name, expand(procedure.name)) for m in pattern.finditer(form(text))}
        holders.extend((originals[alias], procedure.code) for alias in sorted(found))
    return holders


def _patterns(written: list[str], shared: set[str]) -> list[tuple[re.Pattern[str], Callable[[str], str]]]:
    """A name is written with its marks, so an alias written with marks is matched with them ("sổ đỏ" is not the
    "thô sơ do Chủ tịch" of an irrigation permit); an alias written only without marks is matched without them."""
    marked = {_marked_form(a) for a in written if has_vietnamese_diacritics(a)}
    plain = shared - {comparison_form(a) for a in marked}
    patterns: list[tuple[re.Pattern[str], Callable[[str], str]]] = []
    if marked:
        patterns.append((re.compile(rf"(?<!\w)(?:{comparison_alternation(marked, _marked_form)})(?!\w)"), _marked_form))
    if plain:
        patterns.append((re.compile(rf"(?<!\w)(?:{comparison_alternation(plain)})(?!\w)"), comparison_form))
    return patterns


def _marked_form(text: str) -> str:
    """Case-folded with single spaces, marks kept."""
    return " ".join(fold(text).split())


def without_reworded_shared(aliases: list[PhraseMatch[str]],
                            wordings: list[PhraseMatch[GlossaryEntry | None]]) -> list[PhraseMatch[str]]:
    """The alias matches of a question less those shared by several records that lie inside a longer glossary
    wording whose official term does not keep them: "sổ đỏ" inside "sang tên sổ đỏ" (a transfer, "đăng ký biến
    động đất đai") names none of the four records "sổ đỏ" is an alias of, while "đăng ký xe" inside "giấy đăng ký
    xe" ("giấy chứng nhận đăng ký xe") still names the vehicle records."""
    def reworded(alias: PhraseMatch[str]) -> bool:
        return alias.inside_any(w for w in wordings
                                if not any(e is not None and _holds(phrase_tokens(e.vi), alias.phrase)
                                           for e in w.payloads))
    return [m for m in aliases if len(m.payloads) < 2 or not reworded(m)]


def _holds(tokens: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` occurs in ``tokens`` as consecutive words."""
    size = len(phrase)
    return any(tokens[i:i + size] == phrase for i in range(len(tokens) - size + 1))
