"""Text handling for Vietnamese, Arabic, English and CJK: normalization and index terms.

Vietnamese matching works with and without diacritics: every syllable is indexed in its plain form
(no diacritics, đ -> d) and, when it has diacritics, also in its exact form (prefixed ``=``). A query typed
without diacritics matches the plain terms; a query with diacritics matches both, so the exact spelling
ranks higher. Adjacent syllables also form plain bigram terms ("khai_sinh") so that multi-syllable words
such as "khai sinh" or "thường trú" outrank documents that merely contain both syllables apart.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
_TASHKEEL_RE = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_SUFFIXES = ("كم", "هم", "ها", "نا", "ات", "ون", "ين", "ي", "ك", "ه")
_ARABIC_PRONOUNS = frozenset({"كم", "هم", "ها", "نا", "ي", "ك"})
_ARABIC_PROCLITICS = frozenset("وبلفك")
_MIN_PROCLITIC_WORD = 5
_EN_STOP = frozenset(
    # Only words that are not also Vietnamese syllables typed without diacritics ("can", "to", "do", "me" are).
    "the of for with and are does how what which who where when your this that need from about please".split()
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """NFC and case folding (keeps diacritics)."""
    return nfc(text).casefold()


@lru_cache(maxsize=65536)
def strip_diacritics(text: str) -> str:
    """Remove Vietnamese (and other Latin) diacritics; đ/Đ become d/D."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def comparison_form(text: str) -> str:
    """The form that word rules are matched against: case-folded, without diacritics, Arabic normalized, single
    spaces ("Mất thẻ" and "mat the" compare equal)."""
    return " ".join(normalize_arabic(strip_diacritics(fold(text))).split())


