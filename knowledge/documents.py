"""Document categories (``knowledge/documents/kinds.yaml``): the concrete documents that satisfy a component
which names a category ("giấy tờ tùy thân" -> "Căn cước công dân", "Hộ chiếu", ...)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

DOCUMENTS_DIR = Path(__file__).resolve().parent / "documents"


class DocumentKind(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str
    basis: str = Field(default="", description="The legal text the list comes from.")
    cues: list[str] = Field(min_length=1, description="Words that name the category in a component.")
    titles: list[str] = Field(min_length=1, description="Titles of the documents in the category.")
    prefixes: bool = Field(default=False, description="Titles are how the papers' titles begin ('QUYẾT ĐỊNH ...').")


@lru_cache(maxsize=4)
def load_document_kinds(folder: Path = DOCUMENTS_DIR) -> tuple[DocumentKind, ...]:
    """Every category in the YAML files of ``folder`` (bundled by default)."""
    kinds: list[DocumentKind] = []
    for path in sorted(folder.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        kinds.extend(DocumentKind.model_validate(item) for item in raw)
    return tuple(kinds)
