"""Dossier check benchmarks on this machine: a 10-page born-digital dossier, OCR per page on one core, a 10-page
scanned dossier on all cores, peak memory for a 50 MB dossier of phone photos, and the slowest answer to a hostile
file. Dossiers come from the generator in ``eval/dossiers`` (no ../shared needed).

Run alone: ``.venv/bin/python bench/bench_dossier.py`` (prints its rows); ``make bench`` adds them to its table.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _papers(count: int) -> list[Any]:
    from eval.dossiers import documents as d
    from eval.dossiers.people import People

    people = People(99)
    layouts = []
    while len(layouts) < count:
        mother, father = people.person("female", (1988, 1998)), people.person("male", (1985, 1996))
        child = people.child(father)
        layouts += [d.to_khai_khai_sinh(mother, child, mother, father), d.giay_chung_sinh(mother, child),
                    d.giay_uy_quyen(mother, people.person(), "thực hiện thủ tục đăng ký khai sinh"), d.cccd(mother),
                    d.hoa_don_dien(mother)]
    return layouts[:count]


def digital_files(pages: int = 10) -> list[tuple[str, bytes]]:
    from eval.dossiers import render

    return [(f"paper-{n}.pdf", render.pdf_text([layout])) for n, layout in enumerate(_papers(pages), start=1)]


def scanned_files(pages: int = 10) -> list[tuple[str, bytes]]:
    """Ten pages the ways they arrive: skewed JPEG scans, an image-only PDF, phone photos, a sideways PNG."""
    from eval.dossiers import render

    rng = random.Random(5)
    files: list[tuple[str, bytes]] = []
    for n, layout in enumerate(_papers(pages), start=1):
        image = render.page_image(layout)
        kind = n % 4
        if kind == 0:
            files.append((f"scan-{n}.jpg", render.encode(render.scan(image, rng), "jpeg")))
        elif kind == 1:
            files.append((f"scan-{n}.pdf", render.pdf_images([render.scan(image, rng)])))
        elif kind == 2:
            files.append((f"photo-{n}.jpg", render.encode(render.photo(image, rng), "jpeg")))
        else:
            files.append((f"side-{n}.png", render.encode(render.scan(image, rng, angle=90), "png")))
    return files


def photo_files(total_mb: float = 49.0) -> list[tuple[str, bytes]]:
    """Phone photos at 12 megapixels (4000 x 3000, JPEG quality 95) up to about ``total_mb``."""
    from PIL import Image

    from eval.dossiers import render

    rng = random.Random(9)
    files: list[tuple[str, bytes]] = []
    size = 0
    for n, layout in enumerate(_papers(40), start=1):
        photo = render.photo(render.page_image(layout), rng).resize((3000, 4000), Image.Resampling.BICUBIC)
        buffer = io.BytesIO()
        noisy = Image.effect_noise((3000, 4000), 40).convert("L")
        Image.blend(photo.convert("L"), noisy, 0.08).save(buffer, "JPEG", quality=95)
        data = buffer.getvalue()
        if size + len(data) > total_mb * 1024 * 1024:
            break
        files.append((f"IMG_{n:04d}.jpg", data))
        size += len(data)
    return files


def hostile_files() -> list[tuple[str, bytes]]:
    import struct
    import zlib

    from fpdf import FPDF

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 90000, 90000, 8, 0, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b"")
    pdf = FPDF()
    for _ in range(3000):
        pdf.add_page()
    return [("bomb.png", bomb), ("thousands.pdf", bytes(pdf.output())), ("zip.pdf", b"PK\x03\x04" + b"\0" * 4000),
            ("page.jpg", b"<html><body>x</body></html>"), ("cut.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog"),
            ("cut.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 5000)]


def _checker(data_dir: Path, workers: int = 0) -> Any:
    from assistant.dossier.service import DossierChecker
    from assistant.runtime import KnowledgeRuntime
    from knowledge.settings import Settings

    settings = Settings(data_dir=data_dir, embedding_model="hashing", ocr_workers=workers,
                        _env_file=None)  # type: ignore[call-arg]
    return DossierChecker(KnowledgeRuntime(settings).index, settings)


def _time_check(checker: Any, files: list[tuple[str, bytes]], code: str = "1.001193") -> float:
    from assistant.dossier.pages import SubmittedFile

    start = time.perf_counter()
    checker.check_files(code, [SubmittedFile(n, b) for n, b in files])
    return time.perf_counter() - start


def build_pack_index() -> Path:
    from ingest.pipeline import Ingestor
    from knowledge.embeddings import HashingEmbedder
    from knowledge.pack_schema import bundled_pack_dir
    from knowledge.store import IndexStore

    data_dir = Path(tempfile.mkdtemp(prefix="motcua-bench-dossier-"))
    Ingestor(IndexStore(data_dir / "index"), HashingEmbedder()).run([bundled_pack_dir()])
    return data_dir


def _peak_of_child(data_dir: Path, files_dir: Path) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of a fresh process that checks the files in ``files_dir``, with the
    Tesseract processes it starts: proportional set size (PSS), so that pages shared between a process and the
    OCR children it forks are counted once, not once per process."""
    code = ("import sys; sys.path.insert(0, sys.argv[3]); from pathlib import Path; "
            "from bench.bench_dossier import _checker, _time_check; "
            "files=[(p.name, p.read_bytes()) for p in sorted(Path(sys.argv[2]).iterdir())]; "
            "print(_time_check(_checker(Path(sys.argv[1])), files))")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    proc = subprocess.Popen([sys.executable, "-c", code, str(data_dir), str(files_dir), str(ROOT)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            processes = [watched, *watched.children(True)]
            peak = max(peak, sum(p.memory_full_info().pss for p in processes))
        except psutil.Error:
            pass
        time.sleep(0.02)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"memory run failed:\n{err[-2000:]}")
    return float(out.strip().splitlines()[-1]), peak / 2**20


def measure(data_dir: Path | None = None) -> dict[str, Any]:
    from assistant.dossier.errors import DossierInputError

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data_dir = data_dir or build_pack_index()
    results: dict[str, Any] = {}
    checker = _checker(data_dir)
    digital = digital_files(10)
    _time_check(checker, digital)
    results["digital_10_pages_s"] = round(statistics.median(_time_check(checker, digital) for _ in range(5)), 3)
    scanned = scanned_files(10)
    one_core = _time_check(_checker(data_dir, workers=1), scanned)
    results["ocr_per_page_one_core_s"] = round(one_core / 10, 2)
    results["scanned_10_pages_s"] = round(_time_check(_checker(data_dir), scanned), 2)
    with tempfile.TemporaryDirectory() as folder:
        photos = photo_files()
        for name, data in photos:
            (Path(folder) / name).write_bytes(data)
        seconds, peak = _peak_of_child(data_dir, Path(folder))
        results["photos_dossier_mb"] = round(sum(len(b) for _, b in photos) / 2**20, 1)
        results["photos_dossier_pages"] = len(photos)
        results["photos_dossier_s"] = round(seconds, 1)
        results["photos_dossier_peak_mib"] = round(peak)
    slowest = 0.0
    for name, data in hostile_files():
        start = time.perf_counter()
        with contextlib.suppress(DossierInputError):
            _time_check(checker, [(name, data)])
        slowest = max(slowest, time.perf_counter() - start)
    results["hostile_slowest_ms"] = round(slowest * 1000, 1)
    return results


def table_rows(r: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        ("dossier, 10 born-digital pages", f"{r['digital_10_pages_s']} s", "<= 0.3 s"),
        ("OCR per scanned page, one core", f"{r['ocr_per_page_one_core_s']} s", "<= 1.2 s"),
        ("dossier, 10 scanned pages, 2 cores", f"{r['scanned_10_pages_s']} s", "<= 7 s"),
        (f"peak memory, {r['photos_dossier_mb']} MB of photos ({r['photos_dossier_pages']} p.)",
         f"{r['photos_dossier_peak_mib']} MiB", "<= 600 MiB"),
        ("slowest answer to a hostile file", f"{r['hostile_slowest_ms']} ms", "<= 5 s"),
    ]


if __name__ == "__main__":
    measured = measure()
    print(json.dumps(measured, indent=2))
    for row in table_rows(measured):
        print(f"| {row[0]:<42} | {row[1]:<20} | {row[2]:<14} |")
