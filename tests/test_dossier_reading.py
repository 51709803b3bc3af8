"""Reading submitted files: type by content, text layers, pages to OCR, and clear 4xx errors for hostile files."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest
from PIL import Image

from assistant.dossier.errors import DossierInputError
from assistant.dossier.pages import Limits, PageBudget, SubmittedFile
from assistant.dossier.reading import check_sizes, read_file
from assistant.dossier.sniffing import sniff
from eval.dossiers import documents as d
from eval.dossiers import render
from eval.dossiers.people import People


def _read(name: str, data: bytes, limits: Limits | None = None):  # type: ignore[no-untyped-def]
    limits = limits or Limits()
    return read_file(SubmittedFile(name, data), limits, PageBudget(limits))


def _status(name: str, data: bytes, limits: Limits | None = None) -> int:
    with pytest.raises(DossierInputError) as caught:
        _read(name, data, limits)
    assert name in str(caught.value) or caught.value.file is None
    return caught.value.status


@pytest.fixture(scope="module")
def layout() -> d.Layout:
    people = People(7)
    mother, father = people.person("female"), people.person("male")
    return d.to_khai_khai_sinh(mother, people.child(father), mother, father)


def test_born_digital_pdf_pages_keep_their_text_layer(layout: d.Layout) -> None:
    reading = _read("to-khai.pdf", render.pdf_text([layout, layout]))
    assert reading.kind == "pdf" and len(reading.pages) == 2
    assert all(p.source == "text" and p.image is None for p in reading.pages)
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in reading.pages[0].text


def test_image_only_pdf_pages_are_rendered_for_ocr(layout: d.Layout) -> None:
    reading = _read("scan.pdf", render.pdf_images([render.page_image(layout)]))
    assert reading.pages[0].source == "ocr" and reading.pages[0].image is not None


def test_type_is_decided_by_content_not_by_name(layout: d.Layout) -> None:
    jpeg = render.encode(render.page_image(layout), "jpeg")
    assert _read("looks-like.pdf", jpeg).kind == "jpeg"
    assert sniff(render.docx_bytes([layout]), "a.pdf") == "docx"


def test_docx_paragraphs_and_tables_are_read(layout: d.Layout) -> None:
    reading = _read("to-khai.docx", render.docx_bytes([layout]))
    text = reading.pages[0].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "TỜ KHAI ĐĂNG KÝ KHAI SINH" in text


def test_multi_page_tiff_gives_one_page_per_frame(layout: d.Layout) -> None:
    page = render.page_image(layout)
    reading = _read("scan.tif", render.tiff([page, page, page]))
    assert reading.kind == "tiff" and [p.number for p in reading.pages] == [1, 2, 3]


def test_exif_orientation_is_honoured(layout: d.Layout) -> None:
    page = render.page_image(layout)
    reading = _read("phone.jpg", render.encode(page, "jpeg", exif_rotate=True))
    image = reading.pages[0].image
    assert image is not None and image.size == page.size  # stored sideways, turned back upright


def test_heic_from_a_phone_is_read(layout: d.Layout) -> None:
    reading = _read("IMG_0001.HEIC", render.encode(render.page_image(layout), "heic"))
    assert reading.kind == "heic" and reading.pages[0].image is not None


@pytest.mark.parametrize(("name", "data", "status"), [
    ("empty.pdf", b"", 422),
    ("archive.pdf", b"PK\x03\x04" + b"\x00" * 100, 415),
    ("program.jpg", b"MZ\x90\x00" + b"\x00" * 200, 415),
    ("page.pdf", b"<!DOCTYPE html><html><body>not a pdf</body></html>", 415),
    ("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", 422),
    ("broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50, 422),
    ("noise.bin", bytes(range(256)) * 8, 415),
])
def test_hostile_files_get_a_clear_4xx(name: str, data: bytes, status: int) -> None:
    assert _status(name, data) == status


def test_a_real_zip_named_as_pdf_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    assert _status("scan.pdf", buffer.getvalue()) == 415


def test_encrypted_pdf_says_so(layout: d.Layout) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(render.pdf_text([layout]))).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DossierInputError, match="password"):
        _read("locked.pdf", buffer.getvalue())


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims a huge size (a decompression bomb's header) with a tiny body."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 10)) + \
        chunk(b"IEND", b"")


def test_decompression_bomb_image_is_refused_before_decoding() -> None:
    assert _status("bomb.png", _png_header_only(100_000, 100_000)) == 413


def test_pdf_with_thousands_of_pages_is_refused() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(1500):
        pdf.add_page()
    assert _status("huge.pdf", bytes(pdf.output())) == 413


def test_docx_zip_bomb_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/bomb.bin", b"\x00" * (210 * 1024 * 1024))
    assert _status("bomb.docx", buffer.getvalue()) == 413


def test_file_and_dossier_size_limits() -> None:
    limits = Limits(max_file_bytes=1000, max_total_bytes=1500)
    with pytest.raises(DossierInputError) as too_big:
        check_sizes([SubmittedFile("a.pdf", b"x" * 1001)], limits)
    assert too_big.value.status == 413 and "a.pdf" in str(too_big.value)
    with pytest.raises(DossierInputError) as too_many:
        check_sizes([SubmittedFile("a.pdf", b"x" * 800), SubmittedFile("b.pdf", b"x" * 800)], limits)
    assert too_many.value.status == 413


def test_page_budget_counts_across_files(layout: d.Layout) -> None:
    limits = Limits(max_pages=3)
    budget = PageBudget(limits)
    data = render.pdf_text([layout, layout])
    read_file(SubmittedFile("one.pdf", data), limits, budget)
    with pytest.raises(DossierInputError) as caught:
        read_file(SubmittedFile("two.pdf", data), limits, budget)
    assert caught.value.status == 413


def test_errors_never_show_a_server_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DossierInputError) as caught:
        _read("scan.pdf", b"%PDF-1.4 garbage")
    assert str(tmp_path) not in str(caught.value) and "/" not in str(caught.value).split(":")[0]


def test_small_png_is_read_as_one_page() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(buffer, "PNG")
    reading = _read("blank.png", buffer.getvalue())
    assert reading.kind == "png" and len(reading.pages) == 1
