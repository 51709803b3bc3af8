"""What reading produces: submitted files, their pages, the limits that guard reading, and the page budget."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from PIL import Image

from assistant.dossier.errors import DossierInputError
from assistant.dossier.sniffing import FileKind

PageSource = Literal["text", "ocr", "declared", "unread"]
#: A page whose text layer has fewer word characters than this is treated as scanned.
MIN_TEXT_CHARS = 40
#: Share of a PDF page covered by pictures above which the page is OCR'd even with a text layer.
MIXED_IMAGE_SHARE = 0.3


#: Longest side a page image is kept at until OCR (pixels): more than OCR needs (pages are worked on at about
#: 2,000 px high), far less than a 12-megapixel phone photo, so a dossier of photos fits in memory.
MAX_PAGE_SIDE = 3300


def page_image(image: Image.Image) -> Image.Image:
    """A page picture as kept for OCR: grayscale, its longest side at most ``MAX_PAGE_SIDE``."""
    gray = image.convert("L")
    longest = max(gray.size)
    if longest > MAX_PAGE_SIDE:
        factor = MAX_PAGE_SIDE / longest
        gray = gray.resize((round(gray.width * factor), round(gray.height * factor)), Image.Resampling.LANCZOS)
    return gray


@dataclass
class Limits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_total_bytes: int = 50 * 1024 * 1024
    max_pages: int = 100
    max_pixels: int = 60_000_000
    dpi: int = 200


@dataclass
class SubmittedFile:
    """A file as received: the client's name (shown back, never a server path) and its bytes."""

    name: str
    data: bytes


@dataclass
class Page:
    file: str
    number: int
    text: str = ""
    source: PageSource = "text"
    image: Image.Image | None = field(default=None, repr=False)
    kind: str = ""


@dataclass
class FileReading:
    file: str
    kind: FileKind
    pages: list[Page]


def word_chars(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


class PageBudget:
    """Counts pages across a dossier and refuses the one over the limit."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.used = 0

    def take(self, count: int, file: str) -> None:
        self.used += count
        if self.used > self.limits.max_pages:
            raise DossierInputError(
                f"the dossier has more than {self.limits.max_pages} pages; split it or raise the limit", 413, file)
