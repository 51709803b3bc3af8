"""Measure two OCR choices on generated scans: Tesseract languages (``vie`` against ``vie+eng``) and erasing the
dot leaders of form fields before OCR. Each page holds filled fields with known values (names with diacritics, ID
numbers, dates); a field is right when the value read after its label equals the value printed.

    .venv/bin/python eval/dossiers/ocr_choices.py [--pages 24]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.dossier import imaging  # noqa: E402
from assistant.dossier.ocr import _lines_from_table  # noqa: E402
from eval.dossiers import documents as d  # noqa: E402
from eval.dossiers import render  # noqa: E402
from eval.dossiers.people import People  # noqa: E402


def _pages(count: int) -> list[tuple[object, dict[str, str]]]:
    people = People(77)
    rng = random.Random(77)
    pages = []
    for n in range(count):
        mother, father = people.person("female"), people.person("male")
        child = people.child(father)
        layout = d.to_khai_khai_sinh(mother, child, mother, father)
        image = render.page_image(layout)
        degraded = render.photo(image, rng) if n % 3 == 2 else render.scan(image, rng, angle=rng.uniform(-3, 3))
        truth = {"Họ, chữ đệm, tên người yêu cầu": mother.name, "Họ, chữ đệm, tên người mẹ": mother.name,
                 "Họ, chữ đệm, tên người cha": father.name, "Họ, chữ đệm, tên": child.name,
                 "Ngày, tháng, năm sinh": child.birth_text}
        pages.append((degraded, truth))
    return pages


def _read(image: object, languages: str, erase: bool) -> str:
    import pytesseract

    binary = imaging.prepare(image) if erase else _prepare_without_erasing(image)
    table = pytesseract.image_to_data(binary, lang=languages, config="--psm 3", output_type=pytesseract.Output.DICT)
    return _lines_from_table(table)[0]


def _prepare_without_erasing(image: object) -> object:
    gray = imaging.fit_height(imaging.flatten_page(imaging.to_gray(image)))  # type: ignore[arg-type]
    light = imaging.even_light(gray)
    binary = imaging.binarize(light)
    angle = imaging.skew_angle(binary)
    return imaging.binarize(imaging.rotate(light, angle)) if abs(angle) >= 0.2 else binary


def _value(text: str, label: str) -> str | None:
    for line in text.splitlines():
        if line.startswith(label + ":"):
            value = line[len(label) + 1:].strip()
            return re.split(r"\s{3,}|\s+ghi\s+b", value)[0].strip(" .")
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=24)
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pages = _pages(args.pages)
    print(f"{'languages':<10} {'erase leaders':<14} {'fields right':<14} {'seconds/page':<12}")
    for languages, erase in (("vie", True), ("vie+eng", True), ("vie", False)):
        right = total = 0
        started = time.perf_counter()
        for image, truth in pages:
            text = _read(image, languages, erase)
            for label, expected in truth.items():
                total += 1
                right += _value(text, label) == expected
        seconds = (time.perf_counter() - started) / len(pages)
        print(f"{languages:<10} {'yes' if erase else 'no':<14} {right / total:<14.3f} {seconds:<12.2f}")


if __name__ == "__main__":
    main()
