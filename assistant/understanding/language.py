"""Language identification restricted to the languages we serve, built for short kiosk inputs.

Script decides Arabic, Chinese and Korean. For Latin text, Vietnamese diacritics decide Vietnamese; without them
(people often type "lam giay khai sinh o dau") each word is scored: does it have the shape of a Vietnamese
syllable (onset + vowel nucleus + allowed coda) or is it a known Vietnamese chat abbreviation, versus is it a
common English word or impossible as a Vietnamese syllable ("register", "license").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import has_vietnamese_diacritics, script_of, words

SUPPORTED = ("vi", "en", "ar", "zh", "ko", "fr")

_VI_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(uye|uya|uyu|ieu|yeu|uoi|uou|oai|oay|oao|oeo|uay|uan|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|"
    r"[aeiouy])"
    r"(ch|ng|nh|[cmnpt])?$"
)
_VI_SHORTHAND = frozenset(
    "dktt dk dky đky đk cccd cmnd gplx bhxh bhyt hkd gcn qsdd ubnd ko k j ntn dc đc bn nhe nha a ak vs hk lltp "
    "kt3 tthc dvc mst ctv vneid".split()
)
_VI_COMMON_PLAIN = frozenset(
    "toi em anh chi can gi lam o dau bao nhieu lau thi sao the nao khong duoc cho hoi xin muon giay to "
    "thu tuc ho so dang ky cap doi lai mat con vo chong me cha nha dat so xe bang lai".split()
)
_EN_COMMON = frozenset(
    "the a an of to for in on at by with and or is are be do does did how what which who where when why can could "
    "would should will i my me you your it this that need get from about please much long take register "
    "registration certificate card id birth marriage death passport license licence driving land house residence "
    "temporary permanent visa fee fees cost documents document apply application renew lost replace police "
    "office submit online child baby wife husband foreigner business insurance social health copy certify "
    "hi hey hello thanks thank okay yes bye sorry good morning help".split()
)

#: French words that are neither English nor plausible Vietnamese syllables in a question (function words, question
#: words and the everyday vocabulary of a visit to a service centre).
_FR_COMMON = frozenset(
    "je mes tes notre nos votre vos leur leurs est suis sommes êtes sont avons avez ont pour "
    "une des aux et avec sans comment combien où quels quelles quel quelle qui quoi faut dois doit peux "
    "peut puis pouvez voudrais veux faire obtenir demander renouveler déclarer papiers pièces carte séjour "
    "permis naissance mariage décès enfant fils fille mari épouse femme vietnamien vietnamienne vietnamiens "
    "français française étranger étrangère ans dans sur chez aussi mais donc cette ces elle ils elles nous "
    "vous être avoir bonjour merci s'il plaît coûte coût délai frais acte extrait casier judiciaire bureau "
    "entreprise société terrain logement travail acheter vendre perdu perdue volé nouveau nouvelle".split()
)
#: Letters French uses and Vietnamese does not.
_FR_LETTERS = frozenset("çœëïîûù")
#: Every accented letter French writes; a text with any other (ơ, ư, đ, ạ, ả, ế...) is not French.
_FR_ACCENTED = frozenset("éèêàâçôîûùëïüÿœæ")

#: Vietnamese text typed with diacritics marks most of its words; below this share of marked words the marks may be a
#: loanword's ("fiancée", "café") and every word is scored instead.
MIN_MARKED_SHARE = 0.3


@dataclass(frozen=True)
class Detection:
    language: str
    confidence: float


def _is_vietnamese_word(word: str, known: frozenset[str] = frozenset()) -> bool:
    """A known shorthand or common word, or a word with the shape of a Vietnamese syllable (f, j, w, z never occur)."""
    if word in _VI_SHORTHAND or word in _VI_COMMON_PLAIN or word in known:
        return True
    return word not in _EN_COMMON and bool(_VI_SYLLABLE.match(word))


def _french_share(text: str, tokens: list[str]) -> float | None:
    """The share of French words when the text reads as French (two French words at least, and a third of the
    words, or French letters), else ``None``. Words are compared with their apostrophe prefixes split off."""
    lowered = text.lower()
    plain = [w for token in re.findall(r"[\w']+", lowered) for w in token.split("'")]
    hits = sum(1 for w in plain if w in _FR_COMMON)
    # words with letters French never writes (ơ, ư, đ, ạ, ả, ế...): Vietnamese, perhaps a term inside French
    vietnamese = sum(1 for w in plain if any(ch.isalpha() and not ch.isascii() and ch not in _FR_ACCENTED
                                             for ch in w))
    if vietnamese > hits or (vietnamese and hits < 3):
        return None
    accented = {ch for ch in lowered if ch in _FR_ACCENTED}
    letters = bool(accented & _FR_LETTERS) or (bool(accented) and hits >= 3)
    if hits >= 2 and (hits / max(len(tokens), 1) >= 0.25 or letters):
        return round(min(0.99, hits / max(len(tokens), 1) + 0.3), 3)
    return None


def detect_language(text: str, default: str = "vi", known_vietnamese: frozenset[str] = frozenset()) -> Detection:
    """The language of ``text`` among ``SUPPORTED``; ``default`` when there is nothing to go on.

    ``known_vietnamese`` adds words to count as Vietnamese (the glossary's abbreviations: "antt", "gplx")."""
    script = script_of(text)
    if script == "arabic":
        return Detection("ar", 0.99)
    if script == "hangul":
        return Detection("ko", 0.99)
    if script == "cjk":
        return Detection("zh", 0.95)
    tokens = [w for w in words(text) if w.isalpha()]
    if not tokens:
        return Detection(default, 0.0)
    french = _french_share(text, tokens)
    if french is not None:
        return Detection("fr", french)
    # A word with Vietnamese diacritics votes Vietnamese; the others are scored by their shape. Vietnamese typed
    # with diacritics marks most words, while "My fiancée is Japanese" has one accented loanword.
    marked = sum(1 for w in tokens if has_vietnamese_diacritics(w))
    if marked and marked / len(tokens) >= MIN_MARKED_SHARE:
        return Detection("vi", 0.99)
    vi = sum(1 for w in tokens if has_vietnamese_diacritics(w) or _is_vietnamese_word(w, known_vietnamese))
    en = len(tokens) - vi
    if vi >= en:
        return Detection("vi", round(vi / len(tokens), 3))
    return Detection("en", round(en / len(tokens), 3))
