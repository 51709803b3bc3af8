"""Page clean-up and OCR: photographed pages flattened, leaders erased, pages read whichever way up they came."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from assistant.dossier import imaging
from assistant.dossier.ocr import TesseractOcr, ocr_pages
from assistant.dossier.pages import Limits, Page, PageBudget, SubmittedFile
from assistant.dossier.reading import read_file
from eval.dossiers import documents as d
from eval.dossiers import render
from eval.dossiers.people import People
from tests.conftest import NoOcr, requires_ocr


@pytest.fixture(scope="module")
def page() -> Image.Image:
    people = People(21)
    mother, father = people.person("female"), people.person("male")
    return render.page_image(d.to_khai_khai_sinh(mother, people.child(father), mother, father))


def test_photographed_page_outline_is_found_and_flattened(page: Image.Image) -> None:
    photo = render.photo(page, random.Random(2))
    corners = imaging.find_page_outline(imaging.to_gray(photo))
    assert corners is not None
    flat = imaging.flatten_page(imaging.to_gray(photo))
    height, width = flat.shape
    assert 1.2 < height / width < 1.6  # back to A4 proportions (1.41)


def test_a_flatbed_scan_has_no_outline(page: Image.Image) -> None:
    assert imaging.find_page_outline(imaging.to_gray(render.scan(page, random.Random(1), angle=0))) is None


def test_skew_is_measured(page: Image.Image) -> None:
    tilted = imaging.binarize(imaging.to_gray(page.rotate(3, expand=True, fillcolor="white")))
    assert imaging.skew_angle(tilted) == pytest.approx(-3, abs=0.5)


def test_leader_dots_go_and_tone_dots_stay() -> None:
    image = Image.new("L", (600, 80), 255)
    draw = ImageDraw.Draw(image)
    for x in range(200, 560, 12):  # a dotted leader
        draw.rectangle((x, 50, x + 2, 52), fill=0)
    draw.rectangle((40, 20, 60, 50), fill=0)  # a letter
    draw.rectangle((49, 58, 51, 60), fill=0)  # the 'nặng' dot under it
    cleaned = imaging.erase_leader_dots(np.asarray(image))
    assert cleaned[50:53, 200:560].min() == 255
    assert cleaned[58:61, 49:52].min() == 0


@requires_ocr
@pytest.mark.parametrize("angle", [0, 2.5, 90, 180, 270])
def test_pages_are_read_whichever_way_up(page: Image.Image, angle: float) -> None:
    result = TesseractOcr().read(render.scan(page, random.Random(3), angle=angle))
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in result.text
    assert result.confidence > 60


@requires_ocr
def test_mixed_pdf_page_keeps_its_text_layer_and_is_ocrd(page: Image.Image) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 8, "Scanned copy attached below - page 1 of 1")
    pdf.image(page, x=10, y=20, w=190)
    reading = read_file(SubmittedFile("mixed.pdf", bytes(pdf.output())), Limits(), PageBudget(Limits()))
    assert reading.pages[0].image is not None  # the picture covers most of the page
    ocr_pages(reading.pages, TesseractOcr())
    assert reading.pages[0].source == "ocr" and "KHAI SINH" in reading.pages[0].text


def test_pages_without_an_engine_are_marked_unread(page: Image.Image) -> None:
    pages = [Page("scan.jpg", 1, "", "ocr", image=page)]
    ocr_pages(pages, NoOcr())  # type: ignore[arg-type]
    assert pages[0].source == "unread" and pages[0].image is None
