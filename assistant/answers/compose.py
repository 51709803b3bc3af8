"""Answers composed from the structured record, without an LLM: only facts that are in the record.

Labels and the pack's translations are used in the asker's language; where a name is translated, the official
Vietnamese name stands beside it, because the citizen must show the clerk the Vietnamese name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answers.labels import label, money, unit
from assistant.answers.places import submission_place
from assistant.retrieval.names import name_terms
from knowledge.chunks import source_label
from knowledge.model import Channel, Component, Procedure

KIOSK_MAX_CASES = 2
#: Share of a case's words a question must use for the case to be the one described.
CASE_MATCH = 0.6


@dataclass
class Composed:
    text: str
    sections: list[str] = field(default_factory=list)


def _name(p: Procedure, lang: str) -> str:
    translated = p.name_in(lang)
    if translated == p.name:
        return translated
    rendered = lang not in p.translations  # a marked glossary rendering, itself ending in parentheses
    return f"{translated} — {p.name}" if rendered else f"{translated} ({p.name})"


def _component_line(p: Procedure, c: Component, lang: str) -> str:
    name = p.component_name_in(c, lang)
    if name != c.name:
        name = f"{name} — {c.name}"
    counts = []
    if c.originals:
        counts.append(f"{c.originals} {label(lang, 'original')}")
    if c.copies:
        counts.append(f"{c.copies} {label(lang, 'copy')}")
    if c.form and c.form not in name:
        spelled = c.form.lower().startswith(("mẫu", "mau", "form"))  # "Mẫu số 13" already says it is a form
        counts.append(c.form if spelled else f"{label(lang, 'form')} {c.form}")
    if c.group == "present":
        counts.append(label(lang, "show_only"))
    return f"- {name}" + (f" ({', '.join(counts)})" if counts else "")


def _case_match(case: str, asked: frozenset[str]) -> float:
    """Share of a case's words ("Không có Giấy chứng sinh") the question uses."""
    words = name_terms(case)
    return len(words & asked) / len(words) if words else 0.0


def _components(p: Procedure, lang: str, channel: str, asked: frozenset[str] = frozenset()) -> list[str]:
    lines: list[str] = []
    by_case: dict[str | None, list[Component]] = {}
    for c in p.components:
        by_case.setdefault(c.case, []).append(c)
    cases = [case for case in by_case if case is not None]
    # the situation the person describes comes first ("sinh ở nhà, không có giấy chứng sinh": the substitutes)
    described = [case for case in cases if _case_match(case, asked) >= CASE_MATCH]
    cases = described + [case for case in cases if case not in described]
    limit = max(KIOSK_MAX_CASES, len(described))
    shown = cases if channel != "kiosk" else cases[:limit]
    # the described case before the papers every case needs: what this person brings instead is what they asked
    for case in [*described, None, *(case for case in shown if case not in described)]:
        items = by_case.get(case, [])
        if not items:
            continue
        if case is not None or cases:
            lines.append(f"{label(lang, 'case')}: {case}" if case else f"{label(lang, 'always')}:")
        seen_alt: set[str] = set()
        for c in items:
            if c.alternative_group and c.alternative_group not in seen_alt:
                seen_alt.add(c.alternative_group)
                lines.append(f"{label(lang, 'one_of')}:")
            lines.append(("  " if c.alternative_group else "") + _component_line(p, c, lang))
    if len(shown) < len(cases):
        lines.append(label(lang, "more_cases").format(n=len(cases) - len(shown)))
    if p.component_notes and channel != "kiosk":
        lines.append(f"{label(lang, 'notes')}: " + " ".join(p.component_notes[:3]))
    return lines


def _time_text(ch: Channel, lang: str) -> str:
    if ch.time is None or (ch.time.value is None and not ch.time.text):
        return label(lang, "no_time_info")
    if lang != "vi" and ch.time.value is not None and ch.time.unit:
        return f"{ch.time.value:g} {unit(lang, ch.time.unit, ch.time.value)}"
    return ch.time.text or f"{ch.time.value:g}"


_FREE_WORDS = re.compile(r"^\s*(miễn phí|không thu phí|không mất phí|không có|không)\s*", re.IGNORECASE)


def _fee_text(ch: Channel, lang: str) -> str:
    if not ch.fees:
        return label(lang, "no_fee_info")
    parts = []
    for fee in ch.fees:
        if fee.free or fee.amount_vnd == 0:
            remark = _FREE_WORDS.sub("", fee.text).strip(" .;:-")
            # "Miễn phí (do Ủy ban nhân dân cấp tỉnh quy định.)": the remark qualifies the "free", keep it
            parts.append(label(lang, "free") + (f" ({remark.strip('()').strip()})" if remark else ""))
        elif fee.amount_vnd is not None and lang != "vi":
            parts.append(money(fee.amount_vnd, lang) + (f" ({fee.text})" if fee.text else ""))
        else:
            parts.append(fee.text or (money(fee.amount_vnd, lang) if fee.amount_vnd else ""))
        if fee.exemptions:
            parts.append(f"{label(lang, 'exempt')}: {fee.exemptions}")
    return "; ".join(x for x in parts if x)


