"""From matched documents to a status per component, the list of what is missing, and the verdict.

Rules, in order: a component a document clearly matches is ``present``; one a document only may be is
``uncertain``; a component that does not apply — another channel's form, a case the request does not state and no
document shows, a paper the office looks up itself, an alternative to a paper that is present, information or a
note that is not a document — is ``not_applicable``, with the reason; a paper only shown at the counter is reported
as such and never ``missing``; any other required component is ``missing`` (or ``uncertain`` when scanned pages
could not be read). A case applies when the request says so (words or component id) or when a document matches a
component that belongs only to that case; all components of the case then apply.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from assistant.dossier.matching import DocumentMatch, same_paper
from assistant.dossier.messages import say
from assistant.dossier.requirements import Requirement
from assistant.dossier.schemas import ComponentResult, ComponentStatus, Evidence, UnmatchedFile
from assistant.dossier.summary import with_official_name
from assistant.dossier.wording import plain
from assistant.redact import redact
from knowledge.model import Procedure


@dataclass
class CheckOptions:
    channel: str = "in_person"
    cases: list[str] = field(default_factory=list)
    language: str = "vi"
    unread_pages: int = 0


@dataclass
class Decisions:
    components: list[ComponentResult]
    missing: list[str]
    unmatched: list[UnmatchedFile]
    undetermined_cases: list[str]
    required_count: int
    document_count: int = 0


def _where(match: DocumentMatch, language: str) -> str:
    page = match.document.first_page
    return match.document.file + (f", {say(language, 'page', page=page)}" if page else "")


def _evidence(match: DocumentMatch) -> Evidence:
    best = match.best
    snippet = best.snippet if best else match.document.title
    return Evidence(file=match.document.file, page=match.document.first_page, snippet=redact(snippet)[:200],
                    score=round(best.score, 3) if best else 0.0, via=best.via[:160] if best else None)


def _declared_case(requirement: Requirement, cases: list[str]) -> bool:
    if not requirement.condition:
        return False
    condition = f" {plain(requirement.condition)} "
    for case in cases:
        if case.strip().lower() == requirement.id.lower():
            return True
        key = plain(case)
        if key and f" {key} " in condition:
            return True
    return False


def _case_key(requirement: Requirement) -> str:
    return plain(requirement.condition or "")


def _activated_cases(requirements: list[Requirement], matches: list[DocumentMatch], cases: list[str]) -> set[str]:
    """Cases the request states, or that a document shows by matching a component found only under that case."""
    active = {_case_key(r) for r in requirements if r.condition_kind == "case" and _declared_case(r, cases)}
    by_id = {r.id: r for r in requirements}
    for match in matches:
        if match.decision != "matched" or match.best is None:
            continue
        chosen = by_id[match.best.requirement.id]
        if chosen.condition_kind != "case":
            continue
        shared = [c for c in match.candidates[1:] if c.score >= match.best.score - 0.05
                  and c.direct >= match.best.direct - 0.05 and _case_key(c.requirement) != _case_key(chosen)]
        if not shared:
            active.add(_case_key(chosen))
    return active


class _Resolver:
    """Holds what the rules need while statuses are decided."""

    def __init__(self, procedure: Procedure, requirements: list[Requirement], matches: list[DocumentMatch],
                 options: CheckOptions) -> None:
        self.procedure = procedure
        self.requirements = requirements
        self.options = options
        self.language = options.language
        self.present: dict[str, list[DocumentMatch]] = defaultdict(list)
        self.maybe: dict[str, list[DocumentMatch]] = defaultdict(list)
        for match in matches:
            if match.best is None or match.decision == "unmatched":
                continue
            target = self.present if match.decision == "matched" else self.maybe
            # a paper listed word for word under several components (the same form in two sections) counts for each
            for candidate in match.candidates:
                if candidate is match.best or same_paper(candidate, match.best):
                    target[candidate.requirement.id].append(match)
        self.active_cases = _activated_cases(requirements, matches, options.cases)

    def name(self, requirement: Requirement) -> str:
        return self.procedure.component_name_in(requirement.component, self.language)

    def applies(self, requirement: Requirement) -> bool:
        kind = requirement.condition_kind
        if requirement.kind != "document" or not requirement.applies_to_channel(self.options.channel):
            return False
        if kind == "case":
            return _case_key(requirement) in self.active_cases
        return kind in ("none", "channel")

    def required(self, requirement: Requirement) -> bool:
        return self.applies(requirement) and not requirement.show_only

    def group_of(self, requirement: Requirement) -> list[Requirement]:
        if requirement.alternative_group is None:
            return [requirement]
        return [r for r in self.requirements if r.alternative_group == requirement.alternative_group]

    def satisfied_by(self, requirement: Requirement) -> Requirement | None:
        return next((r for r in self.group_of(requirement) if self.present.get(r.id)), None)

    def not_applicable_reason(self, requirement: Requirement) -> str:
        if requirement.kind == "info":
            return say(self.language, "info")
        if requirement.kind == "note":
            return say(self.language, "note")
        if not requirement.applies_to_channel(self.options.channel):
            return say(self.language, "channel", channel=say(self.language, f"channel_{self.options.channel}"))
        if requirement.condition_kind == "lookup":
            return say(self.language, "lookup")
        if requirement.condition_kind == "fallback":
            primary = next((r for r in self.group_of(requirement) if r.condition_kind != "fallback"), requirement)
            return say(self.language, "alternative_of", name=self.name(primary))
        return say(self.language, "case", condition=requirement.condition or "")


def _status(resolver: _Resolver, requirement: Requirement) -> tuple[ComponentStatus, str, list[Evidence]]:
    language = resolver.language
    found = resolver.present.get(requirement.id, [])
    if found:
        key = "present_declared" if found[0].document.declared else "present"
        return "present", say(language, key, where="; ".join(_where(m, language) for m in found)), \
            [_evidence(m) for m in found]
    maybe = resolver.maybe.get(requirement.id, [])
    if maybe:
        first = maybe[0]
        snippet = redact(first.best.snippet if first.best else first.document.title)[:120]
        return "uncertain", say(language, "uncertain", where=_where(first, language), snippet=snippet), \
            [_evidence(m) for m in maybe]
    if requirement.show_only and resolver.applies(requirement):
        return "not_applicable", say(language, "show_only"), []
    alternative = resolver.satisfied_by(requirement)
    if alternative is not None and alternative is not requirement:
        return "not_applicable", say(language, "alternative_present", name=resolver.name(alternative)), []
    group_required = any(resolver.required(r) for r in resolver.group_of(requirement))
    if resolver.required(requirement) or (group_required and requirement.condition_kind != "fallback"
                                          and _is_primary(resolver, requirement)):
        unsure = [m for r in resolver.group_of(requirement) for m in resolver.maybe.get(r.id, [])]
        if unsure:
            first = unsure[0]
            snippet = redact(first.best.snippet if first.best else first.document.title)[:120]
            return "uncertain", say(language, "uncertain", where=_where(first, language), snippet=snippet), \
                [_evidence(m) for m in unsure]
        if resolver.options.unread_pages:
            return "uncertain", say(language, "missing_unread"), []
        reason = say(language, "missing")
        if requirement.condition_kind == "case":
            reason = f"{reason}. {say(language, 'case_active', condition=requirement.condition or '')}"
        return "missing", reason, []
    return "not_applicable", resolver.not_applicable_reason(requirement), []


def _is_primary(resolver: _Resolver, requirement: Requirement) -> bool:
    """The member of an alternative group reported missing when none is present: the first that applies."""
    members = [r for r in resolver.group_of(requirement) if resolver.required(r)]
    return bool(members) and members[0] is requirement


def _alternatives(resolver: _Resolver, requirement: Requirement) -> list[Requirement]:
    """The other papers of its alternative group that the submission channel allows."""
    return [r for r in resolver.group_of(requirement) if r is not requirement and r.kind == "document"
            and r.applies_to_channel(resolver.options.channel)]


def _missing_label(resolver: _Resolver, requirement: Requirement) -> str:
    others = _alternatives(resolver, requirement)
    label = with_official_name(resolver.name(requirement), requirement.component.name)
    if others:
        joiner = f" {say(resolver.language, 'or')} "
        label = joiner.join([label, *(with_official_name(resolver.name(r), r.component.name) for r in others)])
    return label


def decide(procedure: Procedure, requirements: list[Requirement], matches: list[DocumentMatch],
           options: CheckOptions) -> Decisions:
    resolver = _Resolver(procedure, requirements, matches, options)
    components: list[ComponentResult] = []
    missing: list[str] = []
    for requirement in requirements:
        status, reason, evidence = _status(resolver, requirement)
        required = resolver.required(requirement) and requirement.condition_kind != "fallback"
        component = requirement.component
        components.append(ComponentResult(
            id=requirement.id, name=resolver.name(requirement), name_vi=component.name, required=required,
            condition=requirement.condition, status=status, show_only=requirement.show_only,
            alternative_group=requirement.alternative_group,
            alternatives_vi=[r.component.name for r in _alternatives(resolver, requirement)],
            form=component.form, originals=component.originals,
            copies=component.copies, reason=reason, evidence=evidence,
        ))
        if status == "missing":
            missing.append(_missing_label(resolver, requirement))
    unmatched = _unmatched(matches, options.language)
    cases = _undetermined_cases(resolver)
    required_count = sum(1 for c in components if c.required)
    return Decisions(components, missing, unmatched, cases, required_count,
                     sum(r.kind == "document" for r in requirements))


def _unmatched(matches: list[DocumentMatch], language: str) -> list[UnmatchedFile]:
    rows: list[UnmatchedFile] = []
    for match in matches:
        if match.decision != "unmatched":
            continue
        document = match.document
        if document.source == "unread":
            reason = say(language, "unmatched_unread")
        elif document.title:
            reason = say(language, "unmatched_title", title=redact(document.title)[:120])
        else:
            reason = say(language, "unmatched_untitled")
        rows.append(UnmatchedFile(file=document.file, page=document.first_page, reason=reason))
    return rows


def _undetermined_cases(resolver: _Resolver) -> list[str]:
    """The cases to choose from when every paper to hand in belongs to some case and none is known to apply."""
    submit = [r for r in resolver.requirements if r.kind == "document" and not r.show_only
              and r.applies_to_channel(resolver.options.channel)]
    if any(resolver.applies(r) for r in submit) or resolver.active_cases:
        return []
    if any(r.condition_kind == "none" for r in submit):
        return []
    papers: dict[str, int] = {}
    cases: dict[str, str] = {}
    for requirement in submit:
        if requirement.condition_kind == "case":
            key = _case_key(requirement)
            papers[key] = papers.get(key, 0) + 1
            cases[key] = requirement.condition or ""
    # scenarios (each case a dossier of several papers, as "đăng ký thường trú vào chỗ ở thuê / của mình / ...")
    # need one chosen; a lone optional paper under a case ("nếu người yêu cầu là ...") does not
    return list(cases.values()) if len(cases) >= 2 or any(n >= 2 for n in papers.values()) else []
