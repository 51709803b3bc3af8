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
from typing import Protocol

import numpy as np
from PIL import Image

from assistant.dossier import imaging
from assistant.dossier.pages import Page

ProgressFn = Callable[[int, int], None]
_OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_OSD_SCRIPT = re.compile(r"Script:\s*(\w+)")
_VIETNAMESE_SYLLABLE = re.compile(
    r"^(?:[bcdđghklmnpqrstvx]{0,3}h?)[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]+"
    r"[cghmnpt]{0,2}$", re.IGNORECASE)


@dataclass
class OcrResult:
    text: str
    rotation: int = 0
    script: str = "Latin"


class OcrEngine(Protocol):
    """What the check needs from an OCR engine; tests may pass their own."""

    name: str

    def available(self) -> bool: ...

    def read(self, image: Image.Image) -> OcrResult: ...


def text_quality(text: str) -> float:
    """Share of the words that look like Vietnamese (or plain Latin) syllables: low for text read upside down."""
    tokens = [t for t in re.findall(r"[^\W\d_]+", text) if len(t) > 1]
    if not tokens:
        return 0.0
    return sum(bool(_VIETNAMESE_SYLLABLE.match(t)) for t in tokens) / len(tokens)


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

    def _osd(self, binary: np.ndarray) -> tuple[int, str]:
        try:
            report = self._tess.image_to_osd(binary, config="--psm 0 -c min_characters_to_try=10")
        except (self._tess.TesseractError, OSError, RuntimeError):
            return 0, "Latin"
        rotate = _OSD_ROTATE.search(report)
        script = _OSD_SCRIPT.search(report)
        return (int(rotate.group(1)) if rotate else 0), (script.group(1) if script else "Latin")

    def _recognize(self, binary: np.ndarray, languages: str) -> str:
        try:
            text: str = self._tess.image_to_string(binary, lang=languages, config="--psm 3")
        except (self._tess.TesseractError, OSError, RuntimeError):
            return ""
        return text

    def read(self, image: Image.Image) -> OcrResult:
        binary = imaging.prepare(image)
        rotation, script = self._osd(binary)
        languages = "ara" if script == "Arabic" and self._has("ara") else self.languages
        upright = _turn(binary, rotation)
        text = self._recognize(upright, languages)
        if script != "Arabic" and text_quality(text) < 0.5:
            # OSD is unsure on sparse pages: try the other orientations and keep the one that reads best
            for extra in (180, 90, 270):
                candidate = self._recognize(_turn(binary, (rotation + extra) % 360), languages)
                if text_quality(candidate) > text_quality(text) + 0.15:
                    text, rotation = candidate, (rotation + extra) % 360
                    if text_quality(text) >= 0.7:
                        break
        return OcrResult(text=text, rotation=rotation, script=script)

    def _has(self, language: str) -> bool:
        try:
            return language in set(self._tess.get_languages(config=""))
        except (self._tess.TesseractError, OSError, RuntimeError):
            return False


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
