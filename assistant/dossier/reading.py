"""Reading submitted files into pages: a text layer where there is one, an image to OCR where there is not.

PDF pages keep their text layer; image-only pages, and pages where a large picture sits beside a little text
(a scan with a typed header), are rendered for OCR. Images (PNG, JPEG with EXIF orientation honoured, multi-page
TIFF, HEIC from phones, WebP, BMP) become one page per frame; DOCX paragraphs and tables become one page of text.
Everything happens in memory. Limits are checked before anything large is decoded, so a bomb is refused in
milliseconds.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from assistant.dossier.errors import DossierInputError
from assistant.dossier.pages import (
    FileReading,
    Limits,
    Page,
    PageBudget,
    SubmittedFile,
    page_image,
)
from assistant.dossier.pdf_pages import read_pdf
from assistant.dossier.sniffing import FileKind, sniff

_DOCX_MAX_UNPACKED = 200 * 1024 * 1024
#: A JPEG at least twice this long is decoded at reduced scale (its text is still far above OCR's needs).
DRAFT_SIDE = 2000


def check_sizes(files: list[SubmittedFile], limits: Limits) -> None:
    total = 0
    for item in files:
        if len(item.data) > limits.max_file_bytes:
            raise DossierInputError(f"the file is larger than {limits.max_file_bytes // (1024 * 1024)} MB", 413,
                                    item.name)
        total += len(item.data)
    if total > limits.max_total_bytes:
        raise DossierInputError(f"the dossier is larger than {limits.max_total_bytes // (1024 * 1024)} MB", 413)


def read_file(item: SubmittedFile, limits: Limits, budget: PageBudget) -> FileReading:
    """Pages of one file; a ``DossierInputError`` (4xx) for anything that cannot be read safely."""
    kind = sniff(item.data, item.name)
    if kind == "pdf":
        pages = read_pdf(item, limits, budget)
    elif kind == "docx":
        budget.take(1, item.name)
        pages = [Page(item.name, 1, _docx_text(item), "text", kind="docx")]
    elif kind == "text":
        budget.take(1, item.name)
        pages = [Page(item.name, 1, item.data.decode("utf-8", errors="replace"), "text", kind="text")]
    else:
        pages = list(_image_pages(item, kind, limits, budget))
    return FileReading(item.name, kind, pages)


def _open_image(item: SubmittedFile, limits: Limits) -> Image.Image:
    if item.data[:12].find(b"ftyp") >= 0:
        import pillow_heif

        pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        image = Image.open(io.BytesIO(item.data))
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DossierInputError(f"the image cannot be read ({type(exc).__name__}); it may be damaged", 422,
                                item.name) from exc
    except Image.DecompressionBombError as exc:
        raise DossierInputError("the image is too large to read (pixel count over the limit)", 413, item.name) from exc
    return image


def _image_pages(item: SubmittedFile, kind: FileKind, limits: Limits, budget: PageBudget) -> Iterator[Page]:
    image = _open_image(item, limits)
    if image.format == "JPEG" and max(image.size) >= 2 * DRAFT_SIDE:
        # a phone photo: decoded straight to gray at half scale (or less), still >= DRAFT_SIDE on its long side
        image.draft("L", (image.width // 2, image.height // 2))
    frames = getattr(image, "n_frames", 1) or 1
    budget.take(frames, item.name)
    for index in range(frames):
        try:
            image.seek(index)
            width, height = image.size
            if width * height > limits.max_pixels:
                raise DossierInputError("the image is too large to read (pixel count over the limit)", 413, item.name)
            frame = ImageOps.exif_transpose(image) if index == 0 else image.copy()
            frame = page_image(frame or image)
        except DossierInputError:
            raise
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise DossierInputError(f"the image cannot be read ({type(exc).__name__}); it may be damaged or "
                                    "truncated", 422, item.name) from exc
        yield Page(item.name, index + 1, "", "ocr", image=frame, kind=kind)


def _docx_text(item: SubmittedFile) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(item.data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise DossierInputError("the DOCX file is damaged", 422, item.name) from exc
    if unpacked > _DOCX_MAX_UNPACKED:
        raise DossierInputError("the DOCX file unpacks to an absurd size (a zip bomb?)", 413, item.name)
    import docx

    try:
        document = docx.Document(io.BytesIO(item.data))
    except Exception as exc:  # python-docx raises zipfile, lxml and KeyError errors for damaged files
        raise DossierInputError("the DOCX file is damaged or not a Word document", 422, item.name) from exc
    return "\n".join(_docx_blocks(document))


def _docx_blocks(document: Any) -> Iterator[str]:
    """Paragraphs and table rows in document order (merged cells once)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = cell.text.strip()
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                yield "\n".join(cells)
