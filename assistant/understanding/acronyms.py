"""Short forms read from the records themselves: "gpmt" → "giấy phép môi trường", "mđsd" → "mục đích sử dụng".

People at the counter and in chat write the initials of long administrative phrases. The glossary lists the common
ones (cccd, gplx, qsdđ); the rest are read off the procedure names of the loaded index: every run of two to six
name words gives its initials ("giấy chứng nhận đăng ký doanh nghiệp" → "gcnđkdn", and "gcndkdn" typed without
diacritics), and a short form in a question stands for the phrase with those initials that the names use most.
Nothing is listed per procedure, so a deployment's own records bring their own short forms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from knowledge.text import strip_diacritics, words

#: Lengths (in words) of the name phrases whose initials are collected. Two letters are too ambiguous to read
#: from names ("hd": hoạt động, hợp đồng, hướng dẫn); the glossary lists the two-letter forms people use.
MIN_WORDS, MAX_WORDS = 3, 6
#: One Vietnamese syllable without diacritics ("canh", "nghieng"): a word, not a short form.
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(ng|nh|ch|[cmnpt])?$")
#: A phrase must occur in at least this many names to stand for its initials.
MIN_NAMES = 2
#: A short form is expanded only when its most used phrase is used this many times more than the runner-up.
MIN_LEAD = 1.5


def initials(phrase_words: Iterable[str]) -> str:
    """First letters of the words ("quyền sử dụng đất" → "qsdđ")."""
    return "".join(word[0] for word in phrase_words if word)


def looks_like_short_form(token: str) -> bool:
    """Three or more letters that no Vietnamese syllable spells: no vowel at all ("gcn", "mđsd"), or at most one
    vowel in a shape no syllable has ("antt"; "cảnh" is a word)."""
    plain = strip_diacritics(token).casefold()
    if len(plain) < MIN_WORDS or not plain.isalpha() or not plain.isascii():
        return False
    vowels = sum(ch in "aeiouy" for ch in plain)
    return vowels == 0 or (len(plain) >= 4 and vowels <= 1 and not _SYLLABLE.match(plain))


class AcronymReader:
    """Initials of the phrases in a set of names, and the phrase each short form most likely stands for."""

    def __init__(self, names: Iterable[str]) -> None:
        pairs: Counter[tuple[str, tuple[str, ...]]] = Counter()  # (short form, phrase) -> names using it
        for name in names:
            tokens = [w for w in words(name) if w.isalpha()]
            seen: set[tuple[str, tuple[str, ...]]] = set()
            for size in range(MIN_WORDS, MAX_WORDS + 1):
                for start in range(len(tokens) - size + 1):
                    run = tuple(tokens[start : start + size])
                    short = initials(run)
                    seen.add((short, run))
                    plain = strip_diacritics(short)
                    if plain != short:
                        seen.add((plain, run))
            pairs.update(seen)
        ranked: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for (short, run), count in pairs.items():
            if count >= MIN_NAMES:  # a runner-up used once never blocks a best used twice (2 >= 1.5 x 1)
                ranked.setdefault(short, []).append((count, run))
        self._expansions: dict[str, str] = {}
        for short, phrases in ranked.items():
            phrases.sort(reverse=True)
            count, best = phrases[0]
            runner_up = phrases[1][0] if len(phrases) > 1 else 0
            if count >= MIN_LEAD * runner_up:
                self._expansions[short] = " ".join(best)

    def __len__(self) -> int:
        return len(self._expansions)

    def expand(self, token: str) -> str | None:
        """The phrase a short form stands for, or ``None`` (not a short form, or none known)."""
        if not looks_like_short_form(token):
            return None
        key = token.casefold()
        return self._expansions.get(key) or self._expansions.get(strip_diacritics(key))
