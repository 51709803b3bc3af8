"""Request and response shapes of the dossier completeness check (``POST /api/v1/dossiers/check``).

The names in ``../shared/CONTRACT.md`` are kept as written; fields beyond them are additions.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ComponentStatus = Literal["present", "missing", "uncertain", "not_applicable"]
SubmissionChannel = Literal["in_person", "online", "postal"]
RequestChannel = Literal["kiosk", "staff", "api"]
WarningKind = Literal["name_mismatch", "birth_date_mismatch", "id_mismatch", "id_structure", "unreadable_pages",
                      "case_undetermined", "check_value"]


class DeclaredDocument(BaseModel):
    """A document the citizen holds, named (and optionally transcribed) instead of uploaded."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=500, description="What the document is, e.g. 'Giấy chứng sinh'.")
    text: str = Field(default="", max_length=200_000, description="Its text, when known (OCR'd elsewhere, typed).")


class DossierCheckRequest(BaseModel):
    """The JSON variant: declared documents instead of files (kiosks, integrations)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{
            "procedure_code": "1.001193", "language": "vi",
            "documents": [{"name": "Tờ khai đăng ký khai sinh", "text": ""}, {"name": "Giấy chứng sinh", "text": ""}],
        }]},
    )

    procedure_code: str = Field(min_length=1, max_length=64)
    language: str | None = Field(default="vi", max_length=8, description="Summary language: vi, en, ar, zh, ko.")
    documents: list[DeclaredDocument] = Field(default_factory=list, max_length=100)
    submission: SubmissionChannel = Field(
        default="in_person", description="How the dossier is submitted; decides which form variant is required."
    )
    channel: RequestChannel = Field(default="api", description="Where the check comes from (for the statistics).")
    cases: list[str] = Field(
        default_factory=list, max_length=20,
        description="Cases that apply, as words ('ủy quyền', 'người nước ngoài') or component ids ('c5').",
    )


class Evidence(BaseModel):
    """Where a decision comes from: the file (as the client named it), its page, the words that matched."""

    file: str
    page: int | None = Field(default=None, description="1-based page in the file; null for declared documents.")
    snippet: str = Field(description="The matched words (personal numbers redacted).")
    score: float = Field(ge=0, le=1)
    via: str | None = Field(default=None, description="What matched: a form code, a name, a category, ...")


class ComponentResult(BaseModel):
    id: str
    name: str = Field(description="The component in the requested language.")
    name_vi: str = Field(description="The official Vietnamese name, to show the clerk.")
    required: bool
    condition: str | None = None
    status: ComponentStatus
    show_only: bool = Field(default=False, description="Shown at the counter, not handed in: never 'missing'.")
    alternative_group: str | None = Field(default=None, description="Components sharing it: one of them suffices.")
    alternatives_vi: list[str] = Field(default_factory=list,
                                       description="Official names of the papers that may replace this one here.")
    form: str | None = None
    originals: int | None = None
    copies: int | None = None
    reason: str = Field(default="", description="Why this status, in the requested language.")
    evidence: list[Evidence] = Field(default_factory=list)


class UnmatchedFile(BaseModel):
    file: str
    page: int | None = None
    reason: str


class DossierWarning(BaseModel):
    kind: WarningKind
    message: str
    evidence: list[Evidence] = Field(default_factory=list)


class ReadingReport(BaseModel):
    """How each file was read (no content)."""

    file: str
    kind: str = Field(description="Type decided from the content: pdf, png, jpeg, tiff, heic, docx, text, declared.")
    pages: int
    ocr_pages: int = 0
    unread_pages: int = Field(default=0, description="Scanned pages that could not be read (no OCR engine).")
    documents: int = Field(default=0, description="Documents found in the file.")


class DossierCheckResult(BaseModel):
    procedure_code: str
    procedure_name: str
    procedure_name_vi: str
    language: str
    submission: SubmissionChannel = "in_person"
    complete: bool
    verdict: Literal["complete", "incomplete", "uncertain"]
    components: list[ComponentResult]
    missing: list[str] = Field(description="Names of the missing components (requested language).")
    unmatched_files: list[UnmatchedFile]
    warnings: list[DossierWarning]
    summary: str
    files: list[ReadingReport] = Field(default_factory=list)
    pages: int = 0
    ocr_pages: int = 0
    duration_ms: int = 0


class SupplementFormRequest(BaseModel):
    """What the printed request to supplement a dossier (Form 02, Circular 01/2018/TT-VPCP) needs besides the check.

    Personal fields are printed only; nothing here is stored.
    """

    model_config = ConfigDict(extra="forbid")

    check: DossierCheckResult
    receiving_unit: str = Field(default="", max_length=300, description="e.g. 'Bộ phận Một cửa UBND phường Cửa Nam'.")
    agency_line1: str = Field(default="", max_length=200, description="Header, left, first line (the parent body).")
    agency_line2: str = Field(default="", max_length=200, description="Header, left, second line (the unit).")
    place: str = Field(default="", max_length=100, description="Place name before the date.")
    applicant: str = Field(default="", max_length=200)
    address: str = Field(default="", max_length=300)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=120)
    officer: str = Field(default="", max_length=120, description="The officer who guides the applicant.")
    unit_phone: str = Field(default="", max_length=40)
    website: str = Field(default="", max_length=200)
    date: str | None = Field(default=None, description="ISO date printed on the form; today when absent.")
