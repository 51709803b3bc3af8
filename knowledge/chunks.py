"""Section-aware chunks of a procedure record, the unit both indexes store.

Each chunk carries the procedure uid and code, the section, the language and where in the source it came from,
so that a retrieved chunk can be cited. Long sections are split at item boundaries; every piece repeats the
procedure name so that it stands on its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from knowledge.model import Channel, Procedure, Translation

SECTIONS: tuple[str, ...] = ("overview", "components", "steps", "channels", "requirements", "legal_basis", "results")
#: What the dense index embeds: the overview of every record in every language, plus the first piece of the
#: components and steps of hand-written translations. Every chunk is in the lexical index. Embedding every section
#: of 2,642 national records would exceed the 5-minute ingest budget on a 2-core CPU, and the bundled MiniLM model
#: adds little on long Vietnamese section text (measured: see README).
DENSE_SECTIONS: frozenset[str] = frozenset({"overview"})
TRANSLATED_DENSE_SECTIONS: frozenset[str] = frozenset({"overview", "components", "steps"})
MAX_CHUNK_CHARS = 1200


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    procedure_uid: str
    procedure_code: str | None
    section: str
    language: str
    text: str
    source: str
    page: int | None = None

    @property
    def dense(self) -> bool:
        """Whether this chunk is embedded in the dense index."""
        sections = DENSE_SECTIONS if self.language == "vi" else TRANSLATED_DENSE_SECTIONS
        return self.section in sections and self.chunk_id.endswith(":0")

    @property
    def text_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def source_label(procedure: Procedure) -> str:
    """Human-readable citation of where a record comes from: the deciding act and the published page where the
    source gives one ("163/QĐ-BTP · https://dichvucong.gov.vn/..."); otherwise the file (``source_file_label``)
    and the act."""
    prov = procedure.provenance
    decision = prov.decision or procedure.decision_number
    if prov.url:
        return " · ".join(part for part in (decision, prov.url) if part)
    label = source_file_label(procedure)
    return f"{label} · {decision}" if decision else label


def source_file_label(procedure: Procedure) -> str:
    """The file a record was read from, by name only (never the server's folders), with the page or record."""
    prov = procedure.provenance
    label = public_file_name(prov.source_file)
    if prov.page_start:
        single = prov.page_end in (None, prov.page_start)
        pages = f"{prov.page_start}" if single else f"{prov.page_start}-{prov.page_end}"
        label += f", p. {pages}"
    elif prov.record:
        label += f", {prov.record}"
    return label


def public_file_name(path: str) -> str:
    """A source file as users may see it: its name only, whatever folder the server read it from."""
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _channel_line(channel: Channel) -> str:
    parts = [channel.label or channel.kind]
    if channel.time and channel.time.text:
        parts.append(channel.time.text)
    parts.extend(fee.text for fee in channel.fees if fee.text)
    if channel.description:
        parts.append(channel.description)
    return ": ".join(parts[:1]) + (" — " + "; ".join(parts[1:]) if len(parts) > 1 else "")


def _vietnamese_sections(p: Procedure) -> dict[str, list[str]]:
    overview = [
        p.name,
        "Mã thủ tục: " + p.code if p.code else "",
        "Tên gọi khác: " + ", ".join(p.aliases) if p.aliases else "",
        "Lĩnh vực: " + (p.field or ""),
        "Cấp thực hiện: " + ", ".join(p.levels),
        "Cơ quan thực hiện: " + (p.agencies.implementing or p.agencies.competent),
        "Đối tượng: " + ", ".join(p.applicants),
        "Nơi nộp: " + p.where_to_submit if p.where_to_submit else "",
        p.summary,
    ]
    components = []
    for c in p.components:
        prefix = f"[{c.case}] " if c.case else ""
        components.append(prefix + c.name + (f" ({c.quantity_text})" if c.quantity_text else ""))
    components.extend(p.component_notes)
    return {
        "overview": overview,
        "components": ["Thành phần hồ sơ:", *components] if components else [],
        "steps": ["Trình tự thực hiện:", *(s.text for s in p.steps)] if p.steps else [],
        "channels": ["Cách thức, thời hạn, lệ phí:", *(_channel_line(c) for c in p.channels)] if p.channels else [],
        "requirements": ["Yêu cầu, điều kiện:", *p.requirements] if p.requirements else [],
        "legal_basis": ["Căn cứ pháp lý:", *(f"{lb.number or ''} {lb.title}".strip() for lb in p.legal_basis)]
        if p.legal_basis
        else [],
        "results": ["Kết quả:", *(r.name for r in p.results)] if p.results else [],
    }


def _translated_sections(p: Procedure, tr: Translation) -> dict[str, list[str]]:
    return {
        "overview": [tr.name, ", ".join(tr.aliases), tr.summary, tr.where_to_submit],
        "components": list(tr.components.values()),
        "steps": [tr.steps_summary],
        "channels": list(tr.channels.values()),
    }


def _split(lines: list[str], limit: int = MAX_CHUNK_CHARS) -> list[str]:
    pieces: list[str] = []
    current = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            pieces.append((current + "\n" + line[:cut]).strip())
            current, line = "", line[cut:].strip()
        if current and len(current) + len(line) + 1 > limit:
            pieces.append(current)
            current = ""
        current = (current + "\n" + line).strip()
    if current:
        pieces.append(current)
    return pieces


def chunk_procedure(procedure: Procedure) -> list[Chunk]:
    """All chunks of one record: Vietnamese sections, then each translation's sections."""
    by_language: dict[str, dict[str, list[str]]] = {"vi": _vietnamese_sections(procedure)}
    for language, tr in sorted(procedure.translations.items()):
        by_language[language] = _translated_sections(procedure, tr)
    chunks: list[Chunk] = []
    source = source_label(procedure)
    for language, sections in by_language.items():
        title = procedure.name if language == "vi" else procedure.translations[language].name
        for section in SECTIONS:
            for n, piece in enumerate(_split(sections.get(section, []))):
                text = piece if section == "overview" and n == 0 else f"{title}\n{piece}"
                chunks.append(
                    Chunk(
                        chunk_id=f"{procedure.uid}#{language}:{section}:{n}",
                        procedure_uid=procedure.uid,
                        procedure_code=procedure.code,
                        section=section,
                        language=language,
                        text=text,
                        source=source,
                        page=procedure.provenance.page_start,
                    )
                )
    return chunks


def chunk_all(procedures: Iterable[Procedure]) -> list[Chunk]:
    return [chunk for p in procedures for chunk in chunk_procedure(p)]
