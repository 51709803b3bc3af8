"""Reader for DOCX procedure guides shaped like the PDF guides: ``THỦ TỤC n: <name>`` headings, labelled fields.

Paragraphs and tables are read in document order with python-docx. Word list paragraphs keep their nesting level,
a table row whose first cell is a label ("Lệ phí | 50.000 đồng") becomes that label and its value, and other rows
(a dossier table, a legal basis table) become one list item each. Sections are split by
:mod:`ingest.readers.guide_sections` exactly as for PDF text. DOCX has no pages: ``provenance.page_start`` and
``page_end`` hold the 0-based index of the first and last body block (paragraph or table) of the procedure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingest.readers.base import ReadError, ReadItem
from ingest.readers.guide_build import build_procedures
from ingest.readers.guide_sections import Line, match_label, nfc
from knowledge.model import SourceKind

_QUANTITY_HEADER_RE = re.compile(r"bản chính|bản sao|bản gốc|số lượng", re.IGNORECASE)
_HEADER_WORDS_RE = re.compile(
    r"^(?:stt|tt|tên giấy tờ|tên hồ sơ|loại giấy tờ|thành phần hồ sơ|mẫu đơn,? tờ khai|số ký hiệu|trích yếu|"
    r"ngày ban hành|cơ quan ban hành|bản chính|bản sao|số lượng|ghi chú|hình thức nộp)$",
    re.IGNORECASE,
)


class DocxGuideReader:
    """Reads a DOCX guide into one ``Procedure`` per ``THỦ TỤC n:`` heading."""

    kind: SourceKind = "docx"

    def can_read(self, path: Path) -> bool:
        """DOCX files by extension (Word lock files '~$...' excluded)."""
        return path.suffix.lower() == ".docx" and not path.name.startswith("~$")

    def read(self, path: Path) -> Iterator[ReadItem]:
        """Yield the procedures of the document, or one ``ReadError`` when it cannot be opened."""
        try:
            lines = docx_lines(path)
        except Exception as exc:  # python-docx raises zipfile, lxml and KeyError errors for damaged files
            yield ReadError(source=str(path), reason=f"unreadable DOCX: {type(exc).__name__}: {exc}")
            return
        found = False
        for item in build_procedures(lines, path, self.kind, None):
            found = True
            yield item
        if not found:
            yield ReadError(source=str(path), reason="no 'THỦ TỤC n:' headings found in the document")


def docx_lines(path: Path) -> list[Line]:
    """The document body as ``Line`` objects: paragraphs (with list levels) and table rows, in order."""
    from docx import Document
    from docx.table import Table

    lines: list[Line] = []
    for index, block in enumerate(Document(str(path)).iter_inner_content()):
        if isinstance(block, Table):
            lines += _table_lines(block, index)
        else:
            lines += _paragraph_lines(block, index)
    return lines


def _paragraph_lines(paragraph: Any, index: int) -> list[Line]:
    """The lines of a paragraph (soft line breaks split it); the first carries its list level."""
    level = _list_level(paragraph)
    parts = [part.strip() for part in nfc(paragraph.text).split("\n")]
    return [Line(part, index, list_level=level if n == 0 else None) for n, part in enumerate(parts) if part]


def _list_level(paragraph: Any) -> int | None:
    """The nesting level of a Word list paragraph (numbering or a 'List ...' style), None for body text."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        ilvl = p_pr.numPr.ilvl
        return int(ilvl.val) if ilvl is not None and ilvl.val is not None else 0
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.lower().startswith("list"):
        digits = re.findall(r"\d+", style)
        return int(digits[0]) - 1 if digits else 0
    return None


def _cells(row: Any) -> list[Any]:
    """The distinct cells of a row (a merged cell is repeated by python-docx)."""
    seen: list[Any] = []
    for cell in row.cells:
        if all(cell._tc is not other._tc for other in seen):
            seen.append(cell)
    return seen


def _table_lines(table: Any, index: int) -> list[Line]:
    """Label rows become label + value lines, a heading row is dropped, other rows become one line each."""
    lines: list[Line] = []
    header: list[str] | None = None
    for row in table.rows:
        cells = _cells(row)
        texts = [" ".join(nfc(c.text).split()) for c in cells]
        if not any(texts):
            continue
        if len(cells) > 1 and match_label(texts[0]) is not None:
            lines.append(Line(texts[0].rstrip(":") + ":", index))
            for cell in cells[1:]:
                for paragraph in cell.paragraphs:
                    lines += _paragraph_lines(paragraph, index)
            continue
        if header is None and all(_HEADER_WORDS_RE.match(t) for t in texts if t):
            header = texts
            continue
        lines.append(_row_line(texts, header, index))
    return lines


def _row_line(texts: list[str], header: list[str] | None, index: int) -> Line:
    """A data row; cells under a 'Bản chính' / 'Bản sao' heading carry it ('Bản chính: 1')."""
    cells = list(texts)
    if header is not None and len(header) == len(cells):
        cells = [f"{h}: {c}" if c and _QUANTITY_HEADER_RE.search(h) and not _QUANTITY_HEADER_RE.search(c) else c
                 for h, c in zip(header, cells, strict=True)]
    return Line(" ".join(t for t in texts if t), index, cells=tuple(cells))
