"""The verdict and a short summary in the requested language, with the Vietnamese official names beside
translations (the citizen shows them to the clerk)."""

from __future__ import annotations

from typing import Literal

from assistant.dossier.messages import say
from assistant.dossier.schemas import ComponentResult, DossierWarning, UnmatchedFile
from assistant.dossier.wording import plain

Verdict = Literal["complete", "incomplete", "uncertain"]


def with_official_name(name: str, name_vi: str) -> str:
    """'Birth declaration form (Tờ khai đăng ký khai sinh)' in a translation; the Vietnamese name alone otherwise."""
    if name == name_vi or plain(name_vi) in plain(name):
        return name
    return f"{name} ({name_vi})"


def verdict_of(components: list[ComponentResult], undetermined_cases: list[str], required_count: int,
               document_count: int = 1) -> Verdict:
    """``incomplete`` when a required component is missing; ``uncertain`` when one is uncertain, when no case is
    known for a record made only of cases, or when the record lists nothing required; else ``complete``."""
    if any(c.status == "missing" for c in components):
        return "incomplete"
    if (required_count == 0 and document_count == 0) or undetermined_cases or any(
            c.status == "uncertain" and c.required for c in components):
        return "uncertain"
    return "complete"


def summarize(procedure_name: str, verdict: Verdict, components: list[ComponentResult], missing: list[str],
              unmatched: list[UnmatchedFile], warnings: list[DossierWarning], required_count: int,
              language: str, document_count: int = 1) -> str:
    parts: list[str] = []
    if required_count == 0 and document_count == 0:
        parts.append(say(language, "summary_no_requirements"))
    elif required_count == 0 and verdict == "complete":
        parts.append(say(language, "summary_nothing_required", procedure=procedure_name))
    elif verdict == "incomplete":
        parts.append(say(language, "summary_incomplete", procedure=procedure_name, count=len(missing),
                         names="; ".join(missing)))
    elif verdict == "uncertain":
        unsure = [with_official_name(c.name, c.name_vi) for c in components if c.status == "uncertain"]
        if unsure:
            parts.append(say(language, "summary_uncertain", procedure=procedure_name, count=len(unsure),
                             names="; ".join(unsure)))
        else:
            parts.append(say(language, "summary_case"))
    else:
        parts.append(say(language, "summary_complete", procedure=procedure_name, count=required_count))
    shown = [with_official_name(c.name, c.name_vi) for c in components
             if c.show_only and c.status != "present" and c.reason == say(language, "show_only")]
    if shown:
        parts.append(say(language, "summary_show", names="; ".join(shown)))
    if unmatched:
        parts.append(say(language, "summary_unmatched", count=len(unmatched)))
    if warnings:
        parts.append(say(language, "summary_warnings", count=len(warnings)))
    return " ".join(parts)
