"""Text helpers for the portal's dossier table: quantity cells, template file names, names, headings.

A table row is 'document name' + 'form template file names' + 'quantity', run together:
``Tờ khai thay đổi thông tin cư trú (mẫu CT01 ...).Mau CT01.docx1 bản chính``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.readers.fields import VI_LOWER, clean_text

TABLE_HEAD = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"

#: The quantity cell: '1 bản chính' or '0 bản chính,1 bản sao'. Only the last digit belongs to the cell: a name
#: ending in a number runs into it ('...năm 20201 bản chính').
_CELL_RE = re.compile(r"(?P<o>\d) ?bản chính(?:, ?(?P<c>\d{1,2}) ?bản sao)?")
_PROSE_AFTER_RE = re.compile(rf"\s+[{VI_LOWER}]")
_EXT = r"\.(?:docx?|pdf|xlsx?|rar|zip|odt|jpe?g|png)"
_EXT_RE = re.compile(_EXT, re.IGNORECASE)
_EXT_END_RE = re.compile(rf"{_EXT}$", re.IGNORECASE)
_FILES_RE = re.compile(rf".+?{_EXT}(?=$|\S)", re.IGNORECASE)
_FILE_START_RE = re.compile(
    r"(?:Mẫu|MẪU|Mau|MAU|mẫu|mau|Mus|Phụ lục|PHỤ LỤC|Phu luc|Phuluc|PL|Biểu|Bieu|BIỂU|Tờ khai|To khai|Tokhai|"
    r"Don|Form|FORM|\d)"
)
#: A name that ends with these words is often glued to a lower-case file name: 'theo mẫuvăn bản đề nghị.docx'.
_GLUED_NAME_ENDS = ("theo mẫu", "theo quy định", "mẫu quy định")
_LEADING_MARK_RE = re.compile(r"^(?:[-+*•–·…]+|\.{2,}|\(?[a-zđ]\)|\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[ivx]{1,4}\)|\s)+")
_INLINE_COUNT = r"0?\d+\s*(?:\([^)]{1,10}\)\s*)?bản\s+(?:chính|sao|chụp|gốc)"
_COUNT_GROUP_RE = re.compile(rf"\s*\([^()]*{_INLINE_COUNT}[^()]*\)")
_COUNT_TAIL_RE = re.compile(rf"\s*[:,;\-]\s*(?:nộp\s+)?{_INLINE_COUNT}.*$", re.IGNORECASE)
_COUNT_HEAD_RE = re.compile(rf"^(?:nộp\s+)?{_INLINE_COUNT}(?:\s*[:,;]\s*|\s+)", re.IGNORECASE)
ANY_COUNT_RE = re.compile(_INLINE_COUNT, re.IGNORECASE)
_DOC_START_RE = re.compile(
    r"(?:Giấy|Bản|Tờ khai|Tờ trình|Văn bản|Đơn|Hợp đồng|Quyết định|Hóa đơn|Hoá đơn|Vận tải đơn|Danh sách|Báo cáo|"
    r"Chứng từ|Phiếu|Sổ|Thẻ|Hộ chiếu|Căn cước|Ảnh|Bảng|Biên bản|Chứng nhận|Chứng chỉ|Tài liệu|Sơ đồ|Phụ lục|Mẫu|"
    r"Xuất trình|Hồ sơ|Các giấy tờ|Các văn bản|Thông báo|Công văn|Kế hoạch|Phương án|Dự án|Đề án|Lý lịch|Văn bằng|"
    r"Trích lục|Điều lệ|Biểu|Thư|Lệnh|Bằng|Chứng thư|Đề nghị|Dự thảo|Tờ)\b",
    re.IGNORECASE,
)
_NOTE_START_RE = re.compile(r"^(?:\*\s*)?(?:lưu ý|ghi chú|chú ý|chú thích|note)\b", re.IGNORECASE)
_ROW_NOTE_START_RE = re.compile(r"^(?:số lượng hồ sơ|số bộ hồ sơ)\b", re.IGNORECASE)
_GENERIC_HEADING_RE = re.compile(
    r"^(?:(?:\*|-|\+|\(?[a-z0-9]{1,3}[.)])\s*)?(?:--|-|thành phần hồ sơ(?:,? bao gồm| gồm)?|hồ sơ gồm|hồ sơ bao gồm|"
    r"bao gồm|gồm|(?:các )?giấy tờ phải (?:nộp|xuất trình)(?: \(bản chính\))?(?:,? bao gồm)?|"
    r"số lượng hồ sơ.*|thành phần, số lượng hồ sơ)?\s*:?\s*$",
    re.IGNORECASE,
)
ALTERNATIVE_RE = re.compile(r"một trong (?:các|những|số các|số|hai|ba|bốn)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """A quantity cell found in the table text."""

    start: int
    end: int
    originals: int
    copies: int
    text: str


def find_cells(text: str) -> list[Cell]:
    """Quantity cells, skipping counts written inside a name ('nộp 01 bản chính hoặc ...')."""
    cells: list[Cell] = []
    for m in _CELL_RE.finditer(text):
        start = m.start()
        if start >= 1 and text[start - 1] == "0" and (start < 2 or not text[start - 2].isdigit()):
            continue  # zero-padded '01 bản chính' is prose, the cell never pads
        if _PROSE_AFTER_RE.match(text, m.end()):
            continue  # '1 bản chính có xác nhận ...' continues a sentence; a cell is never followed by a space
        copies = int(m["c"]) if m["c"] else 0
        cells.append(Cell(start, m.end(), int(m["o"]), copies, m.group()))
    return cells


def _is_boundary(prev: str, ch: str, nxt: str) -> bool:
    """Two cells run together here: 'CP.Mau', 'CP;Mẫu', 'tưMẫu', 'NĐ-CPMẫu', '2020Mẫu'."""
    if prev in ".;:,)":
        return True
    if prev.islower() and (ch.isupper() or ch.isdigit()):
        return True
    return (prev.isupper() or prev.isdigit()) and ch.isupper() and nxt.islower()


def _template_start(text: str, first_ext: int) -> int | None:
    """Where the template file names begin in a row ending with them, or None when no boundary is clear."""
    known: list[int] = []
    structural: list[int] = []
    for i in range(max(1, first_ext - 160), first_ext):
        prev, ch, nxt = text[i - 1], text[i], text[i + 1]
        if prev.isspace() or ch.isspace() or prev in "(/-_'\"[":
            continue
        if ch.isdigit() and prev == "." and i >= 2 and text[i - 2].isdigit():
            continue  # inside a number such as '1.002861'
        glued_form_word = prev.isalpha() and (
            text.startswith(("mẫu", "Mẫu", "MẪU", "mau", "Mau"), i) or text.endswith(_GLUED_NAME_ENDS, 0, i)
        )
        if not (glued_form_word or _is_boundary(prev, ch, nxt)):
            continue
        (known if _FILE_START_RE.match(text, i) else structural).append(i)
    if known:
        return known[0]
    near = [i for i in structural if i >= first_ext - 80]
    return near[0] if near else None


def split_templates(text: str) -> tuple[str, list[str]]:
    """('name', ['file.docx', ...]) for a row whose text ends with form template file names."""
    stripped = text.rstrip()
    if "." not in stripped[-6:] or not _EXT_END_RE.search(stripped):
        return text, []
    first = _EXT_RE.search(stripped)
    assert first is not None
    start = _template_start(stripped, first.start())
    if start is None:
        return text, []
    files = [f.strip() for f in _FILES_RE.findall(stripped[start:]) if f.strip()]
    return stripped[:start], files


def strip_marks(text: str) -> str:
    """Text without leading list marks ('- ', '+ ', 'a) ', '(1) ', '2.1. ') and trailing ':;,.' ."""
    return _LEADING_MARK_RE.sub("", clean_text(text)).strip(" :;,.")


_SUBHEADING_START_RE = re.compile(r"^(?:thành phần hồ sơ|hồ sơ|trường hợp|đối với)\b", re.IGNORECASE)


def looks_like_subheading(name: str) -> bool:
    """A zero-count row that names a case for the rows below: 'Trường hợp cấp lại', 'Hồ sơ đối với ...'."""
    return bool(_SUBHEADING_START_RE.match(name)) and " thì " not in name and len(name) < 250


def tidy_name(text: str) -> tuple[str, str | None]:
    """(clean document name, note) — counts written inside the name move to the note."""
    name = clean_text(text)
    name = _LEADING_MARK_RE.sub("", name).strip()
    notes: list[str] = []
    m = _COUNT_HEAD_RE.match(name)
    if m:
        notes.append(m.group().strip(" :,;"))
        name = name[m.end() :]
    for group in _COUNT_GROUP_RE.findall(name):
        notes.append(group.strip(" ()"))
    name = _COUNT_GROUP_RE.sub("", name)
    sentences = re.split(r"(?<=[.;])\s+(?=[A-ZĐ])", name)
    if len(sentences) > 1:
        keep = [sentences[0]] + [s for s in sentences[1:] if not ANY_COUNT_RE.search(s)]
        notes.extend(s for s in sentences[1:] if ANY_COUNT_RE.search(s))
        name = " ".join(keep)
    tail = _COUNT_TAIL_RE.search(name)
    if tail:
        notes.append(tail.group().strip(" :,;-"))
        name = name[: tail.start()]
    name = name.strip(" ;,:-+*.")
    if name[:1].islower():
        name = name[0].upper() + name[1:]
    return name, ("; ".join(notes) if notes else None)


def is_note_text(text: str, row: bool = False) -> bool:
    """'*Lưu ý: ...', 'Ghi chú ...' and the like; for a row also 'Số lượng hồ sơ: 01 bộ'."""
    plain = _LEADING_MARK_RE.sub("", clean_text(text))
    return bool(_NOTE_START_RE.match(plain) or (row and _ROW_NOTE_START_RE.match(plain)))


def looks_like_document(name: str) -> bool:
    """A name that reads as a document rather than an explanation ('Giấy ...', 'Bản sao ...', 'Đơn ...')."""
    return bool(_DOC_START_RE.match(name)) and " thì " not in name and len(name) <= 400


def is_generic_heading(text: str) -> bool:
    """Headings that name no case: '--', 'Thành phần hồ sơ:', '* Giấy tờ phải nộp:'."""
    return bool(_GENERIC_HEADING_RE.match(clean_text(text)))
