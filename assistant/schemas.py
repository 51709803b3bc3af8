"""Result shapes shared by the HTTP API and the command line (``--json`` prints the same objects)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.understanding.language import SUPPORTED


class SearchResult(BaseModel):
    procedure_code: str = Field(description="National code, or the record uid for local procedures without one.")
    procedure_name: str
    score: float
    section: str = Field(description="Section of the best-matching chunk (overview, components, channels, ...).")
    snippet: str
    source: str = Field(default="", description="Where the record comes from (file, page or record).")
    level: list[str] = Field(default_factory=list)


class SearchResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "query": "đăng ký thường trú cần giấy tờ gì",
                    "language": "vi",
                    "results": [
                        {
                            "procedure_code": "1.004222",
                            "procedure_name": "Đăng ký thường trú",
                            "score": 0.031,
                            "section": "components",
                            "snippet": "Tờ khai thay đổi thông tin cư trú (mẫu CT01) ...",
                            "source": "core/1.004222.yaml",
                            "level": ["Cấp xã"],
                        }
                    ],
                }
            ]
        }
    )

    query: str
    language: str
    results: list[SearchResult]


class ChatRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"message": "đăng ký kết hôn cần giấy tờ gì?", "session_id": None,
                                         "language": None, "channel": "kiosk"}]},
    )

    message: str = Field(min_length=1, max_length=2000)

    @field_validator("message")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("message is blank")
        return value
    session_id: str | None = Field(default=None, max_length=64)
    language: str | None = Field(default=None, max_length=8, description="Answer language (vi, en, ar, zh, ko); "
                                 "null detects it.")
    channel: Literal["kiosk", "staff", "api"] = "kiosk"

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        code = value.strip().lower()
        if code not in SUPPORTED:
            raise ValueError(f"language must be one of {', '.join(SUPPORTED)} (or null to detect it)")
        return code


class ProcedureRef(BaseModel):
    code: str
    name: str
    name_vi: str
    level: list[str] = Field(default_factory=list)
    field: str | None = None


class Candidate(BaseModel):
    code: str
    name: str
    name_vi: str = Field(default="", description="The official Vietnamese name (``name`` may be a translation).")
    score: float


class Citation(BaseModel):
    procedure_code: str
    section: str
    source: str
    snippet: str


class ChatResponse(BaseModel):
    session_id: str
    message_id: str
    language: str
    outcome: Literal["answered", "clarify", "out_of_scope", "no_match"]
    intent: str | None
    answer: str
    procedure: ProcedureRef | None = None
    candidates: list[Candidate] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    generated_by: Literal["composer", "llm"] = "composer"
    service: str | None = Field(None, description="With no_match: the question is about the service itself (a filed "
                                                  "dossier's status or return, office hours, logging in, a password, "
                                                  "safety advice, reporting an incident, fines, an emergency) and "
                                                  "`answer` says where its answer is.", examples=["status"])