def comparison_patterns(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Regular expressions to match against ``comparison_form`` text, compiled with their Arabic letters normalized
    the same way ("وثائق" in a rule meets "الوثائق" of a question, which reads "الوثايق")."""
    return tuple(re.compile(normalize_arabic(p)) for p in patterns)


def comparison_alternation(phrases: Iterable[str], form: Callable[[str], str] | None = None) -> str:
    """A regex alternation of ``phrases`` in ``comparison_form`` (or another ``form``), longest first (so "ở nước
    ngoài" wins over "ở")."""
    form = form or comparison_form
    return "|".join(re.escape(form(p)) for p in sorted(phrases, key=len, reverse=True))


def has_vietnamese_diacritics(text: str) -> bool:
    return strip_diacritics(text) != text


def normalize_arabic(text: str) -> str:
    """Unify alef forms, drop tashkeel and tatweel, ta marbuta -> ha, alef maqsura -> ya."""
    text = _TASHKEEL_RE.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text)
    return text.replace("ة", "ه").replace("ى", "ي").replace("ؤ", "و").replace("ئ", "ي")


def _arabic_stem(token: str) -> str:
    """Light stemming: drop the article/conjunction prefixes and one pronoun or plural suffix."""
    for prefix in _ARABIC_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            token = token[len(prefix) :]
            break
    for suffix in _ARABIC_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            stem = token[: -len(suffix)]
            # ta marbuta is written ت before a pronoun suffix (هويتها = هوية + ها): drop it like the final ه
            # "ه" is also a pronoun ("ولادته" = ولادة + ه) once ta marbuta has been normalized to ه
            pronoun = suffix in _ARABIC_PRONOUNS or suffix == "ه"
            return stem[:-1] if pronoun and stem.endswith("ت") and len(stem) > 3 else stem
    return token


#: Administrative verbs as people type them ("أسجّل", "نجدد", "تزوجنا", "يستخرج") -> the verbal noun that records and
#: the glossary use. Roots with their noun; the surface forms are generated below. The bare root is left out because
#: it is also a noun of its own ("سجل" record, "زوج" husband).
_ARABIC_VERB_ROOTS = {
    "سجل": "تسجيل", "جدد": "تجديد", "خرج": "استخراج", "صدر": "إصدار", "غير": "تغيير", "صحح": "تصحيح",
    "وثق": "توثيق", "صدق": "تصديق", "مدد": "تمديد", "بدل": "استبدال", "زوج": "زواج", "طلق": "طلاق", "نقل": "نقل",
}
_ARABIC_VERB_FORMS = {
    "توفي": "وفاة", "توفيت": "وفاة", "يتوفى": "وفاة", "ولدت": "ولادة", "يولد": "ولادة", "ولد طفل": "ولادة",
    "فقدت": "مفقود", "فقدنا": "مفقود", "ضاع": "مفقود", "ضاعت": "مفقود", "الغي": "إلغاء", "يلغي": "إلغاء",
}


@lru_cache(maxsize=1)
def _arabic_verb_nouns() -> dict[str, str]:
    """Stemmed verb form -> stemmed noun, for query terms."""
    forms: dict[str, str] = {}
    for root, noun in _ARABIC_VERB_ROOTS.items():
        surface = [p + root for p in "اينت"] + [p + "ست" + root for p in ("ا", "ي", "ن", "ت", "")]
        surface += [p + "ت" + root for p in "اينت"] + [root + s for s in ("ت", "نا", "وا", "تم")]
        surface += ["ت" + root + s for s in ("ت", "نا", "وا")]
        for form in surface:
            stem = _arabic_stem(normalize_arabic(form))
            if stem != root:  # "زوجنا" stems to the bare root, which is also "husband"
                forms[stem] = noun
    forms.update({_arabic_stem(normalize_arabic(f)): n for f, n in _ARABIC_VERB_FORMS.items() if " " not in f})
    nouns = {noun: _arabic_stem(normalize_arabic(noun)) for noun in forms.values()}
    return {form: nouns[noun] for form, noun in forms.items() if form != nouns[noun]}


def _arabic_terms(token: str, query_forms: bool) -> list[str]:
    """The stem of an Arabic word. With ``query_forms`` (questions, not documents), also: the stem without a
    one-letter proclitic (و ب ل ف ك: "لتسجيل", "وبطاقة"; both are kept because the letter may be part of the word,
    as in "بطاقة"), and the verbal noun of an administrative verb ("أسجّل" -> "تسجيل")."""
    normalized = normalize_arabic(token)
    stems = [_arabic_stem(normalized)]
    if query_forms and normalized[0] in _ARABIC_PROCLITICS and len(normalized) >= _MIN_PROCLITIC_WORD:
        stems.append(_arabic_stem(normalized[1:]))
    if query_forms:
        nouns = _arabic_verb_nouns()
        stems += [nouns[s] for s in list(stems) if s in nouns]
    return list(dict.fromkeys(stems))


def _english_stem(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


#: A tone mark on the second vowel of an open "oa", "oe" or "uy" syllable ("hoà", "khoá", "thuý"): the newer
#: spelling of "hòa", "khóa", "thúy", which the records mostly use.
_NEW_STYLE_TONE = re.compile(r"^(.*?(?<!q)[ou])([aey])([\u0300\u0301\u0303\u0309\u0323])$")


@lru_cache(maxsize=65536)
def old_style_tone(token: str) -> str:
    """One spelling for the two tone-mark placements of Vietnamese: "khoá" → "khóa", "thuý" → "thúy"."""
    decomposed = unicodedata.normalize("NFD", token)
    match = _NEW_STYLE_TONE.match(decomposed)
    if match is None or (match.group(1)[-1], match.group(2)) not in (("o", "a"), ("o", "e"), ("u", "y")):
        return token
    return unicodedata.normalize("NFC", match.group(1) + match.group(3) + match.group(2))


def words(text: str) -> list[str]:
    """Case-folded NFC word tokens, tone marks placed one way (Arabic vowel marks removed first: they are not
    word characters, and would split "أسجّل" in two)."""
    return [old_style_tone(w) for w in _WORD_RE.findall(_TASHKEEL_RE.sub("", fold(text)))]


def _cjk_terms(token: str) -> list[str]:
    chars = [c for c in token if _CJK_RE.match(c)]
    return chars + [a + b for a, b in itertools.pairwise(chars)]


def index_terms(text: str, *, exact: bool = True, query_forms: bool = False) -> list[str]:
    """Terms for the lexical index and for queries.

    ``exact`` adds the diacritic-bearing form of Vietnamese syllables (set for documents, and for queries
    typed with diacritics).
    """
    terms: list[str] = []
    plain_run: list[str] = []
    for token in words(text):
        if _ARABIC_RE.search(token):
            terms.extend(_arabic_terms(token, query_forms))
            plain_run = []
            continue
        if _CJK_RE.search(token):
            terms.extend(_cjk_terms(token))
            plain_run = []
            continue
        plain = strip_diacritics(token)
        if exact and plain != token:
            terms.append("=" + token)
        if plain.isascii() and plain.isalpha() and plain in _EN_STOP and plain == token:
            plain_run = []
            continue
        term = _english_stem(plain) if plain == token else plain
        terms.append(term)
        if plain_run:
            terms.append(plain_run[-1] + "_" + term)
        plain_run.append(term)
    return terms


def unigrams_with_exact(text: str, *, query_forms: bool = False) -> list[tuple[str, str | None]]:
    """The plain unigram terms of ``text``, each with its exact term ("=đỏ") when the word carries marks."""
    out: list[tuple[str, str | None]] = []
    pending: str | None = None
    for term in index_terms(text, exact=True, query_forms=query_forms):
        if term.startswith("="):  # the exact form comes just before its plain term
            pending = term
        elif "_" not in term:
            out.append((term, pending))
            pending = None
    return out


def query_terms(text: str) -> list[str]:
    """Index terms for a query. Typed without diacritics: the plain terms. Typed with them: a marked word counts
    by its exact form alone ("=đỏ", not also "do", which every record holds as "do", "đó", "độ" ...), the other
    words and every word pair by their plain terms."""
    terms = index_terms(text, exact=has_vietnamese_diacritics(text), query_forms=True)
    return [t for i, t in enumerate(terms) if not (i and terms[i - 1].startswith("=") and _plain_unigram(t))]


def _plain_unigram(term: str) -> bool:
    return "_" not in term and not term.startswith("=")


def script_of(text: str) -> str:
    """Rough script of a text: 'arabic', 'cjk', 'hangul' or 'latin'."""
    if _ARABIC_RE.search(text):
        return "arabic"
    if _HANGUL_RE.search(text):
        return "hangul"
    if _CJK_RE.search(text):
        return "cjk"
    return "latin"


def compact(text: str) -> str:
    """Collapse whitespace and strip."""
    return re.sub(r"\s+", " ", nfc(text)).strip()