def _channel_lines(p: Procedure, lang: str, what: str) -> list[str]:
    """One line per distinct time/fee; channels that say the same thing share a line ("Online, By post: ...")."""
    tr = p.translations.get(lang)
    bodies: dict[str, list[str]] = {}
    for ch in p.channels:
        if tr and ch.kind in tr.channels:  # the hand-written translation states time and fee in the asker's words
            body = tr.channels[ch.kind]
        else:
            body = {"time": _time_text(ch, lang), "fee": _fee_text(ch, lang)}.get(
                what, f"{_time_text(ch, lang)}; {_fee_text(ch, lang)}")
        bodies.setdefault(body, []).append(label(lang, ch.kind))
    return [f"- {', '.join(heads)}: {body}" for body, heads in bodies.items()]


def _steps(p: Procedure, lang: str) -> list[str]:
    tr = p.translations.get(lang)
    if tr and tr.steps_summary:
        return [tr.steps_summary]
    return [f"{s.order}. {s.text}" for s in p.steps[:10]]


def _where(p: Procedure, lang: str) -> list[str]:
    tr = p.translations.get(lang)
    place = tr.where_to_submit if tr and tr.where_to_submit else submission_place(p)[0]
    kinds = ", ".join(label(lang, ch.kind) for ch in p.channels)
    lines = [place] if place else []
    if kinds:
        lines.append(f"{label(lang, 'channels')}: {kinds}")
    return lines


def _section_body(p: Procedure, intent: str, lang: str, channel: str,
                  asked: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Lines of the answer body and the record sections they come from."""
    if intent == "documents":
        return _components(p, lang, channel, asked), ["components"]
    if intent in ("fee", "time"):
        return _channel_lines(p, lang, intent), ["channels"]
    if intent == "steps":
        return _steps(p, lang), ["steps"]
    if intent == "where":
        return _where(p, lang), ["overview", "channels"]
    if intent == "legal":
        return [f"- {lb.number or ''} {lb.title}".replace("-  ", "- ") for lb in p.legal_basis[:12]], ["legal_basis"]
    if intent == "eligibility":
        lines = [f"{label(lang, 'applicants')}: {', '.join(p.applicants)}"] if p.applicants else []
        if not p.requirements:  # who may apply alone answers little ("có phải làm căn cước không?"): the overview
            return (lines + _overview(p, lang), ["overview", "channels"]) if lines else ([], [])
        return lines + [f"- {r}" for r in p.requirements[:8]], ["requirements"]
    if intent == "result":
        return [f"- {r.name}" for r in p.results], ["results"]
    return _overview(p, lang), ["overview", "channels"]


#: Documents named in an overview answer (the documents question lists them all, by case).
OVERVIEW_DOCUMENTS = 6


def _overview(p: Procedure, lang: str) -> list[str]:
    tr = p.translations.get(lang)
    lines = [tr.summary if tr and tr.summary else p.summary] if (tr and tr.summary) or p.summary else []
    lines += _channel_lines(p, lang, "both")
    lines += [f"{label(lang, 'where')}: {line}" for line in _where(p, lang)[:1]]
    if p.components:  # the documents by name, not a count: "Hồ sơ cần chuẩn bị: 8" helps nobody
        lines.append(f"{label(lang, 'documents')}:")
        always = [c for c in p.components if c.case is None] or p.components
        lines += [_component_line(p, c, lang) for c in always[:OVERVIEW_DOCUMENTS]]
        if len(p.components) > OVERVIEW_DOCUMENTS and len(always) > OVERVIEW_DOCUMENTS:
            lines.append(f"  (+{len(always) - OVERVIEW_DOCUMENTS})")
    return lines


def compose_answer(p: Procedure, intent: str | None, lang: str, channel: str = "kiosk",
                   asked: frozenset[str] = frozenset()) -> Composed:
    """The answer to ``intent`` about ``p`` in ``lang``; ``channel`` 'kiosk' keeps it short; ``asked`` (the
    question's plain words) puts the case the person describes first."""
    intent = intent or "overview"
    body, sections = _section_body(p, intent, lang, channel, asked)
    if not body:
        body, sections = _overview(p, lang), ["overview"]
    header = f"{_name(p, lang)}" + (f" — {label(lang, 'code')} {p.code}" if p.code else "")
    parts = [header, f"{label(lang, intent)}:", *body]
    if lang != "vi" and lang not in p.translations and label(lang, "vi_only"):
        parts.append(label(lang, "vi_only"))
    source = source_label(p)
    if lang == "ar":  # a file name and a code read left to right inside Arabic text
        source = f"\u2066{source}\u2069"
    parts.append(f"{label(lang, 'source')}: {source}")
    return Composed("\n".join(parts), sections)


#: Public names for the answer card (``assistant.answers.card``).
time_text = _time_text
fee_text = _fee_text
