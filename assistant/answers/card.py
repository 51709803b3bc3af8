"""The answer card: one procedure as a person acts on it — the documents to bring (originals, copies, which are
alternatives, which are only shown), time and fee per channel, where to submit, the online link, the legal basis —
in the asker's language with the official Vietnamese names beside, because the citizen shows them to the clerk.

Used by the kiosk, the staff console and the printable page ``/p/{code}``."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.answers.compose import fee_text, time_text
from assistant.answers.labels import label
from assistant.answers.places import submission_place
from knowledge.chunks import source_label
from knowledge.model import Procedure


class CardDocument(BaseModel):
    id: str
    name: str = Field(description="In the card's language when a translation exists, else Vietnamese.")
    name_vi: str
    originals: int | None = None
    copies: int | None = None
    form: str | None = None
    show_only: bool = Field(False, description="Shown at the counter, not handed in.")
    alternative_group: str | None = Field(None, description="Documents sharing a group: one of them is enough.")
    case: str | None = Field(None, description="The case this document is for (Vietnamese, as published).")
    note: str | None = None


class CardChannel(BaseModel):
    kind: str
    label: str
    time: str
    fee: str
    text: str | None = Field(None, description="The curated translation's own words for time and fee, when any.")


class ProcedureCard(BaseModel):
    code: str
    language: str
    name: str
    name_vi: str
    translated: bool = Field(description="True when the name and documents come from a curated translation.")
    field: str | None = None
    levels: list[str] = Field(default_factory=list)
    summary: str = ""
    documents: list[CardDocument]
    document_notes: list[str] = Field(default_factory=list)
    channels: list[CardChannel]
    where_to_submit: str = ""
    where_to_submit_vi: str = ""
    online_url: str | None = None
    legal_basis: list[str] = Field(default_factory=list)
    steps: list[str] = Field(default_factory=list)
    source: str
    page_url: str


def build_card(p: Procedure, language: str) -> ProcedureCard:
    tr = p.translations.get(language) if language != "vi" else None
    place_vi = submission_place(p)[0]
    code = p.code or p.uid
    return ProcedureCard(
        code=code, language=language, name=p.name_in(language), name_vi=p.name, translated=tr is not None,
        field=p.field, levels=p.levels, summary=(tr.summary if tr and tr.summary else p.summary),
        documents=[CardDocument(id=c.id, name=p.component_name_in(c, language), name_vi=c.name,
                                originals=c.originals, copies=c.copies, form=c.form, show_only=c.group == "present",
                                alternative_group=c.alternative_group, case=c.case, note=c.note)
                   for c in p.components],
        document_notes=p.component_notes[:5],
        channels=[CardChannel(kind=ch.kind, label=label(language, ch.kind), time=time_text(ch, language),
                              fee=fee_text(ch, language), text=tr.channels.get(ch.kind) if tr else None)
                  for ch in p.channels],
        where_to_submit=(tr.where_to_submit if tr and tr.where_to_submit else place_vi), where_to_submit_vi=place_vi,
        online_url=p.provenance.url if p.provenance.url and p.provenance.url.startswith("https://") else None,
        legal_basis=[" ".join(x for x in (lb.number, lb.title) if x) or lb.source_text for lb in p.legal_basis],
        steps=[tr.steps_summary] if tr and tr.steps_summary else [s.text for s in p.steps[:12]],
        source=source_label(p), page_url=f"/p/{code}?language={language}",
    )
