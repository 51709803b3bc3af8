"""Schema of the curated knowledge pack (one YAML file per procedure).

The format is documented in ``knowledge/packs/README.md``; ``motcua pack schema`` prints the JSON Schema.
A pack file is the hand-checked Vietnamese record plus hand-written translations.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from knowledge.model import Agencies, Channel, Component, LegalBasis, Result, Translation

CODE_RE = re.compile(r"^\d\.\d{6}$")
#: Languages every pack record must be translated into.
PACK_LANGUAGES: tuple[str, ...] = ("en", "ar")
PACK_MARKER = "pack.yaml"


class PackProcedure(BaseModel):
    """One procedure of the curated pack."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(description="National procedure code, e.g. '1.004222'.")
    name: str = Field(description="Official Vietnamese name exactly as published.")
    decision_number: str = Field(description="Decision that published the procedure, e.g. '1523/QĐ-BCA-C06'.")
    verified_on: dt.date = Field(description="Date every fact was checked against the national record.")
    source: str = Field(default="dvc-procedures.jsonl.gz", description="Where the facts were checked.")
    source_url: str | None = Field(None, pattern=r"^https://\S+$",
                                   description="The procedure's published page (the national portal's record), cited"
                                               " with the decision.")
    levels: list[str] = Field(min_length=1)
    procedure_type: str | None = None
    field: str
    agencies: Agencies
    applicants: list[str] = Field(default_factory=list)
    where_to_submit: str = Field(min_length=1)
    summary: str = Field(min_length=1, description="Plain-words Vietnamese summary for citizens.")
    channels: list[Channel] = Field(min_length=1)
    components: list[Component] = Field(default_factory=list)
    component_notes: list[str] = Field(default_factory=list)
    steps: list[str] = Field(min_length=1)
    results: list[Result] = Field(default_factory=list)
    requirements: list[str] = Field(default_factory=list)
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    validity: str | None = None
    aliases: list[str] = Field(default_factory=list)
    shared_aliases: list[str] = Field(
        default_factory=list, description="Aliases deliberately shared with other procedures."
    )
    translations: dict[str, Translation]

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not CODE_RE.match(value):
            raise ValueError(f"code {value!r} is not of the form 1.234567")
        return value

    @field_validator("translations")
    @classmethod
    def _all_languages(cls, value: dict[str, Translation]) -> dict[str, Translation]:
        missing = [lang for lang in PACK_LANGUAGES if lang not in value]
        if missing:
            raise ValueError(f"missing translations: {', '.join(missing)}")
        return value


class PackManifest(BaseModel):
    """``pack.yaml``: what the pack is and which procedures it must contain."""

    name: str
    title: str = ""
    description: str = ""
    languages: list[str] = Field(default_factory=lambda: ["vi", *PACK_LANGUAGES])
    procedures: list[str] = Field(default_factory=list, description="Codes the pack must contain.")


def bundled_pack_dir(name: str = "core") -> Path:
    """The pack shipped inside the ``knowledge`` package."""
    return Path(__file__).resolve().parent / "packs" / name


def pack_files(path: Path) -> list[Path]:
    """Procedure files of a pack folder (or the single file given)."""
    if path.is_file():
        return [path]
    folder = path / "procedures" if (path / "procedures").is_dir() else path
    return sorted(folder.glob("*.yaml"))


def load_pack_manifest(path: Path) -> PackManifest:
    return PackManifest.model_validate(yaml.safe_load((path / PACK_MARKER).read_text("utf-8")))


def load_pack_entry(path: Path) -> PackProcedure:
    """Parse and validate one pack file; raises ``ValueError`` naming the problem."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError("expected a mapping at the top level")
    try:
        return PackProcedure.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
        raise ValueError(problems) from exc
