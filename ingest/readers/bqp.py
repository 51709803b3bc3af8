"""Reader for the Ministry of Defence structured export (``bqp-procedures-structured.jsonl.gz``).

One JSON object per line with ``metadata`` (code, name, decision, level, type, field), ``content`` (steps,
applicants, agencies, address, results, requirements, ...) and ``tables``: ``hinh_thuc_nop`` (channel, time,
fee, description), ``thanh_phan_ho_so`` (document name; ``so_luong`` holds the attached form file and ``ghi_chu``
the copy counts 'Bản chính: 1\\nBản sao: 0') and ``can_cu_phap_ly`` (number, title, date, issuing body).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from ingest.readers.base import ReadError, ReadItem
from ingest.readers.fields import (
    clean_text,
    find_form_code,
    parse_channel_kind,
    parse_duration,
    parse_fees,
    parse_quantity,
)
from ingest.readers.guide_components import is_empty
from ingest.readers.guide_sections import LAW_NUMBER_RE
from knowledge.model import (
    Agencies,
    Channel,
    Component,
    LegalBasis,
    Procedure,
    Provenance,
    Result,
    SourceKind,
    Step,
)

_NATIONAL_CODE_RE = re.compile(r"^[123]\.\d{6}$")
_DECISION_RE = re.compile(r"\d{1,5}/(?:\d{4}/)?QĐ-[A-Za-zĐđ0-9_-]+")
_STEP_SPLIT_RE = re.compile(r"(?=\bBước\s*\d+\s*[:.])")
_BULLET_RE = re.compile(r"^\s*(?:[-+•*–]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*)")
_FILE_RE = re.compile(r"\.(?:docx?|pdf|xlsx?|rtf|odt|zip)\b", re.IGNORECASE)
_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz")


class BqpReader:
    """Reads the Ministry of Defence JSONL export into procedures, one per line."""

    kind: SourceKind = "bqp"

    def can_read(self, path: Path) -> bool:
        """JSON(L) files whose first record has the export's ``metadata``/``tables`` shape (not a portal export)."""
        if not path.is_file() or not path.name.lower().endswith(_SUFFIXES):
            return False
        try:
            with _open(path) as handle:
                first = next((line for line in handle if line.strip()), "")
            record = json.loads(first)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, EOFError):
            return False
        return is_bqp_record(record)

    def read(self, path: Path) -> Iterator[ReadItem]:
        """Yield a ``Procedure`` per line, a ``ReadError`` per line that cannot be used."""
        try:
            with _open(path) as handle:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        yield _read_line(line, number, path)
        except (OSError, UnicodeDecodeError, EOFError) as exc:
            yield ReadError(source=str(path), reason=f"unreadable file: {type(exc).__name__}: {exc}")


def is_bqp_record(record: Any) -> bool:
    """True for a record of this export: ``metadata`` and ``tables`` objects and no portal ``ma_thu_tuc``."""
    return (
        isinstance(record, dict)
        and isinstance(record.get("metadata"), dict)
        and isinstance(record.get("tables"), dict)
        and "ma_thu_tuc" not in record
    )


def _open(path: Path) -> IO[str]:
    """The file as text, decompressed when it ends with .gz."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _read_line(line: str, number: int, path: Path) -> Procedure | ReadError:
    """One line as a ``Procedure``, or a ``ReadError`` naming the line or the code."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(source=str(path), reason=f"invalid JSON: {exc}", record=f"line {number}")
    if not is_bqp_record(record):
        return ReadError(source=str(path), reason="not a structured export record", record=f"line {number}")
    try:
        return to_procedure(record, path.name, number)
    except (ValidationError, ValueError, TypeError, AttributeError) as exc:
        label = str(record["metadata"].get("mã_thủ_tục") or f"line {number}")
        return ReadError(source=str(path), reason=f"{type(exc).__name__}: {exc}", record=label)


def _text(value: Any) -> str:
    """A cleaned string value; 'no information' placeholders become ''."""
    text = clean_text(str(value)) if value is not None else ""
    return "" if is_empty(text) else text


def _lines(value: Any) -> list[str]:
    """Non-empty lines of a multi-line value without their bullets."""
    out = [clean_text(_BULLET_RE.sub("", part)) for part in str(value or "").split("\n")]
    return [t for t in out if t and not is_empty(t)]


