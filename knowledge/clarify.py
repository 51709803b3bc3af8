"""Clarification rules: procedures a counter clerk would not pick between without asking one question.

The data lives in ``knowledge/clarify/*.yaml``. Each rule names two or more national codes that people confuse
("đăng ký kết hôn" and "đăng ký kết hôn có yếu tố nước ngoài"; "cấp lại" and "cấp đổi" of an identity card), the
question to ask in each supported language, the languages of askers for whom the choice is open (a foreigner asking
in English may be marrying a Vietnamese citizen; a Vietnamese asker without a qualifier usually means the domestic
procedure), and for each code the words that settle the choice when the question already contains them ("bị mất",
"hết hạn", "foreign", "مؤقتا"). Matching is on folded text without diacritics, so "mat" and "mất" are the same.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from knowledge.text import comparison_form as prepare

#: Folder of the bundled clarification rules.
CLARIFY_DIR = Path(__file__).resolve().parent / "clarify"
#: Every rule asks its question in these languages.
REQUIRED_LANGUAGES = ("vi", "en", "ar")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    parts = []
    for phrase in phrases:
        body = re.escape(prepare(phrase))
        # Arabic attaches articles and conjunctions to the word (والمؤقت): no left boundary there.
        parts.append(body if _ARABIC.search(phrase) else rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(parts)) if parts else None


class ClarifyOption(BaseModel):
    """One of the procedures of a rule (all its levels) and the words that pick it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    codes: list[str] = Field(min_length=1, description="National codes of the procedure, one per level.")
    words: list[str] = Field(default_factory=list, description="Words that, in the question, pick this option.")


class ClarifyRule(BaseModel):
    """Procedures to ask about, and the words that make asking unnecessary."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    question: dict[str, str] = Field(description="The question to ask, by language (vi, en, ar at least).")
    options: list[ClarifyOption] = Field(min_length=2)
    languages: list[str] = Field(default_factory=list,
                                 description="Ask only askers in these languages; empty: ask everyone.")
    when_all: list[list[str]] = Field(default_factory=list,
                                      description="Word groups that must all appear for the rule to apply.")
    ask: bool = Field(default=True, description="False: the rule only picks an option from the question's "
                                                "words and never asks (the options are not worth a question).")
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> ClarifyRule:
        missing = [lang for lang in REQUIRED_LANGUAGES if not self.question.get(lang, "").strip()]
        if missing:
            raise ValueError(f"question missing in {', '.join(missing)}")
        if any(not group for group in self.when_all):
            raise ValueError("when_all holds an empty word group")
        return self

    @property
    def codes(self) -> list[str]:
        return [code for option in self.options for code in option.codes]

    @cached_property
    def _option_patterns(self) -> list[re.Pattern[str] | None]:
        return [_phrase_pattern(option.words) for option in self.options]

    @cached_property
    def _when_patterns(self) -> list[re.Pattern[str] | None]:
        return [_phrase_pattern(group) for group in self.when_all]

    def applies_to(self, language: str) -> bool:
        return not self.languages or language in self.languages

    def triggered_by(self, question: str) -> bool:
        """Whether every ``when_all`` group has a word in the question (true for rules without groups)."""
        text = prepare(question)
        return all(pattern is not None and pattern.search(text) for pattern in self._when_patterns)

    def picked(self, question: str) -> list[ClarifyOption]:
        """The options whose words the question uses. Where the words of two options overlap in the question, the
        longer match wins ("không đăng ký thường trú" is not "đăng ký thường trú")."""
        text = prepare(question)
        spans = [[m.span() for m in pattern.finditer(text)] if pattern is not None else []
                 for pattern in self._option_patterns]

        def inside_longer(span: tuple[int, int], own: int) -> bool:
            return any(other != own and s[0] <= span[0] and span[1] <= s[1] and s != span
                       for other, found in enumerate(spans) for s in found)

        return [option for index, option in enumerate(self.options)
                if any(not inside_longer(span, index) for span in spans[index])]

    def question_in(self, language: str) -> str:
        return self.question.get(language) or self.question["en"]


class ClarifyError(ValueError):
    """A clarification rules file that cannot be used, with the file and the reason."""


def load_rules(folder: Path = CLARIFY_DIR) -> list[ClarifyRule]:
    """All rules of the ``*.yaml`` files in ``folder``; rule ids must be unique."""
    rules: list[ClarifyRule] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            rows = yaml.safe_load(path.read_text("utf-8")) or []
            rules.extend(ClarifyRule.model_validate(row) for row in rows)
        except (yaml.YAMLError, ValidationError, TypeError) as exc:
            raise ClarifyError(f"{path.name}: {exc}") from exc
    ids = [rule.id for rule in rules]
    # codes may repeat across rules (a copy from the register answers several "lost paper" rules)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ClarifyError(f"duplicate rule ids: {', '.join(duplicates)}")
    return rules
