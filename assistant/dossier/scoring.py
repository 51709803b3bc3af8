"""Scoring how well a document's title and a component's name describe the same paper (used by ``matching``).

Words are weighted by how rare they are among component names (``WordWeights``), so "sinh" and "tử" decide and
"tờ khai đăng ký" does not; a title and a name that each keep a rare word the other lacks, or that complete a
shared syllable differently ("KHAI TỬ" against "khai sinh"), are a substitution, not a near match; a request (form,
application) is never the same paper as a proof ("Giấy khai sinh"). Diacritics count: a syllable that matches only
without its accents ("tử"/"từ") scores low unless one side was typed without any or read by OCR, whose slips
within a syllable are forgiven by a fuzzy comparison (rapidfuzz).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from assistant.dossier.wording import Word, content_words

#: A word at least this rare (weight) that one side lacks makes the two names conflict.
_RARE = 0.45
#: A title and a name that pair one shared syllable with different ones ("khai tử" / "khai sinh") name two papers.
SUBSTITUTION_FACTOR = 0.35
#: What a name's word found in the document's first lines (not in its title) counts for.
CONTEXT_FACTOR = 0.7
#: Nouns that say only "a paper": interchangeable between a title and a name ("Giấy xác nhận" ~ "Văn bản xác nhận").
GENERIC_NOUNS = frozenset({"giay", "van", "ban", "don", "to", "phieu"})
#: Words a title may swap without naming another paper: paper nouns and the verbs of asking ("Tờ khai cấp bản
#: sao ..." is "Tờ khai đề nghị bản sao ...").
GENERIC_WORDS = GENERIC_NOUNS | {"de", "nghi", "yeu", "cau", "xin", "cap", "dang", "ky", "thuc", "hien"}
#: First words that say what kind of paper a title or name is.
PAPER_NOUNS = frozenset({"giay", "van", "don", "to", "phieu", "hop", "bien", "quyet", "trich", "so", "the", "ban",
                         "ho", "can", "chung", "bang"})


class WordWeights:
    """Inverse document frequency of words over component names: rare words decide, common ones barely count."""

    def __init__(self, names: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for name in names:
            total += 1
            counts.update({w.exact for w in content_words(name)})
        self._counts = counts
        self._total = max(total, 1)
        self._log_total = math.log(self._total + 1)

    def weight(self, word: Word) -> float:
        count = self._counts.get(word.exact, 0)
        if count == 0 and self._total < 50:
            return 1.0
        raw = math.log((self._total + 1) / (count + 0.5)) / self._log_total
        return min(1.0, max(0.1, raw))


def _word_similarity(a: Word, b: Word, accents: bool, ocr: bool = False) -> float:
    """1 for the same syllable; one differing only in its accents counts little between two texts typed with
    accents ("tử"/"từ"), much where one side has none (typed plain) or was read by OCR (which slips on accents:
    "BẢO TỬ" for "BÁO TỬ"); an OCR slip within a longer syllable counts by its similarity."""
    if a.exact == b.exact:
        return 1.0
    if a.plain == b.plain:
        return 0.95 if not accents else (0.85 if ocr else 0.55)
    if len(a.plain) >= 4 and len(b.plain) >= 4:
        ratio = Levenshtein.normalized_similarity(a.plain, b.plain)
        if ratio >= 0.75:
            return 0.8 * ratio
    return 0.0


def _has_accents(words: list[Word]) -> bool:
    return any(w.exact != w.plain for w in words)


@dataclass
class PhraseScore:
    score: float
    conflict: bool


def _similar(a: Word, b: Word, ocr: bool = False) -> bool:
    """Same syllable, allowing an OCR slip or missing diacritics (typed plain)."""
    if a.exact == b.exact or (a.plain == b.plain and (ocr or a.exact == a.plain or b.exact == b.plain)):
        return True
    return len(a.plain) >= 4 and len(b.plain) >= 4 and Levenshtein.normalized_similarity(a.plain, b.plain) >= 0.55


def _pair_in(pair: tuple[Word, Word], pairs: list[tuple[Word, Word]], ocr: bool) -> bool:
    return any(_similar(pair[0], p[0], ocr) and _similar(pair[1], p[1], ocr) for p in pairs)


def _near(word: Word, anchor: Word, words: list[Word], ocr: bool, span: int = 3) -> bool:
    """Whether ``word`` occurs within ``span`` words of ``anchor`` ("trích đo ... địa chính" holds "đo" near
    "địa"; "điện tử ... khai sinh" does not hold "tử" near "khai")."""
    at_word = [i for i, w in enumerate(words) if _similar(word, w, ocr)]
    at_anchor = [i for i, w in enumerate(words) if _similar(anchor, w, ocr)]
    return any(abs(i - j) <= span for i in at_word for j in at_anchor)


def substitution(title_pairs: list[tuple[Word, Word]], name_pairs: list[tuple[Word, Word]],
                 ocr: bool = False, title: list[Word] | None = None, name: list[Word] | None = None) -> bool:
    """True when the two share a syllable in the same place of a pair but complete it differently, and neither
    pair occurs in the other: "KHAI TỬ" against "khai sinh". Paper nouns (giấy, văn bản, đơn...) are left to
    ``paper_type_clash``."""
    for ta, tb in title_pairs:
        for na, nb in name_pairs:
            for same_t, same_n, diff_t, diff_n in ((ta, na, tb, nb), (tb, nb, ta, na)):
                if not _similar(same_t, same_n, ocr) or _similar(diff_t, diff_n, ocr):
                    continue
                if {diff_t.plain, diff_n.plain} & GENERIC_WORDS or _similar(diff_t, same_t, ocr):
                    continue  # paper nouns: see paper_type_clash; "khai khai" is "tờ khai" + "khai sinh" run together
                if (name and _near(diff_t, same_n, name, ocr)) or (title and _near(diff_n, same_t, title, ocr)):
                    continue  # both words are there, a little apart: a shortened name, not another paper
                if _pair_in((ta, tb), name_pairs, ocr) or _pair_in((na, nb), title_pairs, ocr):
                    continue
                return True
    return False


_REQUEST_STARTS = ("don ", "to khai", "to trinh", "giay de nghi", "van de nghi", "phieu de nghi", "phieu yeu cau",
                   "giay yeu cau", "van yeu cau")


def is_request(words: list[Word]) -> bool:
    """A paper in which the applicant asks for something (đơn, tờ khai, giấy đề nghị), not one that proves something."""
    return (" ".join(w.plain for w in words[:4]) + " ").startswith(_REQUEST_STARTS)


def paper_type_clash(title: list[Word], name: list[Word]) -> bool:
    """A request (form, application) against a paper that proves something ("Giấy khai sinh", "sổ đỏ"): never
    the same paper, however many words they share."""
    if not title or not name or title[0].plain not in PAPER_NOUNS or name[0].plain not in PAPER_NOUNS:
        return False
    return is_request(title) != is_request(name)


def phrase_score(title: list[Word], name: list[Word], weights: WordWeights,
                 pairs: tuple[list[tuple[Word, Word]], list[tuple[Word, Word]]] | None = None,
                 ocr: bool = False, context: Context | None = None) -> PhraseScore:
    """How well a title and a component name describe the same paper (0-1): the geometric mean of how much of
    each one's weighted words the other holds, cut when each keeps a rare word the other lacks or when they
    complete a shared syllable differently (``substitution``). A short title ("THÔNG BÁO", "GIẤY GIỚI THIỆU")
    says less than the name: the name's other words count, somewhat less, where the document's first lines hold
    them (``context``: "Về việc chấm dứt hoạt động hộ kinh doanh")."""
    if not title or not name:
        return PhraseScore(0.0, False)
    accents = _has_accents(title) and _has_accents(name)
    title_hits = [max(_word_similarity(t, n, accents, ocr) for n in name) for t in title]
    name_hits = [max(_word_similarity(n, t, accents, ocr) for t in title) for n in name]
    if context is not None:
        name_hits = [max(hit, CONTEXT_FACTOR * context.hit(n)) for n, hit in zip(name, name_hits, strict=True)]
    title_weights = [weights.weight(t) for t in title]
    name_weights = [weights.weight(n) for n in name]
    title_cover = sum(w * h for w, h in zip(title_weights, title_hits, strict=True)) / sum(title_weights)
    name_cover = sum(w * h for w, h in zip(name_weights, name_hits, strict=True)) / sum(name_weights)
    score = math.sqrt(title_cover * name_cover)
    conflict = any(w >= _RARE and h < 0.5 and t.plain not in GENERIC_NOUNS
                   for t, w, h in zip(title, title_weights, title_hits, strict=True)) and any(
        w >= _RARE and h < 0.5 and n.plain not in GENERIC_NOUNS
        for n, w, h in zip(name, name_weights, name_hits, strict=True))
    if conflict:
        score *= 0.6
    if paper_type_clash(title, name):
        conflict = True
        score *= 0.7
    if pairs is not None and substitution(pairs[0], pairs[1], ocr, title, name):
        conflict = True
        score *= SUBSTITUTION_FACTOR
    return PhraseScore(score, conflict)


class Context:
    """The words of a document's first lines, for looking up a component name's words quickly."""

    def __init__(self, words: list[Word]) -> None:
        self.exact = {w.exact for w in words}
        self.plain = {w.plain for w in words}

    def hit(self, word: Word) -> float:
        if word.exact in self.exact:
            return 1.0
        return 0.85 if word.plain in self.plain else 0.0
