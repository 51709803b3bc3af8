"""Reader for PDF procedure guides with ``THỦ TỤC n: <name>`` headings (e.g. the Đà Nẵng handbook).

The text layer is read page by page with pypdf; page numbers, repeated page headers and footers are dropped,
wrapped lines are joined again (words and URLs broken across lines are glued back without a space), and the
text is split into procedures and sections by :mod:`ingest.readers.guide_sections` and mapped onto the model by
:mod:`ingest.readers.guide_build` (shared with the DOCX reader). Large files are read on two or more processes
when that is safe (a single-threaded process that can fork).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from ingest.readers.base import ReadError, ReadItem, ReadProgress
from ingest.readers.guide_build import build_procedures
from ingest.readers.guide_sections import Line, nfc
from knowledge.model import SourceKind

log = logging.getLogger(__name__)

_PAGE_NUMBER_RE = re.compile(r"^(?:trang|page)?\s*-?\s*(\d{1,4})\s*-?(?:\s*/\s*\d{1,4})?$", re.IGNORECASE)
#: A page edge line repeated on at least this share of pages is a running header or footer.
_REPEAT_SHARE = 0.5
_MIN_PAGES_FOR_REPEATS = 4
#: Pages per work unit, and the size from which pages are extracted on several processes.
_CHUNK = 16
_PARALLEL_MIN_PAGES = 48
_MAX_WORKERS = 4


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
            for number, text, total in iter_page_texts(path):
                if text is None:
                    yield ReadError(source=str(path), reason=f"no text could be read from page {number}",
                                    record=f"page {number}")
                    text = ""
                pages.append(_split_page(text))
                yield ReadProgress(unit="pages", done=number, total=total)
        except Exception as exc:  # pypdf raises many kinds of errors for damaged files
            yield ReadError(source=str(path), reason=f"unreadable PDF: {type(exc).__name__}: {exc}")
            return
        lines = pdf_lines(pages)
        found = False
        for item in build_procedures(lines, path, self.kind, wrap_width(lines)):
            found = True
            yield item
        if not found:
            yield ReadError(source=str(path), reason="no 'THỦ TỤC n:' headings found in the PDF text")


def _open(path: str) -> Any:
    """Open a PDF with pypdf (an empty password is tried); raise when it is encrypted or has no pages."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted")
    if len(reader.pages) == 0:
        raise ValueError("the PDF has no pages")
    return reader


#: The open PDF of a pool worker process (filled only in workers, emptied when a worker starts).
_WORKER_READERS: dict[str, Any] = {}


def _init_worker() -> None:
    """Start a pool worker without any PDF inherited from the parent process."""
    _WORKER_READERS.clear()


def _extract_in_worker(path: str, start: int, end: int) -> list[str | None]:
    """Text of pages ``start``..``end - 1``, read in a pool worker that keeps the PDF open between chunks."""
    reader = _WORKER_READERS.get(path)
    if reader is None:
        reader = _WORKER_READERS[path] = _open(path)
    return _extract_pages(reader, path, start, end)


def _extract_pages(reader: Any, path: str, start: int, end: int) -> list[str | None]:
    """Text of pages ``start``..``end - 1``; None for a page whose text cannot be read."""
    texts: list[str | None] = []
    for index in range(start, end):
        try:
            texts.append(reader.pages[index].extract_text() or "")
        except Exception:  # one damaged page must not lose the others
            log.warning("page %d of %s: text extraction failed", index + 1, path, exc_info=True)
            texts.append(None)
    return texts


def iter_page_texts(path: Path) -> Iterator[tuple[int, str | None, int]]:
    """Yield (page number, text or None, page count), extracting on several processes when that is safe."""
    reader = _open(str(path))
    total = len(reader.pages)
    chunks = [(start, min(start + _CHUNK, total)) for start in range(0, total, _CHUNK)]
    context, workers = _fork_context()
    done = 0
    if context is not None and total >= _PARALLEL_MIN_PAGES:
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker)
        try:
            futures = [pool.submit(_extract_in_worker, str(path), start, end) for start, end in chunks]
            for future in futures:
                for text in future.result():
                    done += 1
                    yield done, text, total
            return
        except (OSError, BrokenProcessPool) as exc:
            log.info("parallel PDF extraction failed (%s); reading the remaining pages in this process", exc)
        finally:  # also when the caller stops early: drop the chunks not started yet
            pool.shutdown(wait=True, cancel_futures=True)
    for start, end in chunks:
        if end <= done:
            continue
        for offset, text in enumerate(_extract_pages(reader, str(path), start, end)):
            if start + offset >= done:
                done = start + offset + 1
                yield done, text, total


def _fork_context() -> tuple[BaseContext | None, int]:
    """A 'fork' context and worker count for parallel extraction, or None where forking is unsafe or useless.

    Forking is used only while this process runs a single thread (forking a threaded process can deadlock) and
    never 'spawn', which would re-run an unguarded ``__main__`` script in every worker.
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = min(cpus, _MAX_WORKERS)
    if workers < 2 or threading.active_count() > 1 or "fork" not in get_all_start_methods():
        return None, 1
    return get_context("fork"), workers


def _split_page(text: str) -> list[tuple[str, bool]]:
    """Lines of a page's text with a flag: did the line end with whitespace (a break between words)?"""
    return [(raw.rstrip("\r"), raw[-1:].isspace()) for raw in nfc(text).split("\n")]


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
    """First/last lines (digits masked) found on at least half of the pages: running headers and footers."""
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
