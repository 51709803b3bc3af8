"""Asking before answering: the clarification rules of ``knowledge.clarify`` applied to ranked procedures.

Two uses, both driven by the same rules:

- ``promote``: when the question already uses the words that pick one of a rule's procedures ("mất thẻ căn cước" ->
  "cấp lại", "two Vietnamese colleagues" -> the domestic marriage), that procedure goes first if it was found.
- ``clarification``: when the best procedure belongs to a rule, the asker's language is one the rule asks, the rule's
  trigger words are present (or a sibling procedure scored close), and nothing in the question picks an option, the
  assistant asks the rule's question instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.retrieval.hybrid import ProcedureHit
from knowledge.clarify import ClarifyOption, ClarifyRule, load_rules

#: How many of the top results are looked at.
DEPTH = 5
#: A sibling procedure must score at least this share of the best one for a rule without trigger words to ask.
CLOSE_RATIO = 0.6
#: Rules of this many of the best hits are consulted for words that pick a procedure.
PROMOTE_FROM = 3
#: A picked procedure must score at least this share of the best one to be moved first.
PROMOTE_RATIO = 0.5
#: The same, when the best hit is not one of the rule's procedures (the rule belongs to a lower hit).
PROMOTE_OTHER_RATIO = 0.7


@dataclass
class Clarification:
    """The rule whose question to ask and the best-ranked hit for each of its options that was found."""

    rule: ClarifyRule
    options: list[ProcedureHit]


def _option_of(rule: ClarifyRule, code: str) -> ClarifyOption | None:
    return next((option for option in rule.options if code in option.codes), None)


class Clarifier:
    """Applies clarification rules; ``Clarifier.bundled()`` loads the rules shipped in ``knowledge/clarify``."""

    def __init__(self, rules: list[ClarifyRule]) -> None:
        self.rules = rules

    @classmethod
    def bundled(cls) -> Clarifier:
        return cls(load_rules())

    def _rules_of(self, code: str) -> list[ClarifyRule]:
        return [rule for rule in self.rules if code in rule.codes]

    def promote(self, hits: list[ProcedureHit], question: str) -> list[ProcedureHit]:
        """Move the procedure the question's words pick to the top, when it was found and scored reasonably."""
        if not hits:
            return hits
        top = hits[0]
        rules: dict[str, ClarifyRule] = {}
        for hit in hits[:PROMOTE_FROM]:  # the rules of the best hits, best first, once each
            for rule in self._rules_of(hit.code):
                rules.setdefault(rule.id, rule)
        for rule in rules.values():
            if not rule.triggered_by(question) or (not rule.when_all and top.code not in rule.codes):
                continue  # a rule of a lower hit needs its own trigger words to move that hit up
            picked = rule.picked(question)
            if len(picked) != 1 or top.code in picked[0].codes:
                continue
            ratio = PROMOTE_RATIO if top.code in rule.codes else PROMOTE_OTHER_RATIO
            for position, hit in enumerate(hits[1:DEPTH], start=1):
                if hit.code in picked[0].codes and hit.score >= ratio * top.score:
                    return [hit, *hits[:position], *hits[position + 1:]]
        return hits

    def clarification(self, hits: list[ProcedureHit], question: str, language: str,
                      known: dict[str, ProcedureHit] | None = None) -> Clarification | None:
        """The question to ask before answering, if the best procedure is one a rule says to ask about.

        ``known`` maps codes to hits for procedures that were not retrieved but exist in the index, so a rule
        with trigger words can offer all its options."""
        if not hits:
            return None
        top = hits[0]
        rules = [rule for rule in self._rules_of(top.code) if rule.triggered_by(question)]
        if any(rule.picked(question) for rule in rules):
            return None  # the question already says which one (for this rule or a related one)
        for rule in rules:
            if not rule.ask or not rule.applies_to(language):
                continue
            top_option = _option_of(rule, top.code)
            siblings = [h for h in hits[1:DEPTH] if _option_of(rule, h.code) not in (None, top_option)]
            if not rule.when_all and not any(h.score >= CLOSE_RATIO * top.score for h in siblings):
                continue
            options = self._options(rule, [top, *siblings], known or {})
            if len(options) >= 2:
                return Clarification(rule, options)
        return None

    def names_another_option(self, question: str, code: str) -> bool:
        """Whether the question uses a rule's words that pick another of its procedures than ``code`` ("and if my
        fiancée is Korean?" while the domestic marriage is under discussion)."""
        for rule in self._rules_of(code):
            if rule.triggered_by(question):
                options = rule.picked(question)
                if len(options) == 1 and code not in options[0].codes:
                    return True
        return False

    def codes_near(self, code: str) -> set[str]:
        """Every code of the rules that hold ``code`` (for looking up options that were not retrieved)."""
        return {c for rule in self._rules_of(code) for c in rule.codes}

    @staticmethod
    def _options(rule: ClarifyRule, found: list[ProcedureHit], known: dict[str, ProcedureHit]) -> list[ProcedureHit]:
        options = []
        for option in rule.options:
            hit = next((h for h in found if h.code in option.codes), None)
            hit = hit or next((known[code] for code in option.codes if code in known), None)
            if hit is not None:
                options.append(hit)
        return options
