"""Turning layouts into the files people hand in: born-digital PDFs (fpdf2), DOCX, page images, and what scanners
and phones make of them — a few degrees of skew, a page fed sideways, noise, JPEG artefacts, a photo taken at an
angle on a table under uneven light — as JPEG, PNG, multi-page TIFF, HEIC or an image-only PDF."""

from __future__ import annotations

import io
import random
from pathlib import Path

import cv2
import numpy as np
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from eval.dossiers.documents import Block, Layout

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SERIF = FONT_DIR / "DejaVuSerif.ttf"
SERIF_BOLD = FONT_DIR / "DejaVuSerif-Bold.ttf"
A4_150 = (1240, 1754)
CARD = (1012, 638)


def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(SERIF_BOLD if bold else SERIF), size)


def _field_text(block: Block) -> str:
    return f"{block.text}: {block.value}"


# ---------------------------------------------------------------------------------------------- born digital

def pdf_text(layouts: list[Layout]) -> bytes:
    """A born-digital PDF: one layout per page (long ones run on to the next page), with a text layer."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.add_font("Serif", "", str(SERIF))
    pdf.add_font("Serif", "B", str(SERIF_BOLD))
    pdf.set_auto_page_break(auto=True, margin=15)
    for layout in layouts:
        pdf.add_page()
        pdf.set_margins(20, 15, 15)
        for block in layout.blocks:
            _pdf_block(pdf, block)
    return bytes(pdf.output())


def _pdf_block(pdf: FPDF, block: Block) -> None:
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if block.kind == "header":
        top = pdf.get_y()
        pdf.set_font("Serif", "B", 10)
        for line in block.left:
            pdf.set_x(pdf.l_margin)
            pdf.cell(width * 0.4, 5, line, align="C", new_x="LMARGIN", new_y="NEXT")
        left_end = pdf.get_y()
        pdf.set_y(top)
        for line in block.right:
            pdf.set_x(pdf.l_margin + width * 0.4)
            pdf.cell(width * 0.6, 5, line, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(left_end, pdf.get_y()) + 6)
    elif block.kind == "title":
        pdf.set_font("Serif", "B", 14)
        pdf.multi_cell(width, 7, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    elif block.kind == "subtitle":
        pdf.set_font("Serif", "", 11)
        pdf.multi_cell(width, 6, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    elif block.kind == "field":
        pdf.set_font("Serif", "", 11)
        text = _field_text(block)
        dots = max(0, int((width - pdf.get_string_width(text)) / pdf.get_string_width(".")) - 2)
        pdf.multi_cell(width, 6.5, text + ("." * dots if dots < 60 else ""), new_x="LMARGIN", new_y="NEXT")
    elif block.kind == "text":
        pdf.set_font("Serif", "", 11)
        pdf.multi_cell(width, 6.5, block.text, new_x="LMARGIN", new_y="NEXT")
    elif block.kind == "sign":
        pdf.ln(4)
        pdf.set_font("Serif", "B", 11)
        top = pdf.get_y()
        for line in block.left:
            pdf.set_x(pdf.l_margin)
            pdf.cell(width / 2, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(top)
        for index, line in enumerate(block.right):
            pdf.set_font("Serif", "B" if index in (0, 3) else "", 11 if index != 1 else 9)
            pdf.set_x(pdf.l_margin + width / 2)
            pdf.cell(width / 2, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")


def docx_bytes(layouts: list[Layout]) -> bytes:
    """A Word document holding the layouts one after the other (the header as a two-cell table)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for number, layout in enumerate(layouts):
        if number:
            document.add_page_break()
        for block in layout.blocks:
            if block.kind == "header":
                table = document.add_table(rows=1, cols=2)
                table.cell(0, 0).text = "\n".join(block.left)
                table.cell(0, 1).text = "\n".join(block.right)
            elif block.kind in ("title", "subtitle"):
                paragraph = document.add_paragraph()
                run = paragraph.add_run(block.text)
                run.bold = block.kind == "title"
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif block.kind == "field":
                document.add_paragraph(_field_text(block) + " ......")
            elif block.kind == "text":
                document.add_paragraph(block.text)
            elif block.kind == "sign":
                table = document.add_table(rows=1, cols=2)
                table.cell(0, 0).text = "\n".join(block.left)
                table.cell(0, 1).text = "\n".join(block.right)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- page images

