"""PDF pages: the text layer through pypdfium2, and a rendering for OCR where the page is (partly) a picture.

PDFium is not thread-safe, so every call into it holds one process-wide lock; OCR, the slow part, runs outside it.
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from assistant.dossier.errors import DossierInputError
from assistant.dossier.pages import (
    MIN_TEXT_CHARS,
    MIXED_IMAGE_SHARE,
    Limits,
    Page,
    PageBudget,
    SubmittedFile,
    page_image,
    word_chars,
)

_PDFIUM_LOCK = threading.Lock()
_POINTS_PER_INCH = 72.0


def _open(item: SubmittedFile) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(item.data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DossierInputError("the PDF is password-protected (encrypted); send it without a password", 422,
                                    item.name) from exc
        raise DossierInputError("the PDF cannot be read; it may be damaged or truncated", 422, item.name) from exc


def _image_share(page: pdfium.PdfPage) -> float:
    """Share of the page area covered by picture objects (capped at 1)."""
    width, height = page.get_size()
    area = max(width * height, 1.0)
    covered = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, right - left) * max(0.0, top - bottom)
    return min(covered / area, 1.0)


def _page(doc: pdfium.PdfDocument, index: int, item: SubmittedFile, limits: Limits) -> Page:
    page = doc[index]
    try:
        textpage = page.get_textpage()
        text = textpage.get_text_bounded()
        textpage.close()
        scanned = word_chars(text) < MIN_TEXT_CHARS or _image_share(page) >= MIXED_IMAGE_SHARE
        if not scanned:
            return Page(item.name, index + 1, text, "text", kind="pdf")
        width, height = page.get_size()
        scale = limits.dpi / _POINTS_PER_INCH
        pixels = width * scale * height * scale
        if pixels > limits.max_pixels:
            scale *= (limits.max_pixels / pixels) ** 0.5
        if width * scale < 200 or height * scale < 200:
            return Page(item.name, index + 1, text, "text", kind="pdf")
        image = page_image(page.render(scale=scale, rotation=0, grayscale=True).to_pil())
        return Page(item.name, index + 1, text if word_chars(text) >= MIN_TEXT_CHARS else "", "ocr", image=image,
                    kind="pdf")
    finally:
        page.close()


def read_pdf(item: SubmittedFile, limits: Limits, budget: PageBudget) -> list[Page]:
    with _PDFIUM_LOCK:
        doc = _open(item)
        try:
            count = len(doc)
            if count == 0:
                raise DossierInputError("the PDF has no pages", 422, item.name)
            budget.take(count, item.name)
            try:
                return [_page(doc, index, item, limits) for index in range(count)]
            except pdfium.PdfiumError as exc:
                raise DossierInputError("a page of the PDF cannot be read; it may be damaged", 422, item.name) from exc
        finally:
            doc.close()
