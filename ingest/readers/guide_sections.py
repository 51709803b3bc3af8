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

from ingest.readers.guide_labels import match_label, strip_marker

HEADING_RE = re.compile(r"^(?:#{1,6}\s*|\*\*)?(?:THỦ TỤC|Thủ tục)\s+(\d{1,4})\s*[:.–-]\s*(.*?)(?:\*\*)?$")
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
    """A labelled part of a procedure: its canonical key, the label as printed and its lines."""

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
        """The sections with one of ``keys``, in document order."""
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
    """Unicode NFC form (PDF text may carry decomposed Vietnamese diacritics)."""
    return unicodedata.normalize("NFC", text)


def is_heading(text: str) -> re.Match[str] | None:
    """The ``THỦ TỤC n: name`` match of a heading line, else None."""
    return HEADING_RE.match(text.strip())


def _ends_heading(line: Line) -> bool:
    """True when ``line`` cannot continue a wrapped heading (blank, a label, a list item, ends with a colon)."""
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
    """Start a new section at a label line, else add the line to the current section."""
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
    """True when ``left`` ends with a URL and ``right`` starts with the rest of it."""
    if not _URL_TAIL_RE.search(left):
        return False
    first = right.split()[0]
    if not _URL_PIECE_RE.match(first) or strip_marker(right)[0] or re.match(r"https?:|www\.", first):
        return False
    return " " not in right or any(ch in first for ch in "/=&?.%_")


def _starts_paragraph(text: str) -> bool:
    """True when ``text`` could start a new paragraph (capital letter, digit, opening bracket or quote)."""
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
    """The kind of a typed list marker; each kind found in a section gets its own nesting level."""
    if marker.startswith("Bước"):
        return "step"
    if marker[0].isdigit():
        return "num"
    if marker[0] in "IVX" and marker.endswith("."):
        return "roman"
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
