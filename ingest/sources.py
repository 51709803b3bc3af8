"""Finding source files, choosing their reader and hashing their content."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ingest.readers.base import Reader
from ingest.readers.pack import PackReader
from knowledge.pack_schema import PACK_MARKER, pack_files

#: Bump when a reader's output changes so that unchanged files are parsed again.
PARSER_VERSION = "3"

_SKIP_SUFFIXES = {".md", ".txt", ".license", ".LICENSE"}


def all_readers() -> list[Reader]:
    """Every reader, most specific first."""
    from ingest.readers.bqp import BqpReader
    from ingest.readers.docx_guide import DocxGuideReader
    from ingest.readers.dvc import DvcReader
    from ingest.readers.pdf_guide import PdfGuideReader

    return [PackReader(), BqpReader(), DvcReader(), PdfGuideReader(), DocxGuideReader()]


@dataclass(frozen=True)
class SourceFile:
    path: Path
    reader: Reader
    sha256: str

    @property
    def key(self) -> str:
        return str(self.path)


class SourceError(ValueError):
    """A source argument that cannot be ingested (missing, or no reader for it)."""


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    files = [*pack_files(path), path / PACK_MARKER] if path.is_dir() else [path]
    for file in files:
        digest.update(file.name.encode("utf-8"))
        with file.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _reader_for(path: Path, readers: list[Reader]) -> Reader | None:
    for reader in readers:
        try:
            if reader.can_read(path):
                return reader
        except OSError:
            return None
    return None


def discover(arguments: list[Path], readers: list[Reader] | None = None) -> tuple[list[SourceFile], list[SourceError]]:
    """Expand files and folders into readable source files; unknown or missing paths become errors."""
    readers = readers if readers is not None else all_readers()
    found: list[SourceFile] = []
    errors: list[SourceError] = []
    for argument in arguments:
        path = argument.expanduser().resolve()
        if not path.exists():
            errors.append(SourceError(f"{argument}: no such file or folder"))
            continue
        candidates = [path] if path.is_file() or (path / PACK_MARKER).exists() else _walk(path)
        for candidate in candidates:
            reader = _reader_for(candidate, readers)
            if reader is None:
                if path.is_file():
                    errors.append(SourceError(f"{argument}: not a supported source format"))
                continue
            found.append(SourceFile(candidate, reader, content_hash(candidate)))
    unique = {s.key: s for s in found}
    return list(unique.values()), errors


def _walk(folder: Path) -> list[Path]:
    out: list[Path] = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            out.extend([child] if (child / PACK_MARKER).exists() else _walk(child))
        elif child.suffix not in _SKIP_SUFFIXES:
            out.append(child)
    return out