def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def page_image(layout: Layout) -> Image.Image:
    """The layout printed on white paper at 150 dpi (an ID card at card size)."""
    card = layout.kind == "cccd"
    size = CARD if card else A4_150
    scale = 0.8 if card else 1.0
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    margin = 40 if card else 130
    width = size[0] - 2 * margin
    y = 30 if card else 110
    body = int(24 * scale)
    for block in layout.blocks:
        if block.kind == "header":
            font = _font(True, int(21 * scale))
            left_y = right_y = y
            for line in block.left:
                draw.text((margin + (width * 0.4 - draw.textlength(line, font=font)) / 2, left_y), line, font=font)
                left_y += int(30 * scale)
            for line in block.right:
                x = margin + width * 0.4 + (width * 0.6 - draw.textlength(line, font=font)) / 2
                draw.text((x, right_y), line, font=font)
                right_y += int(30 * scale)
            y = max(left_y, right_y) + int(30 * scale)
        elif block.kind in ("title", "subtitle"):
            font = _font(block.kind == "title", int((30 if block.kind == "title" else 22) * scale))
            for line in _wrap(draw, block.text, font, width):
                draw.text((margin + (width - draw.textlength(line, font=font)) / 2, y), line, font=font)
                y += int(44 * scale)
        elif block.kind in ("field", "text"):
            font = _font(False, body)
            text = _field_text(block) if block.kind == "field" else block.text
            lines = _wrap(draw, text, font, width)
            if block.kind == "field" and lines:
                room = width - draw.textlength(lines[-1], font=font)
                dots = int(room / draw.textlength(".", font=font)) - 3
                lines[-1] += "." * max(0, min(dots, 40))
            for line in lines:
                draw.text((margin, y), line, font=font)
                y += int(38 * scale)
        elif block.kind == "sign":
            font = _font(True, body)
            y += 20
            for index, line in enumerate(block.left):
                draw.text((margin + (width / 2 - draw.textlength(line, font=font)) / 2, y + index * 36), line,
                          font=font)
            for index, line in enumerate(block.right):
                x = margin + width / 2 + (width / 2 - draw.textlength(line, font=font)) / 2
                draw.text((x, y + index * 36), line, font=font)
            y += 36 * 4
        if y > size[1] - 60:
            break
    return image.convert("RGB")


def scan(image: Image.Image, rng: random.Random, angle: float | None = None, noise: float = 12,
         quality: int = 45) -> Image.Image:
    """A flatbed scan: slightly rotated, grey noise, JPEG artefacts."""
    angle = rng.uniform(-3.5, 3.5) if angle is None else angle
    rotated = image.convert("L").rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    array = np.asarray(rotated).astype(np.float32)
    noisy = np.random.default_rng(rng.randrange(1 << 30)).normal(0, noise, array.shape)
    out = Image.fromarray(np.clip(array + noisy, 0, 255).astype(np.uint8))
    return _recompress(out, quality)


def photo(image: Image.Image, rng: random.Random) -> Image.Image:
    """A phone photo: the page at an angle on a dark table, lit from one side, JPEG."""
    page = np.asarray(image.convert("L")).astype(np.float32)
    height, width = page.shape
    out_w, out_h = int(width * 1.35), int(height * 1.3)
    jitter = [rng.uniform(0.0, 0.06) for _ in range(8)]
    corners = np.float32([[out_w * (0.08 + jitter[0]), out_h * (0.06 + jitter[1])],
                          [out_w * (0.92 - jitter[2]), out_h * (0.08 + jitter[3])],
                          [out_w * (0.94 - jitter[4]), out_h * (0.93 - jitter[5])],
                          [out_w * (0.06 + jitter[6]), out_h * (0.92 - jitter[7])]])
    source = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    matrix = cv2.getPerspectiveTransform(source, corners)
    warped = cv2.warpPerspective(page, matrix, (out_w, out_h), borderValue=0)
    mask = cv2.warpPerspective(np.ones_like(page), matrix, (out_w, out_h))
    table = np.full((out_h, out_w), rng.uniform(50, 90), np.float32)
    scene = np.where(mask > 0.5, warped, table)
    light = np.linspace(rng.uniform(0.55, 0.7), 1.0, out_w)[None, :] * np.linspace(0.85, 1.0, out_h)[:, None]
    noisy = scene * light + np.random.default_rng(rng.randrange(1 << 30)).normal(0, 5, scene.shape)
    return _recompress(Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).convert("RGB"), 70)


def _recompress(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


def encode(image: Image.Image, kind: str, exif_rotate: bool = False) -> bytes:
    """Image bytes as a camera or scanner writes them. ``exif_rotate`` stores the picture turned a quarter and
    sets the EXIF orientation tag that turns it back (what phones do)."""
    buffer = io.BytesIO()
    if kind == "jpeg":
        if exif_rotate:
            exif = Image.Exif()
            exif[0x0112] = 6  # rotate 90 CW to display
            image.rotate(90, expand=True).convert("RGB").save(buffer, "JPEG", quality=80, exif=exif)
        else:
            image.convert("RGB").save(buffer, "JPEG", quality=80)
    elif kind == "png":
        image.save(buffer, "PNG")
    elif kind == "heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
        image.convert("RGB").save(buffer, "HEIF", quality=80)
    else:
        raise ValueError(kind)
    return buffer.getvalue()


def tiff(images: list[Image.Image]) -> bytes:
    buffer = io.BytesIO()
    first, *rest = [im.convert("L") for im in images]
    first.save(buffer, "TIFF", save_all=True, append_images=rest, compression="tiff_deflate")
    return buffer.getvalue()


def pdf_images(images: list[Image.Image]) -> bytes:
    """An image-only PDF, as a scanner writes one (a page per image)."""
    buffer = io.BytesIO()
    first, *rest = [im.convert("RGB") for im in images]
    first.save(buffer, "PDF", save_all=True, append_images=rest, resolution=150)
    return buffer.getvalue()
