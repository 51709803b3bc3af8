"""Result shapes shared by the HTTP API and the command line (``--json`` prints the same objects)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


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
