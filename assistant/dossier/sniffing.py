"""File type decided by content (magic bytes), never by the name a client gave it."""

from __future__ import annotations

import io
import zipfile
from typing import Literal

import filetype

from assistant.dossier.errors import DossierInputError

FileKind = Literal["pdf", "png", "jpeg", "tiff", "heic", "webp", "bmp", "docx", "text"]
_IMAGE_MIMES: dict[str, FileKind] = {
    "image/png": "png", "image/jpeg": "jpeg", "image/tiff": "tiff", "image/heic": "heic", "image/heif": "heic",
    "image/webp": "webp", "image/bmp": "bmp", "image/avif": "heic",
}
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<?xml", b"<svg")


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _looks_like_text(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still text
        if exc.start < len(head) - 4:
            return False
    return True


def sniff(data: bytes, file: str) -> FileKind:
    """The kind of ``data``; a clear 415 for anything that is not a document we read (zip, exe, HTML, audio...)."""
    if not data:
        raise DossierInputError("the file is empty", 422, file)
    if data[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    guessed = filetype.guess(data[:8192])
    if guessed is not None:
        if guessed.mime in _IMAGE_MIMES:
            return _IMAGE_MIMES[guessed.mime]
        if guessed.extension == "zip" or guessed.mime.endswith("zip") or guessed.extension == "docx":
            if _is_docx(data):
                return "docx"
            raise DossierInputError("an archive (zip) is not a document; send the files inside it", 415, file)
        raise DossierInputError(f"files of type {guessed.mime} are not read; send PDF, images or DOCX", 415, file)
    stripped = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(_HTML_STARTS):
        raise DossierInputError("a web page (HTML/XML) is not a document; send PDF, images or DOCX", 415, file)
    if data[:2] == b"MZ" or data[:4] == b"\x7fELF":
        raise DossierInputError("a program is not a document; send PDF, images or DOCX", 415, file)
    if _looks_like_text(data):
        return "text"
    raise DossierInputError("the file type is not recognized; send PDF, images (JPEG, PNG, TIFF, HEIC) or DOCX",
                            415, file)
