"""Turning the sections of a procedure guide (PDF or DOCX) into ``Procedure`` records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from ingest.readers.base import ReadError
from ingest.readers.fields import clean_text, find_form_code, parse_channel_kind, parse_duration, parse_fees
from ingest.readers.guide_components import (
    build_components,
    build_legal_basis,
    build_steps,
    flatten,
    is_empty,
)
from ingest.readers.guide_sections import Item, Line, RawProcedure, items_text, parse_items, split_procedures
from knowledge.model import (
    Agencies,
    Channel,
    Component,
    Duration,
    Fee,
    Procedure,
    Provenance,
    Result,
    SourceKind,
)

_NATIONAL_CODE_RE = re.compile(r"(?<![\d.])([123]\.\d{6})(?!\d)")
_DECISION_RE = re.compile(r"\b\d{1,5}/(?:\d{4}/)?QĐ-[A-Za-zĐđ0-9_-]+")
_CHANNEL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Trực tiếp", re.compile(r"trực tiếp|nộp (?:hồ sơ )?tại|tại bộ phận|tại quầy|một cửa", re.IGNORECASE)),
    ("Trực tuyến", re.compile(r"trực tuyến|dịch vụ công|qua mạng|điện tử|https?://|toàn trình|một phần", re.I)),
    ("Dịch vụ bưu chính", re.compile(r"bưu chính|bưu điện", re.IGNORECASE)),
)
_CHANNEL_ORDER = {"Trực tiếp": 0, "Trực tuyến": 1, "Dịch vụ bưu chính": 2, "": 3}
_CHANNEL_WORDS = r"(trực tiếp|trực tuyến|dịch vụ bưu chính|bưu chính|bưu điện)"
_CHANNEL_TIME_RE = re.compile(rf"^(?:nộp\s+(?:hồ sơ\s+)?|qua\s+)?{_CHANNEL_WORDS}\s*[:\-–]", re.IGNORECASE)
_CHANNEL_TIME_TAIL_RE = re.compile(rf"\((?:nộp\s+)?{_CHANNEL_WORDS}\)\s*[.;]?$", re.IGNORECASE)
_RESULT_RE = re.compile(r"(?:trả|nhận|trả lại)\s+kết quả", re.IGNORECASE)
_OFFICE_RE = re.compile(r"tiếp nhận (?:hồ sơ )?và trả kết quả", re.IGNORECASE)
_NOT_A_FEE_RE = re.compile(r"^(?:văn bản quy định|(?:phí, )?lệ phí mô tả|mô tả)", re.IGNORECASE)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;)]")
_NO_ONLINE_RE = re.compile(r"không\b|mức (?:độ )?[12]\b", re.IGNORECASE)
_UNKNOWN_RE = re.compile(r"^\(?\s*(?:không|chưa) có thông tin|^\(?\s*chưa cập nhật", re.IGNORECASE)


def build_procedures(lines: Iterable[Line], path: Path, kind: SourceKind,
                     width: int | None) -> Iterator[Procedure | ReadError]:
    """One ``Procedure`` per ``THỦ TỤC n`` block of ``lines``; a block that fails becomes a ``ReadError``.

    ``width`` is the wrap width of PDF text (wrapped lines are joined); None for DOCX, where lines are paragraphs.
    """
    seen: set[str] = set()
    for raw in split_procedures(lines, wrapped=width is not None):
        uid = f"{kind}:{path.stem}:{raw.number}"
        suffix = 2
        while uid in seen:
            uid, suffix = f"{kind}:{path.stem}:{raw.number}-{suffix}", suffix + 1
        seen.add(uid)
        try:
            yield GuideBuilder(raw, width).build(uid, path, kind)
        except (ValidationError, ValueError, LookupError, TypeError, AttributeError) as exc:
            # one odd block must not stop the file: report it by its heading and go on
            yield ReadError(source=str(path), reason=f"{type(exc).__name__}: {exc}", record=f"THỦ TỤC {raw.number}")


class GuideBuilder:
    """Maps the labelled sections of one raw procedure onto the model."""

    def __init__(self, raw: RawProcedure, width: int | None) -> None:
        """``width``: the wrap width of PDF text, None for DOCX paragraphs."""
        self.raw = raw
        self.width = width

    def items(self, *keys: str, law_rows: bool = False) -> list[Item]:
        """The list items of the sections with ``keys``."""
        lines = [line for section in self.raw.get(*keys) for line in section.lines]
        return parse_items(lines, self.width, law_rows)

    def texts(self, *keys: str) -> list[str]:
        """Section items as clean texts, 'no information' values dropped."""
        texts = [clean_text(t) for t in flatten(self.items(*keys))]
        return [t for t in texts if t and not is_empty(t)]

    def text(self, *keys: str, sep: str = "; ") -> str:
        """The section texts joined by ``sep``."""
        return sep.join(self.texts(*keys))

    def build(self, uid: str, path: Path, kind: SourceKind) -> Procedure:
        """The ``Procedure`` record of this block."""
        raw = self.raw
        code_text = items_text(self.items("code"))
        decision = _first(_DECISION_RE, items_text(self.items("decision", "code")))
        name = clean_text(raw.name) or self.text("name") or f"THỦ TỤC {raw.number}"
        components, notes = self.components()
        level_text, _, type_tail = self.text("level").partition("Loại thủ tục")
        return Procedure(
            uid=uid,
            code=_first(_NATIONAL_CODE_RE, code_text),
            name=name,
            decision_number=decision,
            levels=[p.strip() for p in re.split(r"[,;/]| và ", level_text) if p.strip()],
            procedure_type=self.text("type") or clean_text(type_tail.strip(" :")) or None,
            field=next(iter(self.texts("field")), None),
            agencies=Agencies(
                implementing=self.text("agency"), competent=self.text("competent"),
                authorized=self.text("authorized"), coordinating=self.text("coordinating"),
            ),
            applicants=self.applicants(),
            where_to_submit=self.text("address"),
            summary=self.text("description", sep="\n"),
            channels=self.channels(),
            components=components,
            component_notes=notes,
            steps=build_steps(self.items("steps")),
            results=[Result(name=t, code=find_form_code(t)) for t in self.texts("results")],
            requirements=self.texts("requirements"),
            legal_basis=build_legal_basis(self.items("legal", law_rows=True)),
            validity=next((t.rstrip(".") for t in self.texts("validity")), None),
            aliases=[a for a in self.texts("name")[:1] if a.lower() != name.lower()],
            provenance=Provenance(
                source_kind=kind, source_file=path.name, record=f"THỦ TỤC {raw.number}",
                page_start=raw.loc_start, page_end=raw.loc_end, decision=decision,
            ),
            source_sections=self.source_sections(),
        )

    def applicants(self) -> list[str]:
        """Applicant groups; a single comma-separated line is split (commas inside brackets kept)."""
        texts = self.texts("applicants")
        if len(texts) == 1 and "\n" not in texts[0]:
            parts = re.split(r",\s*(?![^()]*\))(?=[A-ZĐÀ-Ỹ])", texts[0])
            return [p.strip(" .;") for p in parts if p.strip(" .;")]
        return texts

    def components(self) -> tuple[list[Component], list[str]]:
        """Documents to submit and to show, and the notes about the dossier (count of sets, attachments)."""
        # Without a 'Thành phần hồ sơ' section some guides list the documents under 'Mẫu đơn, tờ khai'.
        source = "components" if self.raw.get("components") else "forms"
        components, notes = build_components(self.items(source), "submit")
        shown, shown_notes = build_components(self.items("present"), "present", start=len(components) + 1)
        notes = notes + shown_notes
        quantity = self.text("quantity")
        if quantity:
            notes.append(f"Số lượng hồ sơ: {quantity}")
        notes += [f"Tài liệu đính kèm: {url}" for url in _URL_RE.findall(self.text("forms", sep="\n"))]
        return components + shown, notes

    def channels(self) -> list[Channel]:
        """Submission channels named in the guide, each with its processing time and the fees."""
        labels = _channel_labels(self.submission_text("channels"), self.text("online", sep="\n"))
        if not labels:
            labels = _channel_labels(self.submission_text("steps"), "")
        own_times = self.channel_times()
        labels += [label for label in own_times if label not in labels]
        duration = self.duration()
        fees = self.fees()
        if not labels and (duration is not None or fees):
            labels = [""]
        return [
            Channel(kind=parse_channel_kind(label) if label else "other", label=label,
                    time=own_times.get(label, duration), fees=list(fees))
            for label in sorted(labels, key=lambda label: _CHANNEL_ORDER.get(label, 3))
        ]

    def submission_text(self, key: str) -> str:
        """Sentences of a section about handing in the dossier (those about collecting the result left out)."""
        sentences = re.split(r"(?<=[.;])\s+|\n", self.text(key, sep="\n"))
        return "\n".join(s for s in sentences if not _RESULT_RE.search(_OFFICE_RE.sub("", s)))

    def channel_times(self) -> dict[str, Duration]:
        """Times the guide gives per channel ('Trực tuyến: 03 ngày làm việc')."""
        times: dict[str, Duration] = {}
        for text in self.texts("time"):
            m = _CHANNEL_TIME_RE.match(text) or _CHANNEL_TIME_TAIL_RE.search(text)
            if not m:
                continue
            label = _channel_labels(m.group(1), "")
            parsed = parse_duration(text)
            if label and parsed is not None:
                times.setdefault(label[0], parsed)
        return times

    def duration(self) -> Duration | None:
        """The processing time of the procedure (from the fee description when the time field says nothing)."""
        for keys in (("time",), ("fee_desc",)):
            text = self.text(*keys, sep="\n")
            if text and not _UNKNOWN_RE.match(text):
                parsed = parse_duration(text)
                if parsed is not None:
                    return parsed
        return None

    def fees(self) -> list[Fee]:
        """Fees from the 'Lệ phí' and 'Phí' fields, named after the field when the text does not name them."""
        fees: list[Fee] = []
        for key, name in (("fee", "Lệ phí"), ("charge", "Phí")):
            text = "\n".join(clean_text(t) for t in flatten(self.items(key)))
            if not text or _UNKNOWN_RE.match(text) or _NOT_A_FEE_RE.match(text):
                continue
            fees += [f if f.name else f.model_copy(update={"name": name}) for f in parse_fees(text)]
        return fees

    def source_sections(self) -> dict[str, str]:
        """Each section's text with wrapped lines joined, keyed by canonical section key."""
        out: dict[str, str] = {}
        for section in self.raw.sections:
            text = items_text(parse_items(section.lines, self.width, section.key == "legal"))
            if text:
                out[section.key] = f"{out[section.key]}\n{text}" if section.key in out else text
        return out


def _channel_labels(channel_text: str, online_text: str) -> list[str]:
    """Channel labels named in a text; an online level that is not 'no'/level 1-2 adds 'Trực tuyến'."""
    labels = [label for label, cue in _CHANNEL_CUES if cue.search(channel_text)]
    if online_text and not _NO_ONLINE_RE.search(online_text) and "Trực tuyến" not in labels:
        labels.append("Trực tuyến")
    return labels


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    """The first match of ``pattern`` (its last group, if any) or None."""
    m = pattern.search(text)
    return m.group(m.lastindex or 0) if m else None
