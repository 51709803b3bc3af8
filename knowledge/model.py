"""The procedure record: what a citizen and a clerk need to know about one administrative procedure.

Every parsed value keeps the original text it came from (``text`` / ``source_text`` fields and
``Procedure.source_sections``), so a wrong parse never loses information.
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ChannelKind = Literal["in_person", "online", "postal", "other"]
ComponentGroup = Literal["submit", "present"]
TimeUnit = Literal["working_day", "day", "month", "year", "hour", "minute", "week"]
FeeUnit = Literal["per_case", "per_page", "per_copy", "per_document", "per_person", "per_year", "other"]
SourceKind = Literal["pack", "dvc", "bqp", "pdf", "docx"]

#: Languages with hand-written translations in the curated pack and labels in answers.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("vi", "en", "ar")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Duration(_Model):
    """A processing time: parsed value and unit next to the original text."""

    value: float | None = None
    value_max: float | None = Field(default=None, description="Upper bound when the text gives a range.")
    unit: TimeUnit | None = None
    text: str = ""


class Fee(_Model):
    """One fee or charge. ``amount_vnd`` is set only where the text states a number."""

    name: str | None = Field(default=None, description="e.g. 'Lệ phí', 'Phí thẩm định'.")
    amount_vnd: int | None = None
    unit: FeeUnit | None = None
    text: str = ""
    exemptions: str | None = None
    free: bool = Field(default=False, description="True when the text says no fee is charged.")


class Channel(_Model):
    """A way to submit the dossier with its processing time and fees."""

    kind: ChannelKind
    label: str = Field(default="", description="The channel name as published, e.g. 'Trực tiếp'.")
    time: Duration | None = None
    fees: list[Fee] = Field(default_factory=list)
    description: str = ""


class Component(_Model):
    """One document of the dossier."""

    id: str
    name: str
    originals: int | None = None
    copies: int | None = None
    quantity_text: str = ""
    form: str | None = Field(default=None, description="Form template code where named, e.g. 'CT01'.")
    group: ComponentGroup = "submit"
    case: str | None = Field(default=None, description="The case or condition this component applies to.")
    alternative_group: str | None = Field(
        default=None, description="Components sharing this key are alternatives: one of them suffices."
    )
    note: str | None = None
    source_text: str = ""


class Step(_Model):
    order: int
    text: str


class LegalBasis(_Model):
    number: str | None = Field(default=None, description="Instrument number, e.g. '68/2020/QH14'.")
    title: str = ""
    source_text: str = ""


class Result(_Model):
    name: str
    code: str | None = None


class Provenance(_Model):
    source_kind: SourceKind
    source_file: str
    record: str | None = Field(default=None, description="Record id, line number or URL within the source.")
    url: str | None = None
    page_start: int | None = None
    page_end: int | None = None
    decision: str | None = None
    verified_on: str | None = None


class Translation(_Model):
    """Hand-written text of a record in another language (from the curated pack)."""

    name: str
    summary: str = ""
    components: dict[str, str] = Field(default_factory=dict, description="Component id -> translated name.")
    channels: dict[str, str] = Field(default_factory=dict, description="Channel kind -> time/fee text.")
    steps_summary: str = ""
    where_to_submit: str = ""
    aliases: list[str] = Field(default_factory=list)


class Agencies(_Model):
    competent: str = ""
    implementing: str = ""
    authorized: str = ""
    coordinating: str = ""


class Procedure(_Model):
    """A structured administrative procedure."""

    uid: str = Field(description="Unique key in the index: '<source kind>:<code or local id>'.")
    code: str | None = Field(default=None, description="National procedure code, e.g. '1.004222'.")
    name: str
    decision_number: str | None = None
    levels: list[str] = Field(default_factory=list)
    procedure_type: str | None = None
    field: str | None = None
    agencies: Agencies = Field(default_factory=Agencies)
    applicants: list[str] = Field(default_factory=list)
    where_to_submit: str = ""
    summary: str = ""
    channels: list[Channel] = Field(default_factory=list)
    components: list[Component] = Field(default_factory=list)
    component_notes: list[str] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    results: list[Result] = Field(default_factory=list)
    requirements: list[str] = Field(default_factory=list)
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    validity: str | None = None
    aliases: list[str] = Field(default_factory=list)
    translations: dict[str, Translation] = Field(default_factory=dict)
    rendered_names: dict[str, str] = Field(
        default_factory=dict, exclude=True,
        description="Word-by-word glossary renderings of the name, marked as such, for languages without a "
        "translation (made when the index is loaded; never stored)."
    )
    provenance: Provenance
    source_sections: dict[str, str] = Field(
        default_factory=dict, description="Original text of each section as found in the source."
    )

    @property
    def group_key(self) -> str:
        """Records of one procedure from several sources share this key."""
        return self.code or self.uid

    def content_hash(self) -> str:
        """Stable hash of the record content, used to skip unchanged records on re-ingest."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]

    def name_in(self, language: str) -> str:
        """The procedure name in ``language``: translated, else rendered from the glossary (marked), else the
        Vietnamese name."""
        tr = self.translations.get(language)
        if tr:
            return tr.name
        return self.rendered_names.get(language, self.name) if language != "vi" else self.name

    def component_name_in(self, component: Component, language: str) -> str:
        tr = self.translations.get(language)
        if tr and component.id in tr.components:
            return tr.components[component.id]
        return component.name


#: Priority when several sources describe the same procedure code: the curated pack wins.
SOURCE_PRIORITY: dict[str, int] = {"pack": 0, "dvc": 1, "bqp": 2, "pdf": 3, "docx": 3}