def to_procedure(record: dict[str, Any], source_file: str, number: int = 0) -> Procedure:
    """Map one export record onto the model."""
    meta, content, tables = record["metadata"], record.get("content") or {}, record["tables"]
    raw_code = _text(meta.get("mã_thủ_tục") or record.get("thu_tuc_id"))
    code = raw_code if _NATIONAL_CODE_RE.match(raw_code) else None
    name = _text(meta.get("tên_thủ_tục")) or raw_code or f"line {number}"
    local_id = raw_code or hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    decision_text = _text(meta.get("số_quyết_định"))
    found = _DECISION_RE.search(decision_text)
    decision = found.group(0) if found else decision_text or None
    return Procedure(
        uid=f"bqp:{local_id}",
        code=code,
        name=name,
        decision_number=decision,
        levels=[p.strip() for p in _text(meta.get("cấp_thực_hiện")).split(",") if p.strip()],
        procedure_type=_text(meta.get("loại_thủ_tục")) or None,
        field=_text(meta.get("lĩnh_vực")) or None,
        agencies=Agencies(
            implementing=_text(content.get("cơ_quan_thực_hiện")),
            competent=_text(content.get("cơ_quan_có_thẩm_quyền")),
            authorized=_text(content.get("cơ_quan_được_ủy_quyền")),
            coordinating=_text(content.get("cơ_quan_phối_hợp")),
        ),
        applicants=_applicants(content.get("đối_tượng_thực_hiện")),
        where_to_submit=_text(content.get("địa_chỉ_tiếp_nhận_hs")),
        summary=_text(content.get("mô_tả")),
        channels=[_channel(row) for row in tables.get("hinh_thuc_nop") or [] if _text(row.get("hinh_thuc"))],
        components=_components(tables.get("thanh_phan_ho_so") or []),
        steps=_steps(content.get("trình_tự_thực_hiện")),
        results=[Result(name=t, code=find_form_code(t)) for t in _lines(content.get("kết_quả_thực_hiện"))],
        requirements=_lines(content.get("yêu_cầu_điều_kiện_thực_hiện")),
        legal_basis=[_legal(row) for row in tables.get("can_cu_phap_ly") or [] if any(row.values())],
        provenance=Provenance(
            source_kind="bqp", source_file=source_file, record=raw_code or f"line {number}", decision=decision
        ),
        source_sections={k: str(v) for k, v in {**meta, **content}.items() if _text(v)},
    )


def _applicants(value: Any) -> list[str]:
    """Applicant groups split at commas (not those inside brackets) or lines."""
    text = _text(value)
    parts = re.split(r",\s*(?![^()]*\))", text) if "\n" not in text else _lines(text)
    return [p.strip(" .;") for p in parts if p.strip(" .;")]


def _steps(value: Any) -> list[Step]:
    """Steps split at 'Bước n:' (or at line breaks when there are none)."""
    text = str(value or "").strip()
    if is_empty(text):
        return []
    parts = _STEP_SPLIT_RE.split(text) if _STEP_SPLIT_RE.search(text) else text.split("\n")
    texts = [clean_text(re.sub(r"^Bước\s*\d+\s*[:.]\s*", "", p)).rstrip(" ;") for p in parts]
    return [Step(order=n, text=t) for n, t in enumerate((t for t in texts if t), start=1)]


def _channel(row: dict[str, Any]) -> Channel:
    """A channel from a ``hinh_thuc_nop`` row: kind, time, fees and description."""
    label = _text(row.get("hinh_thuc"))
    time_text = clean_text(str(row.get("thoi_han_giai_quyet") or ""))
    fee_text = str(row.get("phi_le_phi") or "").strip()
    return Channel(
        kind=parse_channel_kind(label),
        label=label,
        time=parse_duration(time_text) if time_text else None,
        fees=parse_fees(fee_text) if fee_text else [],
        description=_text(row.get("mo_ta")),
    )


def _components(rows: list[dict[str, Any]]) -> list[Component]:
    """Components from ``thanh_phan_ho_so`` rows: counts from ``ghi_chu``, attached form files as notes."""
    components: list[Component] = []
    for row in rows:
        raw_name = str(row.get("ten_giay_to") or "")
        name = clean_text(_BULLET_RE.sub("", raw_name)).rstrip(" ;,.")
        if not name:
            continue
        counts = clean_text(str(row.get("ghi_chu") or ""))
        attached = clean_text(str(row.get("so_luong") or ""))
        if attached and not _FILE_RE.search(attached):  # a count written in the 'so_luong' column
            counts, attached = clean_text(f"{attached} {counts}"), ""
        originals, copies = parse_quantity(counts)
        components.append(
            Component(
                id=f"c{len(components) + 1}",
                name=name,
                originals=originals,
                copies=copies,
                quantity_text=counts,
                form=find_form_code(name),
                group="present" if re.match(r"(?:thành phần hồ sơ phải )?xuất trình", name, re.I) else "submit",
                note=f"Mẫu đính kèm: {attached}" if attached else None,
                source_text=raw_name,
            )
        )
    return components


def _legal(row: dict[str, Any]) -> LegalBasis:
    """A legal basis row; the number is taken from the title when the number column is incomplete."""
    number_text, title = _text(row.get("so_ky_hieu")), _text(row.get("trich_yeu"))
    if "/" in number_text:
        number: str | None = re.sub(r"^\D+", "", number_text)
    else:
        found = LAW_NUMBER_RE.search(title)
        number = found.group(0) if found else number_text or None
    fields = (row.get(k) for k in ("so_ky_hieu", "trich_yeu", "ngay_ban_hanh", "co_quan_ban_hanh"))
    source = " | ".join(clean_text(str(v)) for v in fields if v)
    return LegalBasis(number=number, title=title or number_text, source_text=source)
