"""Putting the marks back on the words of a Vietnamese question typed without them, where the names make it sure.

"cap lai giay phep lai xe" reads, word pair by word pair, like "cấp lại", "lại giấy", "giấy phép", "phép lái",
"lái xe" in the names of the procedures and the glossary; each pair seen often enough one way votes for the marks of
its two words. A word no known pair covers, or two pairs disagree about, keeps no marks, so it still matches every
way of writing it: restoring a word wrongly costs more than leaving it plain. Words typed with marks stay as typed,
and a pair votes only when its marked words are those typed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from knowledge.text import fold, old_style_tone, strip_diacritics, words

#: A marked pair must make up this share of the phrases' pairs that read the same without marks.
MIN_SHARE = 0.75
#: ... and have been seen at least this often.
MIN_COUNT = 2

Pair = tuple[str, str]

#: How questions are put, which the names never say: their pairs settle "can gi" (cần gì, not "căn" of "căn cước").
QUESTION_PHRASES = (
    "cần gì", "cần những gì", "cần giấy tờ gì", "giấy tờ gì", "hồ sơ gồm những gì", "như thế nào", "thế nào",
    "làm sao", "làm thế nào", "ở đâu", "nộp ở đâu", "làm ở đâu", "bao lâu", "mất bao lâu", "bao nhiêu",
    "bao nhiêu tiền", "hết bao nhiêu", "có được không", "có phải", "có cần", "phải làm gì", "thì sao",
    "làm lại", "xin cấp", "tôi muốn", "cho tôi hỏi", "cho em hỏi", "thủ tục gì", "ai cấp", "mấy ngày",
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _marked(word: str) -> bool:
    return strip_diacritics(word) != word


class MarkRestorer:
    """Built once from Vietnamese phrases written with their marks (procedure names, aliases, glossary terms)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        seen: dict[Pair, Counter[Pair]] = defaultdict(Counter)
        for phrase in [*phrases, *QUESTION_PHRASES * MIN_COUNT]:
            marked = words(phrase)
            plain = [strip_diacritics(w) for w in marked]
            for i in range(len(marked) - 1):
                seen[(plain[i], plain[i + 1])][(marked[i], marked[i + 1])] += 1
        self._pairs: dict[Pair, Pair] = {}
        for plain_pair, forms in seen.items():
            (best, count), total = forms.most_common(1)[0], sum(forms.values())
            if count >= MIN_COUNT and count / total >= MIN_SHARE and best != plain_pair:
                self._pairs[plain_pair] = best

    def __len__(self) -> int:
        return len(self._pairs)

    def _votes(self, typed: list[str]) -> list[set[str]]:
        votes: list[set[str]] = [set() for _ in typed]
        for i in range(len(typed) - 1):
            pair = (typed[i], typed[i + 1])
            known = self._pairs.get((strip_diacritics(pair[0]), strip_diacritics(pair[1])))
            if known is None or any(_marked(w) and w != k for w, k in zip(pair, known, strict=True)):
                continue
            for position, form in ((i, known[0]), (i + 1, known[1])):
                if not _marked(typed[position]):
                    votes[position].add(form)
        return votes

    def restore(self, text: str) -> str | None:
        """``text`` (case-folded) with the marks its known word pairs agree on put back, or None if none is."""
        folded = fold(text)
        spans = list(_WORD.finditer(folded))
        typed = [old_style_tone(m.group()) for m in spans]
        votes = self._votes(typed)
        if not any(len(v) == 1 and next(iter(v)) != w for w, v in zip(typed, votes, strict=True)):
            return None
        out, position = [], 0
        for match, vote in zip(spans, votes, strict=True):
            out.append(folded[position : match.start()])
            out.append(next(iter(vote)) if len(vote) == 1 else match.group())
            position = match.end()
        out.append(folded[position:])
        return "".join(out)
