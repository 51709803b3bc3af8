"""Splitting a procedure guide (PDF or DOCX text) into procedures, labelled sections and list items.

Guides such as the Đà Nẵng handbook print one procedure per heading ``THỦ TỤC n: <name>`` followed by
labelled fields ("Mã thủ tục", "Lệ phí", "Thành phần hồ sơ", ...). The label may stand alone on its line,
carry the value after a colon, or be decorated with bullets, numbers or markdown. This module turns a
stream of text lines into :class:`RawProcedure` blocks whose sections hold the original lines, and parses a
section's lines into list items (bullets, numbers, ``a)``, ``Bước n``) with wrapped lines joined again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

#: Canonical section key -> label spellings (compared lower-cased, without markers or trailing colon).
LABELS: dict[str, tuple[str, ...]] = {
    "code": ("mã thủ tục", "mã số", "mã tthc", "mã số thủ tục", "mã số tthc"),
    "name": ("tên thủ tục",),
    "decision": ("thông tin công bố", "số quyết định", "số qđ", "số quyết định công bố", "quyết định công bố"),
    "effective": ("ngày hiệu lực",),
    "level": ("cấp thực hiện",),
    "type": ("loại thủ tục",),
    "field": ("lĩnh vực",),
    "online": ("cách thức nộp trực tuyến", "mức trực tuyến", "mức độ trực tuyến", "mức độ dịch vụ công"),
    "time": ("thời hạn giải quyết", "thời gian giải quyết", "thời hạn xử lý", "thời gian xử lý"),
    "fee": ("lệ phí", "phí, lệ phí", "lệ phí, phí", "phí và lệ phí", "phí/lệ phí", "phí, lệ phí (nếu có)"),
    "charge": ("phí",),
    "fee_desc": ("phí, lệ phí mô tả",),
    "fee_basis": ("văn bản quy định lệ phí", "văn bản quy định phí, lệ phí"),
    "agency": ("cơ quan thực hiện",),
    "competent": ("cơ quan có thẩm quyền quyết định", "cơ quan có thẩm quyền"),
    "authorized": ("cơ quan được ủy quyền", "cơ quan được uỷ quyền"),
    "coordinating": ("cơ quan phối hợp", "cơ quan phối hợp & cq được ủy quyền"),
    "applicants": ("đối tượng thực hiện",),
    "channels": ("cách thức thực hiện", "cách thức nộp hồ sơ", "hình thức nộp", "hình thức nộp hồ sơ"),
    "requirements": ("điều kiện thực hiện", "yêu cầu, điều kiện thực hiện", "yêu cầu điều kiện thực hiện",
                     "yêu cầu, điều kiện"),
    "quantity": ("số bộ hồ sơ", "số lượng hồ sơ"),
    "results": ("kết quả thực hiện", "kết quả giải quyết", "kết quả thực hiện thủ tục"),
    "address": ("địa chỉ tiếp nhận hồ sơ", "địa điểm tiếp nhận hồ sơ", "nơi tiếp nhận hồ sơ"),
    "steps": ("trình tự thực hiện",),
    "components": ("thành phần hồ sơ", "thành phần hồ sơ gồm", "thành phần hồ sơ bao gồm", "thành phần, số lượng hồ sơ",
                   "giấy tờ phải nộp"),
    "present": ("giấy tờ phải xuất trình",),
    "forms": ("mẫu đơn, tờ khai", "tài liệu đính kèm", "tệp đính kèm"),
    "legal": ("căn cứ pháp lý",),
    "validity": ("tình trạng hiệu lực",),
    "keywords": ("từ khóa", "từ khoá"),
    "description": ("mô tả",),
}
_LABEL_KEY = {variant: key for key, variants in LABELS.items() for variant in variants}
#: Labels that also occur as ordinary list entries; inside list sections they are not taken as labels.
_WEAK = {"mẫu đơn, tờ khai", "hình thức nộp", "hình thức nộp hồ sơ", "số qđ", "số quyết định", "ngày hiệu lực", "mô tả"}
_LIST_SECTIONS = {"components", "present", "steps", "legal", "requirements", "results"}

HEADING_RE = re.compile(r"^\W{0,4}(?:THỦ TỤC|Thủ tục)\s+(\d{1,4})\s*[:.–-]\s*(.*)$")
MARKER_RE = re.compile(
    r"^(?P<m>[•●▪■◦○►➢✓✔🔹]|[*+o\-–—](?=\s)|\d{1,2}[.)](?=\s)|\(\d{1,2}\)(?=\s)|[a-zđ]\)(?=\s)|Bước\s+\d+\s*[:.])\s*"
)
LAW_NUMBER_RE = re.compile(r"\b\d{1,4}/(?:\d{4}/)?[A-ZĐ][A-ZĐa-z0-9]*(?:[-/][A-ZĐa-z0-9]+)*")
_URL_TAIL_RE = re.compile(r"(?:https?://|www\.)\S*$")
_URL_PIECE_RE = re.compile(r"^[A-Za-z0-9._~%&=?/#+:;@!$-]+$")


@dataclass
class Line:
    """One text line and where it was found (page number or paragraph index).

    ``glue`` is True when the previous line broke inside a word or URL, so the two join without a space.
    ``cells`` holds the cells of a table row (DOCX), ``list_level`` the nesting level of a Word list paragraph
    and ``printed_len`` the length of the printed line when ``text`` is only its tail (the value after a label).
    """

    text: str
    loc: int
    glue: bool = False
    cells: tuple[str, ...] | None = None
    list_level: int | None = None
    printed_len: int = 0


@dataclass
class Section:
    key: str
    label: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class RawProcedure:
    """The lines of one ``THỦ TỤC n`` block, split into sections."""

    number: int
    name: str
    loc_start: int
    loc_end: int
    sections: list[Section] = field(default_factory=list)

    def get(self, *keys: str) -> list[Section]:
        return [s for s in self.sections if s.key in keys]


@dataclass
class Item:
    """A list entry (or plain paragraph) of a section with its nesting level."""

    level: int
    marker: str
    text: str
    loc: int
    cells: tuple[str, ...] | None = None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_marker(text: str) -> tuple[str, str]:
    """Split a leading bullet/number marker from ``text``: (marker, rest)."""
    m = MARKER_RE.match(text)
    if not m:
        return "", text
    return m.group("m"), text[m.end():]


def match_label(text: str, current: str | None = None) -> tuple[str, str, str] | None:
    """Recognise a section label at the start of ``text``: (key, label, value after it) or None."""
    body = text.strip()
    for _ in range(2):
        body = strip_marker(body)[1].strip()
    body = body.replace("**", "").lstrip("#🔹 ").strip()
    head, sep, rest = body.partition(":")
    norm = " ".join(head.lower().split())
    key = _LABEL_KEY.get(norm)
    if key is None and not sep:
        m = re.match(r"(mã thủ tục|mã số)\s+(?=\d)", body, re.IGNORECASE)
        if m:
            key, head, rest = "code", m.group(1), body[m.end():]
    if key is None or (norm in _WEAK and current in _LIST_SECTIONS):
        return None
    return key, head.strip(), rest.strip()


def is_heading(text: str) -> re.Match[str] | None:
    return HEADING_RE.match(text.strip())


def _ends_heading(line: Line) -> bool:
    text = line.text.strip()
    return not text or match_label(text) is not None or bool(strip_marker(text)[0]) or text.endswith(":")


def split_procedures(lines: Iterable[Line], wrapped: bool = True) -> Iterator[RawProcedure]:
    """Group ``lines`` into procedures at each ``THỦ TỤC n:`` heading.

    With ``wrapped`` (PDF text) a heading continues on the following lines until a label, list item or blank line.
    """
    current: RawProcedure | None = None
    in_heading = False
    for line in lines:
        m = is_heading(line.text)
        if m:
            if current is not None:
                yield current
            current = RawProcedure(int(m.group(1)), m.group(2).strip(), line.loc, line.loc)
            in_heading = wrapped
            continue
        if current is None:
            continue
        if in_heading and not _ends_heading(line):
            current.name = join_pieces(current.name, line)
            current.loc_end = line.loc
            continue
        in_heading = False
        _add_line(current, line)
    if current is not None:
        yield current


def _add_line(proc: RawProcedure, line: Line) -> None:
    text = line.text.strip()
    if not text:
        return
    proc.loc_end = line.loc
    current = proc.sections[-1].key if proc.sections else None
    label = match_label(text, current)
    if label is None and line.cells and len(line.cells) > 1:
        label = match_label(line.cells[0], current)
        if label is not None:
            label = (label[0], label[1], " ".join(c for c in line.cells[1:] if c.strip()))
    if label is not None:
        key, name, rest = label
        proc.sections.append(Section(key, name))
        if rest:
            proc.sections[-1].lines.append(Line(rest, line.loc, printed_len=len(text)))
        return
    if not proc.sections:
        proc.sections.append(Section("preamble", ""))
    proc.sections[-1].lines.append(line)


def join_pieces(left: str, line: Line) -> str:
    """Join a wrapped line onto the text before it: no space inside a broken word, URL or law number."""
    right = line.text.strip()
    if not left:
        return right
    if not right:
        return left
    if line.glue or _continues_url(left, right) or re.search(r"/[A-ZĐ0-9]*-$", left):
        return left + right
    return left + " " + right


def _continues_url(left: str, right: str) -> bool:
    if not _URL_TAIL_RE.search(left):
        return False
    first = right.split()[0]
    if not _URL_PIECE_RE.match(first) or strip_marker(right)[0] or re.match(r"https?:|www\.", first):
        return False
    return " " not in right or any(ch in first for ch in "/=&?.%_")


def _starts_paragraph(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in "(\"“'["


def parse_items(lines: list[Line], width: int | None, law_rows: bool = False) -> list[Item]:
    """Parse section lines into items. ``width`` is the wrap width of a PDF (None: every line is a paragraph)."""
    items: list[Item] = []
    kinds: list[str] = []
    base = 0  # marked items sit one level below plain paragraphs that come before the first marker
    prev: Line | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        marker, rest = strip_marker(text)
        kind = _marker_kind(marker) if marker else _line_kind(line)
        if not kind and law_rows and LAW_NUMBER_RE.match(text):
            kind, rest = "law", text
        if kind:
            if not kinds and items:
                base = 1
            if kind not in kinds:
                kinds.append(kind)
            shown = marker or ("•" if kind.startswith("list") else "")
            items.append(Item(base + kinds.index(kind), shown, rest.strip(), line.loc, line.cells))
        elif items and prev is not None and _continues(prev, line, width):
            items[-1].text = join_pieces(items[-1].text, line)
        elif items and items[-1].marker:
            items[-1].text += "\n" + text
        else:
            items.append(Item(0, "", text, line.loc, line.cells))
        prev = line
    return items


def _line_kind(line: Line) -> str:
    """The item kind of a line without a typed marker: a Word list paragraph or a table row, else none."""
    if line.cells:
        return "row"
    return f"list:{line.list_level}" if line.list_level is not None else ""


def _marker_kind(marker: str) -> str:
    if marker.startswith("Bước"):
        return "step"
    if marker[0].isdigit():
        return "num"
    if marker.startswith("("):
        return "paren"
    if marker.endswith(")"):
        return "alpha"
    return "bullet:" + marker


def _continues(prev: Line, line: Line, width: int | None) -> bool:
    """True when ``line`` wraps the paragraph of ``prev`` (PDF text only)."""
    if width is None or prev.cells or line.cells:
        return False
    text = line.text.strip()
    if line.glue or not _starts_paragraph(text):
        return True
    before = prev.text.rstrip()
    if _continues_url(before, text):
        return True
    return max(len(before), prev.printed_len) >= 0.72 * width


def items_text(items: list[Item]) -> str:
    """The items as readable text, one per line, sub-items indented."""
    return "\n".join("  " * it.level + (f"{it.marker} " if it.marker else "") + it.text for it in items)


def section_text(sections: list[Section]) -> str:
    """Original text of sections, lines joined by newlines."""
    return "\n".join(line.text.strip() for s in sections for line in s.lines if line.text.strip())
