"""Understanding a question before retrieval: language, shorthand, colloquial names, cross-lingual terms.

- Vietnamese as typed: chat shorthand and abbreviations ("dktt", "cccd", "ntn", "ko", "j") become full terms.
- Colloquial names: pack aliases ("sổ đỏ", "hộ khẩu", "bằng lái", "giấy độc thân") point at their procedures.
- Cross-lingual: English, Arabic, Chinese and Korean words found in the glossary add their Vietnamese terms, so a
  foreigner's question also searches the Vietnamese text of every record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.retrieval.ranking import base_name
from assistant.understanding.acronyms import AcronymReader
from assistant.understanding.apart import ApartMatcher
from assistant.understanding.chat_shorthand import CHAT_SHORTHAND, looks_abbreviated, token_form, with_expansion
from assistant.understanding.foreign_places import abroad_matches
from assistant.understanding.function_words import (
    borrowed_function_words,
    determiners,
    function_words,
    without_determiners,
)
from assistant.understanding.grades import roman_grades
from assistant.understanding.intent import asking_tokens, asking_words
from assistant.understanding.language import detect_language
from assistant.understanding.numbers import counted_phrases
from assistant.understanding.phrases import PhraseMatch, PhraseMatcher, phrase_tokens, word_mark
from assistant.understanding.possession import not_done
from assistant.understanding.restore import MarkRestorer
from assistant.understanding.shared_aliases import shared_alias_holders, without_reworded_shared
from assistant.understanding.stemmed import STEMMED_LANGUAGES, StemmedMatcher
from knowledge.glossary import GLOSSARY_LANGUAGES, GlossaryEntry, bundled_glossary
from knowledge.model import Procedure
from knowledge.text import has_vietnamese_diacritics, query_terms, strip_diacritics, words

#: The glossary's languages besides Vietnamese.
FOREIGN_LANGUAGES = tuple(language for language in GLOSSARY_LANGUAGES if language != "vi")
#: A national procedure code typed by a clerk ("1.004222").
CODE_RE = re.compile(r"(?<![\d.])\d\.\d{6}(?![\d.])")

#: Glossary kinds that are not evidence of an administrative question on their own (a city, a relative).
_NON_DOMAIN_KINDS = frozenset({"place", "person"})


def is_domain_entry(entry: GlossaryEntry) -> bool:
    """Administrative vocabulary, as opposed to chat shorthand, places, people and one-syllable filler."""
    if entry.kind in _NON_DOMAIN_KINDS:
        return False
    if entry.vi in CHAT_SHORTHAND.values() or (entry.kind == "abbreviation" and not entry.zh):
        return False  # chat shorthand entries ("ở đâu", "cho hỏi", "cảm ơn") carry no Chinese/Korean terms
    return len(entry.vi.split()) >= 2 or entry.kind in {"document", "fee", "field", "agency"}


#: Official names of at least this many words count as aliases: a question that spells out "xóa đăng ký thường trú"
#: means that procedure, not the "đăng ký thường trú" inside it (longest phrase wins).
OFFICIAL_NAME_MIN_WORDS = 3
_NAME_PREFIX = re.compile(r"^(thu tuc|thủ tục)\s+")


def _official_phrase(name: str) -> str:
    """A procedure's official name as a phrase, with its marks: without its level qualifier and the leading
    "Thủ tục"."""
    plain = _NAME_PREFIX.sub("", base_name(name)).split()
    marked = words(name)
    unmarked = [strip_diacritics(w) for w in marked]
    for start in range(len(marked) - len(plain) + 1):
        if unmarked[start : start + len(plain)] == plain:
            return " ".join(marked[start : start + len(plain)])
    return " ".join(plain)


def _guard_one_word_anchors(anchors: PhraseMatcher[str | None], glossary: list[GlossaryEntry]) -> None:
    """Add as None every glossary term of several words that holds a one-word anchor wording and is no anchor."""
    single = {tokens[0] for entry in glossary if is_domain_entry(entry)
              for term in (entry.vi, *entry.variants) if len(tokens := phrase_tokens(term)) == 1}
    for entry in glossary:
        tokens = phrase_tokens(entry.vi)
        if len(tokens) > 1 and not is_domain_entry(entry) and single.intersection(tokens):
            anchors.add(entry.vi, None)


@dataclass
class QueryAnalysis:
    """What retrieval and answering need to know about a question."""

    text: str
    language: str
    language_confidence: float
    normalized: str
    expansions: list[str] = field(default_factory=list)
    alias_codes: dict[str, int] = field(default_factory=dict)
    glossary_entries: list[GlossaryEntry] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    #: The language the caller asked the reply in, where it differs from the one the question is written in
    #: (a Vietnamese question typed into the Chinese kiosk is understood as Vietnamese and answered in Chinese).
    requested: str | None = None
    #: A Vietnamese question typed without marks, with those its word pairs make sure put back
    #: (``assistant.understanding.restore``); None when typed with marks or when no pair is known.
    restored: str | None = None
    #: Glossary terms gained only from words that ask what to know ("làm thế nào" → "cách thức thực hiện"): they
    #: name a section of every record, not what the question is about.
    asking: set[str] = field(default_factory=set)

    @property
    def reply_language(self) -> str:
        return self.requested or self.language

    @property
    def anchored(self) -> bool:
        """Whether the question uses administrative vocabulary (a glossary term, a procedure alias or code)."""
        return bool(self.anchors or self.alias_codes or self.codes)

    @property
    def marked(self) -> str:
        """The question as typed and expanded, with its marks restored where they could be."""
        return self.restored or self.normalized

    def lexical_terms(self) -> list[str]:
        terms = query_terms(self.marked)
        for expansion in self.expansions:
            terms.extend(query_terms(expansion))
        return terms

    def dense_text(self) -> str:
        return self.marked if self.language == "vi" else self.text


class QueryAnalyzer:
    """Built once per index from the glossary and the records' aliases."""

    def __init__(self, glossary: list[GlossaryEntry], procedures: Iterable[Procedure]) -> None:
        self.shorthand: PhraseMatcher[str] = PhraseMatcher()
        self.terms: PhraseMatcher[GlossaryEntry] = PhraseMatcher()
        #: the foreign wordings once more without articles and possessives, per language that has a list
        self.loose_terms: dict[str, PhraseMatcher[GlossaryEntry]] = {lang: PhraseMatcher() for lang in determiners()}
        #: the wordings of English, French and Arabic once more by their stems, any order ("death was registered")
        self.stemmed = {lang: StemmedMatcher[GlossaryEntry](lang) for lang in STEMMED_LANGUAGES}
        #: per foreign language, its own wordings as plain tokens (``borrowed_function_words``)
        self.own_wordings = {lang: frozenset(phrase_tokens(w) for e in glossary for w in getattr(e, lang))
                             for lang in FOREIGN_LANGUAGES}
        self.aliases: PhraseMatcher[str] = PhraseMatcher()
        #: Administrative terms by their wordings; the glossary terms holding a one-word wording are there as None,
        #: so that it never anchors inside them ("ký" of "chữ ký" inside "đăng ký"), as with ``variants``.
        self.anchors: PhraseMatcher[str | None] = PhraseMatcher()
        #: Other wordings of glossary terms; the terms themselves are there too, as None, so that a one-word
        #: wording never matches inside a longer term ("ký" of "chữ ký" inside "đăng ký").
        self.variants: PhraseMatcher[GlossaryEntry | None] = PhraseMatcher()
        #: Vietnamese wordings whose parts may stand a few words apart ("sổ đỏ … ghi sai").
        self.apart: ApartMatcher[GlossaryEntry] = ApartMatcher()
        for short, full in CHAT_SHORTHAND.items():
            self.shorthand.add(short, full)
        abbreviations: set[str] = set()
        for entry in glossary:
            for short in entry.abbreviations:
                self.shorthand.add(short, entry.vi)
                abbreviations.update(w for w in short.split() if looks_abbreviated(w))
            for language in FOREIGN_LANGUAGES:
                self.terms.add_all(getattr(entry, language), entry)
            for language, stemmed in self.stemmed.items():
                stemmed.add_all(getattr(entry, language), entry)
            for language, loose in self.loose_terms.items():
                loose.add_all((without_determiners(w, language) for w in getattr(entry, language)), entry)
            self.variants.add_all(entry.variants, entry)
            self.apart.add_all(entry.apart, entry)
            self.variants.add(entry.vi, None)
            if is_domain_entry(entry):
                for term in [entry.vi, *entry.variants, *entry.en, *entry.ar, *entry.zh, *entry.ko, *entry.fr]:
                    self.anchors.add(term, entry.vi)
        _guard_one_word_anchors(self.anchors, glossary)
        # "ba người", "ba tuổi": a number before a counted noun, not the "ba" (father) of the glossary
        self.variants.add_all(counted_phrases(v for e in glossary for v in e.variants), None)
        #: Abbreviations that mark a question as Vietnamese even when no other word does ("karaoke antt ntn").
        self.known_vietnamese = frozenset(abbreviations)
        procedures = list(procedures)
        self.restorer = MarkRestorer([
            *(name for p in procedures for name in (p.name, *p.aliases)),
            *(term for entry in glossary for term in (entry.vi, *entry.variants)),
            *CHAT_SHORTHAND.values()])
        #: Short forms read from the names ("gpmt"), for those the glossary does not list.
        self.acronyms = AcronymReader(p.name for p in procedures if p.code)
        for procedure in procedures:
            if not procedure.code:
                continue
            self.aliases.add_all(procedure.aliases, procedure.code)
            official = _official_phrase(procedure.name)
            if len(official.split()) >= OFFICIAL_NAME_MIN_WORDS:
                self.aliases.add(official, procedure.code)
            for tr in procedure.translations.values():
                self.aliases.add_all(tr.aliases, procedure.code)
                self.aliases.add(tr.name, procedure.code)
        for alias, code in shared_alias_holders(procedures, self.expand_shorthand):
            self.aliases.add(alias, code)

    @classmethod
    def for_procedures(cls, procedures: Iterable[Procedure]) -> QueryAnalyzer:
        return cls(bundled_glossary(), procedures)

    def expand_shorthand(self, text: str, restored: str | None = None) -> str:
        """Replace shorthand words ("dktt", "ntn", "ko") by their full Vietnamese form, and short forms the names
        use ("gpmt") by their phrase; other words stay as typed. ``restored`` is the text with marks put back
        (``MarkRestorer``): a single word they restore is that word, not a short form ("vat lieu" is "vật liệu")."""
        typed = words(text)
        plain = tuple(token_form(w) for w in typed)
        matches = self.shorthand.find_tokens(plain, marks=tuple(word_mark(w) for w in typed))
        if restored is not None and len(back := words(restored)) == len(typed):
            matches = [m for m in matches if len(m.phrase) > 1 or word_mark(back[m.start]) is None]
        if not matches and not any(self.acronyms.expand(w) for w in typed):
            return text
        out: list[str] = []
        position = 0
        for match in [*matches, None]:
            end = match.start if match else len(typed)
            # a short form read from the names keeps its letters: some names spell it ("công ty TNHH một thành viên")
            out.extend(with_expansion(w, self.acronyms.expand(w)) for w in typed[position:end])
            if match:
                out.append(match.payloads[0])
                position = match.end
        return " ".join(out)

    def _gain_foreign_terms(self, analysis: QueryAnalysis) -> None:
        """The glossary terms of a question in another language; those gained only from words that ask what to
        know ("how long does it take", "which office") are also kept apart as ``asking``."""
        text, lang = analysis.text, analysis.language
        exact = self.terms.find(text)
        loose = self.loose_terms[lang].find(without_determiners(text, lang), min_tokens=2) \
            if lang in self.loose_terms else []  # "give up my nationality" for "give up nationality"
        loose += abroad_matches(self.terms, text, lang)  # "married in Sydney" is "married abroad"
        loose += self.stemmed[lang].find(text) if lang in self.stemmed else []  # "the death was registered"
        own = self.own_wordings.get(lang, frozenset())  # not French "or" (gold) in "or" of an English question
        exact, loose = ([m for m in found if not borrowed_function_words(m.phrase, lang, own)]
                        for found in (exact, loose))
        asked, little = asking_tokens(text) if exact or loose else set(), function_words().get(lang, frozenset())
        for match, again in [(m, True) for m in exact] + [(m, False) for m in loose]:
            words = set(match.phrase)
            asking = bool(words & asked) and words - little <= asked
            for entry in match.payloads[:2]:
                if again or entry not in analysis.glossary_entries:
                    analysis.glossary_entries.append(entry)
                    analysis.expansions.append(entry.vi)
                    if asking:
                        analysis.asking.add(entry.vi)

    def analyze(self, text: str, language: str | None = None) -> QueryAnalysis:
        detection = detect_language(text, known_vietnamese=self.known_vietnamese)
        written_vietnamese = detection.language == "vi" and has_vietnamese_diacritics(text)
        lang = "vi" if written_vietnamese else language or detection.language
        confidence = 1.0 if language and not written_vietnamese else detection.confidence
        restored_typed = self.restorer.restore(text) if lang == "vi" else None
        normalized = self.expand_shorthand(text, restored_typed) if lang == "vi" else text
        analysis = QueryAnalysis(text, lang, confidence, normalized,
                                 requested=language if language and language != lang else None)
        wordings: dict[str, list[PhraseMatch[GlossaryEntry | None]]] = {}  # glossary wordings per reading
        if lang != "vi":
            self._gain_foreign_terms(analysis)
        else:  # colloquial Vietnamese ("sửa giấy khai sinh", "người Hàn Quốc") gains the official term
            # on the text as typed and after shorthand expansion ("vneid" is itself a glossary abbreviation), or on
            # the text with its marks put back where they could be ("o dau" is "ở đâu", not "dấu" of "con dấu")
            analysis.restored = self.restorer.restore(normalized)
            readings = list(dict.fromkeys([restored_typed or text, analysis.marked]))  # often one text
            asking: set[str] | None = None  # read only when a glossary wording is found
            # "tòa án Hàn Quốc" is also a "tòa án nước ngoài"
            abroad = abroad_matches(self.variants, analysis.marked, lang)
            wordings = {reading: self.variants.find(reading) for reading in readings}
            for variant in [match for found in wordings.values() for match in found] + abroad:
                wording = next((e for e in variant.payloads if e is not None), None)
                if wording is not None and wording.vi not in analysis.expansions:
                    analysis.glossary_entries.append(wording)
                    analysis.expansions.append(wording.vi)
                    asking = asking_words(analysis.marked) if asking is None else asking
                    if asking.issuperset(variant.phrase):
                        analysis.asking.add(wording.vi)
            for said_apart in [entry for reading in readings for entry in self.apart.find(reading)]:
                if said_apart.vi not in analysis.expansions:
                    analysis.glossary_entries.append(said_apart)
                    analysis.expansions.append(said_apart.vi)
        found = self.aliases.find(analysis.marked if lang == "vi" else text, min_tokens=1)
        if lang == "vi":  # "sổ đỏ" inside "sang tên sổ đỏ" (a transfer) names none of its four records, and
            # "đã trình báo mất hộ chiếu" names a step already taken
            found = not_done(without_reworded_shared(found, wordings[analysis.marked]), analysis.marked)
        if lang != "vi":  # a glossary term gained that is a procedure's name ("出生登记" → "đăng ký khai sinh")
            found += [m for term in analysis.expansions if term not in analysis.asking
                      for m in self.aliases.find(term, min_tokens=2) if len(m.phrase) == len(phrase_tokens(term))]
        for alias in found:
            for code in alias.payloads:
                analysis.alias_codes[code] = max(analysis.alias_codes.get(code, 0), len(alias.phrase))
        own = self.own_wordings.get(lang, frozenset())
        analysis.anchors = [term for m in self.anchors.find(analysis.marked)
                            if (term := next((p for p in m.payloads if p is not None), None)) is not None
                            and not borrowed_function_words(m.phrase, lang, own)]
        if lang != "vi":  # terms gained by stem or abroad are administrative vocabulary too
            analysis.anchors += [e.vi for e in analysis.glossary_entries
                                 if is_domain_entry(e) and e.vi not in analysis.anchors and e.vi not in analysis.asking]
        analysis.codes = CODE_RE.findall(text)
        analysis.expansions += [g for g in roman_grades(analysis.marked) if g not in analysis.expansions]
        return analysis
