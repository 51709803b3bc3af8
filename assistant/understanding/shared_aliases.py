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

from knowledge.model import Procedure
from knowledge.text import comparison_alternation, comparison_form


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
    originals = {comparison_form(a): a for p in curated for a in p.aliases if comparison_form(a) in shared}
    pattern = re.compile(rf"(?<!\w)(?:{comparison_alternation(shared)})(?!\w)")
    holders = []
    for procedure in procedures:
        if procedure.translations or procedure.code is None:
            continue
        names = {comparison_form(procedure.name), comparison_form(expand(procedure.name))}
        for found in sorted({m.group(0) for text in names for m in pattern.finditer(text)}):
            holders.append((originals[found], procedure.code))
    return holders
