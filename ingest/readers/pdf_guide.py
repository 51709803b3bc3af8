"""Reader for PDF procedure guides with ``THỦ TỤC n: <name>`` headings (e.g. the Đà Nẵng handbook).

The text layer is read page by page with pypdf; page numbers, repeated page headers and footers are dropped,
wrapped lines are joined again (words and URLs broken across lines are glued back without a space), and the
text is split into procedures and sections by :mod:`ingest.readers.guide_sections`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ingest.readers.base import ReadError, ReadItem, ReadProgress
from ingest.readers.guide_build import build_procedures
from ingest.readers.guide_sections import Line, nfc
from knowledge.model import SourceKind

log = logging.getLogger(__name__)

_PAGE_NUMBER_RE = re.compile(r"^(?:trang|page)?\s*-?\s*(\d{1,4})\s*-?(?:\s*/\s*\d{1,4})?$", re.IGNORECASE)
#: A page edge line repeated on at least this share of pages is a running header or footer.
_REPEAT_SHARE = 0.5
_MIN_PAGES_FOR_REPEATS = 4


class PdfGuideReader:
    """Reads a PDF guide into one ``Procedure`` per ``THỦ TỤC n:`` heading."""

    kind: SourceKind = "pdf"

    def can_read(self, path: Path) -> bool:
        """PDF files by extension (the content is checked when read)."""
        return path.suffix.lower() == ".pdf"

    def read(self, path: Path) -> Iterator[ReadItem]:
        """Yield page progress while reading, then the procedures (or one ``ReadError`` for a bad file)."""
        pages: list[list[tuple[str, bool]]] = []
        try:
            for page_lines, done, total in _iter_pages(path):
                pages.append(page_lines)
                yield ReadProgress(unit="pages", done=done, total=total)
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of errors for damaged files
            yield ReadError(source=str(path), reason=f"unreadable PDF: {type(exc).__name__}: {exc}")
            return
        lines = pdf_lines(pages)
        found = False
        for item in build_procedures(lines, path, self.kind, wrap_width(lines)):
            found = True
            yield item
        if not found:
            yield ReadError(source=str(path), reason="no 'THỦ TỤC n:' headings found in the PDF text")


def _iter_pages(path: Path) -> Iterator[tuple[list[tuple[str, bool]], int, int]]:
    """Yield (lines with their 'ended with whitespace' flag, page number, page count) for each page."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted")
    total = len(reader.pages)
    if total == 0:
        raise ValueError("the PDF has no pages")
    for index, page in enumerate(reader.pages):
        text = nfc(page.extract_text() or "")
        yield [(raw.rstrip("\r"), raw[-1:].isspace()) for raw in text.split("\n")], index + 1, total


def pdf_lines(pages: list[list[tuple[str, bool]]]) -> list[Line]:
    """Flatten pages into ``Line`` objects without page furniture, marking words broken at line ends."""
    repeated = _repeated_edges(pages)
    flags = [ends_space for page in pages for text, ends_space in page if text.strip()]
    trailing_space_layout = bool(flags) and sum(flags) / len(flags) > 0.5
    lines: list[Line] = []
    broke_inside_word = False
    for number, page in enumerate(pages, start=1):
        for text, ends_space in _strip_furniture(page, number, repeated):
            stripped = text.strip()
            if not stripped:
                lines.append(Line("", number))
                broke_inside_word = False
                continue
            lines.append(Line(stripped, number, glue=broke_inside_word))
            broke_inside_word = trailing_space_layout and not ends_space
    return lines


def _edges(page: list[tuple[str, bool]]) -> list[int]:
    """Indexes of the first and last non-empty lines of a page."""
    filled = [i for i, (text, _) in enumerate(page) if text.strip()]
    return sorted({filled[0], filled[-1]}) if filled else []


def _repeated_edges(pages: list[list[tuple[str, bool]]]) -> set[str]:
    if len(pages) < _MIN_PAGES_FOR_REPEATS:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({re.sub(r"\d+", "#", page[i][0].strip()) for i in _edges(page)})
    return {text for text, n in counts.items() if n >= _REPEAT_SHARE * len(pages)}


def _strip_furniture(page: list[tuple[str, bool]], number: int, repeated: set[str]) -> list[tuple[str, bool]]:
    """Drop page numbers and running headers/footers from the first and last lines of a page."""
    drop = set()
    for i in _edges(page):
        text = page[i][0].strip()
        m = _PAGE_NUMBER_RE.match(text)
        if (m and int(m.group(1)) == number) or re.sub(r"\d+", "#", text) in repeated:
            drop.add(i)
    return [line for i, line in enumerate(page) if i not in drop]


def wrap_width(lines: list[Line]) -> int:
    """The text width in characters: a high percentile of line lengths (at least 50)."""
    lengths = sorted(len(line.text) for line in lines if line.text)
    if not lengths:
        return 80
    return max(50, lengths[int(len(lengths) * 0.9)])
