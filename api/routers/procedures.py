"""The structured procedure records."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from api.deps import RuntimeDep
from assistant.answers.card import ProcedureCard, build_card
from knowledge.chunks import public_file_name, source_file_label
from knowledge.text import fold, strip_diacritics

router = APIRouter(prefix="/api/v1/procedures", tags=["procedures"])
PAGE_SIZE = 20


def _plain(text: str) -> str:
    return strip_diacritics(fold(text))


@router.get("", summary="List procedures, filtered by text, field and level")
def list_procedures(
    runtime: RuntimeDep,
    q: Annotated[str | None, Query(max_length=200, description="Words in the name or code.")] = None,
    field: Annotated[str | None, Query(max_length=200)] = None,
    level: Annotated[str | None, Query(max_length=50, description="e.g. 'Cấp xã'.")] = None,
    agency: Annotated[str | None, Query(max_length=200, description="Words in the competent or implementing "
                                        "agency.")] = None,
    page: Annotated[int, Query(ge=1, le=10000)] = 1,
) -> dict[str, Any]:
    index = runtime.index()
    rows = [group[0] for group in index.by_code.values()]
    if q:
        needle = _plain(q)
        rows = [p for p in rows if needle in _plain(p.name) or needle in (p.code or "")]
    if field:
        rows = [p for p in rows if p.field and _plain(field) in _plain(p.field)]
    if level:
        rows = [p for p in rows if any(_plain(level) in _plain(lv) for lv in p.levels)]
    if agency:
        rows = [p for p in rows if _plain(agency) in _plain(f"{p.agencies.competent} {p.agencies.implementing}")]
    rows.sort(key=lambda p: p.code or p.uid)
    start = (page - 1) * PAGE_SIZE
    return {
        "total": len(rows), "page": page, "page_size": PAGE_SIZE,
        "items": [{"code": p.code or p.uid, "name": p.name, "field": p.field, "level": p.levels,
                   "source": p.provenance.source_kind} for p in rows[start : start + PAGE_SIZE]],
    }


@router.get("/{code}", summary="One procedure's structured record")
def get_procedure(
    code: str, runtime: RuntimeDep,
    language: Annotated[str | None, Query(max_length=8, description="Adds 'name_translated' when available.")] = None,
) -> dict[str, Any]:
    procedure = runtime.index().procedure(code)
    if procedure is None:
        raise HTTPException(status_code=404, detail=f"no procedure {code!r}")
    record = procedure.model_dump(mode="json", exclude={"source_sections"})
    record["provenance"]["source_file"] = public_file_name(procedure.provenance.source_file)  # no server folders
    if language:
        record["language"] = language
        record["name_translated"] = procedure.name_in(language)
    return record


@router.get("/{code}/card", response_model=ProcedureCard, summary="The answer card: documents, time, fee, place")
def get_card(code: str, runtime: RuntimeDep, language: Annotated[str, Query(max_length=8)] = "vi") -> ProcedureCard:
    """What a person needs to act, in ``language`` where a curated translation exists, with the official
    Vietnamese names beside (the kiosk's answer card, the printable page)."""
    procedure = runtime.index().procedure(code)
    if procedure is None:
        raise HTTPException(status_code=404, detail=f"no procedure {code!r}")
    return build_card(procedure, language)


@router.get("/{code}/source", summary="The source text of a section, as published")
def get_source(code: str, runtime: RuntimeDep,
               section: Annotated[str | None, Query(max_length=40)] = None) -> dict[str, Any]:
    """The text the record was parsed from (all sections, or one), with where it comes from: what a citation
    opens in the staff console."""
    procedure = runtime.index().procedure(code)
    if procedure is None:
        raise HTTPException(status_code=404, detail=f"no procedure {code!r}")
    sections, stored = procedure.source_sections, True
    if section is not None:
        if section in sections:
            sections = {section: sections[section]}
        else:  # records without their source text (the curated pack): the indexed text of that section
            indexed = [c.text for c in runtime.index().chunks_of(procedure.group_key)
                       if c.section == section and c.language == "vi" and c.procedure_uid == procedure.uid]
            if not indexed:
                raise HTTPException(status_code=404, detail=f"no section {section!r} in this record")
            sections, stored = {section: "\n\n".join(indexed)}, False
    # the file and line beside the act and the page, each shown on its own line of the staff console's dialog
    return {"code": procedure.code or procedure.uid, "source": source_file_label(procedure),
            "url": procedure.provenance.url, "decision": procedure.provenance.decision, "sections": sections,
            "as_published": stored}
