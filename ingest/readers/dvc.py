"""Reader for the National Public Service Portal export (dichvucong.gov.vn): JSON lines or a JSON array.

Each record is one procedure crawled from the portal, with its sections as run-together page text. The record is
re-cut into sections from ``raw_text`` (see ``dvc_sections``) and each section parsed by its own module.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from ingest.readers.base import ReadError, ReadItem
from ingest.readers.dvc_channels import parse_channels
from ingest.readers.dvc_components import parse_components
from ingest.readers.dvc_legal import parse_legal_basis
from ingest.readers.dvc_misc import (
    is_empty,
    parse_related,
    parse_requirements,
    parse_results,
    parse_steps,
    split_list,
)
from ingest.readers.dvc_sections import split_sections
from ingest.readers.fields import clean_text
from knowledge.model import Agencies, Procedure, Provenance, SourceKind

SUFFIXES = (".jsonl.gz", ".json.gz", ".jsonl", ".json")
#: Header fields kept verbatim in ``source_sections`` next to the body sections.
_HEADER_FIELDS = (
    "ten_thu_tuc",
    "ma_thu_tuc",
    "so_quyet_dinh",
    "cap_thuc_hien",
    "loai_thu_tuc",
    "linh_vuc",
    "doi_tuong_thuc_hien",
    "co_quan_co_tham_quyen",
    "co_quan_duoc_uy_quyen",
    "co_quan_phoi_hop",
    "dia_chi_tiep_nhan",
    "thu_tuc_lien_quan",
)
_PEEK_LIMITS = (1 << 16, 1 << 23)


def _open_text(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


def _text(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    return clean_text(value) if isinstance(value, str) else ""


def _agency(obj: dict[str, Any], key: str) -> str:
    return _informative(_text(obj, key))


def _informative(text: str) -> str:
    """``text`` cleaned, or '' when it says 'Không có thông tin'."""
    text = clean_text(text)
    return "" if is_empty(text) else text


def _first_record(path: Path) -> object:
    """The first record of a JSON-lines or JSON-array file (reads only as much as needed)."""
    for limit in _PEEK_LIMITS:
        with _open_text(path) as fh:
            head = fh.read(limit)
        text = head.lstrip("\ufeff \t\r\n")
        if not text:
            return None
        decoder = json.JSONDecoder()
        start = 1 if text.startswith("[") else 0
        while start < len(text) and text[start] in " \t\r\n":
            start += 1
        try:
            return decoder.raw_decode(text, start)[0]
        except json.JSONDecodeError:
            if len(head) < limit:
                return None
    return None


def _without_own_code(name: str, code: str) -> str:
    """The name without the record's own code repeated at its end ("Cấp giấy phép môi trường (cấp Tỉnh) ( 1.010727
    )" in ten of the national records): noise for a reader, and it kept the name from matching its other levels."""
    return re.sub(rf"\s*\(\s*{re.escape(code)}\s*\)\s*$", "", name) or name


def parse_record(obj: dict[str, Any], source_file: str, line_no: int) -> Procedure:
    """One export record -> ``Procedure``. Raises ``ValueError`` when the code or the name is missing."""
    code = _text(obj, "ma_thu_tuc")
    name = _text(obj, "ten_thu_tuc")
    if not code or not name:
        missing = " and ".join(k for k, v in (("ma_thu_tuc", code), ("ten_thu_tuc", name)) if not v)
        raise ValueError(f"missing {missing}")
    name = _without_own_code(name, code)
    sections = split_sections(obj)
    components, component_notes = parse_components(sections["thanh_phan_ho_so"])
    decision = _text(obj, "so_quyet_dinh") or None
    source_sections = {k: v for k in _HEADER_FIELDS if (v := str(obj.get(k) or "").strip())}
    source_sections.update({k: v for k, v in sections.items() if v})
    return Procedure(
        uid=f"dvc:{code}",
        code=code,
        name=name,
        decision_number=decision,
        levels=split_list(_text(obj, "cap_thuc_hien")),
        procedure_type=_text(obj, "loai_thu_tuc") or None,
        field=_text(obj, "linh_vuc") or None,
        agencies=Agencies(
            competent=_agency(obj, "co_quan_co_tham_quyen"),
            implementing=_informative(sections["co_quan_thuc_hien"]) or _agency(obj, "co_quan_thuc_hien"),
            authorized=_agency(obj, "co_quan_duoc_uy_quyen"),
            coordinating=_agency(obj, "co_quan_phoi_hop"),
        ),
        applicants=split_list(_text(obj, "doi_tuong_thuc_hien")),
        where_to_submit=_agency(obj, "dia_chi_tiep_nhan"),
        channels=parse_channels(sections["cach_thuc_thuc_hien"]),
        components=components,
        component_notes=component_notes,
        steps=parse_steps(sections["trinh_tu_thuc_hien"]),
        results=parse_results(sections["ket_qua_xu_ly"]),
        requirements=parse_requirements(sections["yeu_cau_dieu_kien"]),
        legal_basis=parse_legal_basis(sections["can_cu_phap_ly"]),
        related=parse_related(_text(obj, "thu_tuc_lien_quan")),
        provenance=Provenance(
            source_kind="dvc",
            source_file=source_file,
            record=f"line {line_no}",
            url=_text(obj, "detail_url") or None,
            decision=decision,
        ),
        source_sections=source_sections,
    )


def _item(obj: object, source: str, line_no: int) -> ReadItem:
    where = f"line {line_no}"
    if not isinstance(obj, dict):
        return ReadError(source=source, reason=f"not a JSON object ({type(obj).__name__})", record=where)
    try:
        return parse_record(obj, source, line_no)
    except (ValueError, ValidationError, TypeError) as exc:
        return ReadError(source=source, reason=str(exc).splitlines()[0], record=where)


class DvcReader:
    """Reads national-portal exports: ``.jsonl``/``.json`` (optionally gzipped) whose records have ``ma_thu_tuc``."""

    kind: SourceKind = "dvc"

    def can_read(self, path: Path) -> bool:
        if not path.is_file() or not path.name.lower().endswith(SUFFIXES):
            return False
        try:
            first = _first_record(path)
        except (OSError, UnicodeDecodeError, EOFError):
            return False
        return isinstance(first, dict) and "ma_thu_tuc" in first

    def read(self, path: Path) -> Iterator[ReadItem]:
        source = str(path)
        try:
            first = _first_record(path)
        except (OSError, UnicodeDecodeError, EOFError) as exc:
            yield ReadError(source=source, reason=f"cannot read: {exc}")
            return
        try:
            with _open_text(path) as fh:
                if first is not None and fh.read(1 << 12).lstrip("\ufeff \t\r\n").startswith("["):
                    yield from self._read_array(path, source)
                    return
            yield from self._read_lines(path, source)
        except (OSError, UnicodeDecodeError, EOFError) as exc:
            yield ReadError(source=source, reason=f"cannot read: {exc}")

    def _read_array(self, path: Path, source: str) -> Iterator[ReadItem]:
        with _open_text(path) as fh:
            try:
                records = json.load(fh)
            except json.JSONDecodeError as exc:
                yield ReadError(source=source, reason=f"invalid JSON: {exc.msg} (line {exc.lineno})")
                return
        for i, obj in enumerate(records if isinstance(records, list) else [records], start=1):
            yield _item(obj, source, i)

    def _read_lines(self, path: Path, source: str) -> Iterator[ReadItem]:
        with _open_text(path) as fh:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield ReadError(source=source, reason=f"invalid JSON: {exc.msg}", record=f"line {line_no}")
                    continue
                yield _item(obj, source, line_no)
