"""What the person wants to know about a procedure: documents, fee, time, steps, place, law, eligibility, result.

Rules (``knowledge/intents.yaml``) over the folded text in Vietnamese (with and without diacritics), English, Arabic,
Chinese, Korean and French, tried in order, the more specific first; a question answered by yes or no ("có phải xin
phép không?") asks about eligibility, or the documents when it is about a paper to bring. ``None`` means no specific
question (the answer is an overview).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from assistant.understanding.phrases import phrase_tokens
from knowledge.text import comparison_form, comparison_patterns, index_terms

INTENTS = ("documents", "fee", "time", "steps", "where", "legal", "eligibility", "result", "overview")

INTENTS_FILE = Path(knowledge.__file__).parent / "intents.yaml"
#: The place of the yes/no reading among the rules of ``knowledge/intents.yaml``.
YES_NO = "yes_no"


@dataclass(frozen=True)
class IntentRule:
    """One rule of ``knowledge/intents.yaml``: the intent it gives, the spans that ask, the shapes that say."""

    intent: str
    asks: tuple[re.Pattern[str], ...]
    frames: tuple[re.Pattern[str], ...] = ()

    def matches(self, plain: str) -> bool:
        return any(p.search(plain) for p in (*self.asks, *self.frames))


@dataclass(frozen=True)
class IntentRules:
    """The rules in the order they are tried, with the yes/no reading at its place (``None`` in ``order``)."""

    order: tuple[IntentRule | None, ...]
    yes_no: tuple[re.Pattern[str], ...]
    #: question words that make a question no yes/no question
    not_with: tuple[re.Pattern[str], ...]
    papers: tuple[re.Pattern[str], ...]

    @classmethod
    def load(cls, path: Path = INTENTS_FILE) -> IntentRules:
        data = yaml.safe_load(path.read_text("utf-8"))
        order: list[IntentRule | None] = []
        for entry in data["rules"]:
            if entry == YES_NO:
                order.append(None)
                continue
            if entry.get("intent") not in INTENTS:
                raise ValueError(f"{path}: unknown intent {entry.get('intent')!r}; expected one of {INTENTS}")
            order.append(IntentRule(entry["intent"], comparison_patterns(entry.get("asks", [])),
                                    comparison_patterns(entry.get("frames", []))))
        yes_no = data["yes_no"]
        return cls(tuple(order), comparison_patterns(yes_no["frames"]), comparison_patterns(yes_no.get("not_with", [])),
                   comparison_patterns(yes_no["papers"]))

    def yes_no_intent(self, plain: str) -> str | None:
        """For a question answered by yes or no: documents when it is about a paper to bring, else eligibility."""
        if not any(p.search(plain) for p in self.yes_no) or any(p.search(plain) for p in self.not_with):
            return None
        return "documents" if any(p.search(plain) for p in self.papers) else "eligibility"


@lru_cache(maxsize=1)
def bundled_rules() -> IntentRules:
    return IntentRules.load()


def _prepare(text: str) -> str:
    return comparison_form(text)


@lru_cache(maxsize=4096)
def _asking_spans(text: str) -> tuple[str, ...]:
    """The spans of ``text`` (in comparison form) that ask what to know ("lam the nao", "o dau"); cached, since a
    question is read for them several times (its asking words, its follow-up words, its content terms)."""
    plain = _prepare(text)
    return tuple(match.group(0) for rule in bundled_rules().order if rule is not None
                 for pattern in rule.asks for match in pattern.finditer(plain))


def asking_words(text: str) -> set[str]:
    """Every word (plain, as typed) inside a span that asks what to know."""
    return {word for span in _asking_spans(text) for word in span.split()}


def asking_tokens(text: str) -> set[str]:
    """``asking_words`` as phrase tokens: plain unigrams, and single characters in Chinese and Korean."""
    return {token for span in _asking_spans(text) for token in phrase_tokens(span)}


@dataclass(frozen=True)
class IntentReading:
    """What a question asks: ``intent`` with a yes/no question read at its place (what the answer leads with), and
    ``asked`` from the words that ask alone (a yes/no shape is no sign that a question is about a procedure)."""

    intent: str | None
    asked: str | None


def read_intent(text: str) -> IntentReading:
    """The question's intent, by the first rule that matches, in one pass over the rules."""
    plain, rules = _prepare(text), bundled_rules()
    yes_no: str | None = None
    for rule in rules.order:
        if rule is None:
            yes_no = rules.yes_no_intent(plain)
        elif rule.matches(plain):
            return IntentReading(yes_no or rule.intent, rule.intent)
    return IntentReading(yes_no, None)


def detect_intent(text: str, *, yes_no: bool = True) -> str | None:
    """The main intent, or ``None`` for a general question (its answer is the overview); without ``yes_no``, only
    from the words that ask."""
    reading = read_intent(text)
    return reading.intent if yes_no else reading.asked


def intent_words(text: str) -> set[str]:
    """The words of ``text`` that only express the intent (used to tell a follow-up from a new question)."""
    return {t for span in _asking_spans(text) for t in index_terms(span, exact=False) if "_" not in t}
