"""The answer to a clarifying question: which of the offered procedures the asker's next message picks.

After "Was your ID card lost, or has it expired?" a reply may be a number from the list ("2"), words that a
clarification rule knows ("tôi bị mất thẻ", "it expired"), or a phrasing that simply ranks one of the offered
procedures near the top. A reply that does none of these is treated as a new question.
"""

from __future__ import annotations

import re

from assistant.answers.clarify import Clarifier
from assistant.retrieval.finder import Found
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex

#: "2", "số 2", "option 2", "#2", "2." (a list position, 1-based).
_NUMBER = re.compile(r"^\s*(?:(?:số|so|option|choice|number|no\.?|#|رقم)\s*)?([1-9])\s*[.)]?\s*$", re.IGNORECASE)
#: An offered procedure must rank this high among the reply's results to count as picked.
RANK_DEPTH = 3


def picked_procedure(found: Found, offered: list[str], clarifier: Clarifier,
                     index: KnowledgeIndex) -> Procedure | None:
    """The offered procedure the reply picks, if it picks one."""
    if not offered:
        return None
    number = _NUMBER.match(found.analysis.text)
    if number:
        position = int(number.group(1)) - 1
        return index.procedure(offered[position]) if position < len(offered) else None
    for rule in clarifier.rules:
        if not set(rule.codes) & set(offered):
            continue
        options = rule.picked(found.question_text)
        chosen = [code for option in options for code in option.codes if code in offered]
        if len(options) == 1 and chosen:
            return index.procedure(chosen[0])
    for hit in found.hits[:RANK_DEPTH]:
        if hit.code in offered:
            return hit.procedure
    return None
