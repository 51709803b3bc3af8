"""The reader protocol: one reader per source format, each turning a file into procedure records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from knowledge.model import Procedure, SourceKind


@dataclass(frozen=True)
class ReadError:
    """A record or file that could not be read; reported by name and reason while the rest go on."""

    source: str
    reason: str
    record: str | None = None


@dataclass(frozen=True)
class ReadProgress:
    """Emitted by readers that work page by page so the CLI can show progress."""

    unit: str  # "records" or "pages"
    done: int
    total: int | None = None


#: What ``Reader.read`` yields. Consumers that only want records skip ``ReadProgress`` (and report ``ReadError``).
ReadItem = Procedure | ReadError | ReadProgress


class Reader(Protocol):
    """Turns one source file into procedures. ``read`` yields records and errors, never raises for bad records."""

    kind: SourceKind

    def can_read(self, path: Path) -> bool:
        """True when this reader handles ``path`` (by name and, where needed, a peek at the content)."""
        ...

    def read(self, path: Path) -> Iterator[ReadItem]:
        """Yield a ``Procedure`` per record and a ``ReadError`` per record that fails.

        Readers that work through a long file (pages of a PDF) also yield ``ReadProgress`` now and then.
        """
        ...
