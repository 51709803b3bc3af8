"""OCR of scanned and photographed pages with Tesseract (``vie``; ``ara`` for Arabic documents) via pytesseract.

Per page: clean-up (``imaging.prepare``), orientation and script from Tesseract's OSD (a page scanned sideways or
upside down is turned upright), then recognition. Tesseract runs one thread per page (``OMP_THREAD_LIMIT=1``,
measured six times faster here than its default) and pages are read in parallel, one per core.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from PIL import Image

from assistant.dossier import imaging
from assistant.dossier.pages import Page

ProgressFn = Callable[[int, int], None]
_OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_OSD_SCRIPT = re.compile(r"Script:\s*(\w+)")
_OSD_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")
#: Mean word confidence (Tesseract, 0-100) of a page read the right way up; below it other orientations are tried.
GOOD_CONFIDENCE = 70.0
#: A Tesseract run longer than this is stopped (the page is then reported as read with no text).
PAGE_TIMEOUT_S = 60
#: Below this even the best of both ways up is not text in the expected script or orientation: OSD is asked.
POOR_CONFIDENCE = 45.0



@dataclass
class OcrResult:
    text: str
    rotation: int = 0
    script: str = "Latin"
    confidence: float = 0.0


class OcrEngine(Protocol):
    """What the check needs from an OCR engine; tests may pass their own."""

    name: str

    def available(self) -> bool: ...

    def read(self, image: Image.Image) -> OcrResult: ...


class TesseractOcr:
    """Tesseract through pytesseract; ``available()`` is False where the binary or its languages are missing."""

    name = "tesseract"

    def __init__(self, languages: str = "vie", cmd: str | None = None) -> None:
        import pytesseract

        self._tess = pytesseract
        if cmd:
            pytesseract.pytesseract.tesseract_cmd = cmd
        self.cmd = cmd or "tesseract"
        self.languages = languages
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        self._available: bool | None = None
        self._lock = threading.Lock()

    def available(self) -> bool:
        with self._lock:
            if self._available is None:
                self._available = self._probe()
            return self._available

    def _probe(self) -> bool:
        if shutil.which(self.cmd) is None and not os.path.isfile(self.cmd):
            return False
        try:
            installed = set(self._tess.get_languages(config=""))
        except (self._tess.TesseractError, OSError, RuntimeError):
            return False
        return all(lang in installed for lang in self.languages.split("+"))

    def _osd(self, binary: np.ndarray) -> tuple[int, str, bool]:
        """(clockwise rotation that makes the page upright, script, whether OSD was confident)."""
        try:
            report = self._tess.image_to_osd(binary, config="--psm 0 -c min_characters_to_try=10",
                                             timeout=PAGE_TIMEOUT_S)
        except (self._tess.TesseractError, OSError, RuntimeError):
            return 0, "Latin", False
        rotate = _OSD_ROTATE.search(report)
        script = _OSD_SCRIPT.search(report)
        confidence = _OSD_CONFIDENCE.search(report)
        sure = bool(confidence) and float(confidence.group(1)) >= 2.0  # type: ignore[union-attr]
        return (int(rotate.group(1)) if rotate else 0), (script.group(1) if script else "Latin"), sure

    def _recognize(self, binary: np.ndarray, languages: str) -> tuple[str, float]:
        """Text (lines rebuilt from Tesseract's word table) and the mean word confidence (0-100)."""
        try:
            table = self._tess.image_to_data(binary, lang=languages, config="--psm 3",
                                             output_type=self._tess.Output.DICT, timeout=PAGE_TIMEOUT_S)
        except (self._tess.TesseractError, OSError, RuntimeError):
            return "", 0.0
        return _lines_from_table(table)

    def read(self, image: Image.Image) -> OcrResult:
        """Read a page as it stands; where that reads poorly, ask Tesseract's orientation and script detection
        (OSD) which way is up and whether it is Arabic, read it that way too, and keep the reading with the most
        confidence. A page turned a quarter is cleaned up again after turning, so that deskewing sees its lines."""
        binary = imaging.prepare(image)
        best = self._attempt(binary, 0, self.languages)
        if best.confidence >= GOOD_CONFIDENCE:
            return best
        rotation, script, _ = self._osd(binary)
        languages = "ara" if script == "Arabic" and self._has("ara") else self.languages
        if rotation in (90, 270):
            turned = imaging.prepare(image, rotation // 90)
            best = max(best, self._attempt(turned, 0, languages, script, rotation), key=lambda r: r.confidence)
        elif rotation == 180 or best.confidence < POOR_CONFIDENCE or languages != self.languages:
            for turn in {rotation, 180} - ({0} if languages == self.languages else set()):
                best = max(best, self._attempt(binary, turn, languages, script), key=lambda r: r.confidence)
        return best

    def _attempt(self, binary: np.ndarray, rotation: int, languages: str, script: str = "Latin",
                 reported: int | None = None) -> OcrResult:
        text, confidence = self._recognize(_turn(binary, rotation), languages)
        return OcrResult(text=text, rotation=rotation if reported is None else reported, script=script,
                         confidence=confidence)

    def _has(self, language: str) -> bool:
        try:
            return language in set(self._tess.get_languages(config=""))
        except (self._tess.TesseractError, OSError, RuntimeError):
            return False


def _lines_from_table(table: dict[str, list[Any]]) -> tuple[str, float]:
    """Lines of text from Tesseract's word table (block, paragraph, line numbers), and the mean confidence of
    the words (weighted by length, so that stray marks count little)."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    weighted, weight = 0.0, 0
    for index, word in enumerate(table["text"]):
        word = (word or "").strip()
        if not word:
            continue
        key = (table["block_num"][index], table["par_num"][index], table["line_num"][index])
        lines.setdefault(key, []).append(word)
        confidence = float(table["conf"][index])
        if confidence >= 0:
            weighted += confidence * len(word)
            weight += len(word)
    text = "\n".join(" ".join(words) for _, words in sorted(lines.items()))
    # Tesseract often writes the look-alike Eth (Ð, ð) for the Vietnamese Đ, đ
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return text, (weighted / weight if weight else 0.0)


def _turn(binary: np.ndarray, rotate_clockwise: int) -> np.ndarray:
    """Rotate by a multiple of 90 degrees clockwise (Tesseract's OSD 'Rotate' value)."""
    quarter_turns = (rotate_clockwise // 90) % 4
    return np.ascontiguousarray(np.rot90(binary, k=-quarter_turns)) if quarter_turns else binary


def ocr_pages(pages: list[Page], engine: OcrEngine | None, workers: int = 0,
              progress: ProgressFn | None = None) -> None:
    """OCR every page that has an image, in parallel; pages that cannot be OCR'd are marked ``unread``.

    Page images are dropped once read (nothing is kept).
    """
    todo = [page for page in pages if page.image is not None]
    if not todo:
        return
    if engine is None or not engine.available():
        for page in todo:
            page.image = None
            page.source = "unread" if not page.text.strip() else "text"
        return
    done = 0
    lock = threading.Lock()

    def work(page: Page) -> None:
        nonlocal done
        assert page.image is not None
        result = engine.read(page.image)
        page.text = f"{page.text}\n{result.text}".strip() if page.text.strip() else result.text
        page.source = "ocr"
        page.image = None
        with lock:
            done += 1
            if progress is not None:
                progress(done, len(todo))

    count = workers or (os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=max(1, min(count, len(todo)))) as pool:
        list(pool.map(work, todo))
