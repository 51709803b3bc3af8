"""Reader for the project's curated knowledge pack (``knowledge/packs/<name>/``, one YAML file per procedure)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ingest.readers.base import ReadError, ReadItem
from knowledge.model import Procedure, Provenance, SourceKind, Step
from knowledge.pack_schema import PACK_MARKER, PackProcedure, load_pack_entry, pack_files


def to_procedure(pack: PackProcedure, source_file: str) -> Procedure:
    """Turn a validated pack entry into a ``Procedure`` record."""
    data = pack.model_dump(exclude={"verified_on", "source", "source_url", "decision_number", "steps", "aliases",
                                    "shared_aliases"})
    return Procedure(
        uid=f"pack:{pack.code}",
        decision_number=pack.decision_number,
        steps=[Step(order=n, text=text) for n, text in enumerate(pack.steps, start=1)],
        aliases=list(dict.fromkeys([*pack.aliases, *pack.shared_aliases])),
        provenance=Provenance(
            source_kind="pack",
            source_file=source_file,
            decision=pack.decision_number,
            url=pack.source_url,
            verified_on=pack.verified_on.isoformat(),
        ),
        **data,
    )


class PackReader:
    """Reads a curated pack folder (one with ``pack.yaml``) or a single pack YAML file."""

    kind: SourceKind = "pack"

    def can_read(self, path: Path) -> bool:
        if path.is_dir():
            return (path / PACK_MARKER).exists()
        return path.suffix in {".yaml", ".yml"} and path.name != PACK_MARKER

    def read(self, path: Path) -> Iterator[ReadItem]:
        for file in pack_files(path):
            label = f"{path.name}/{file.name}" if path.is_dir() else file.name
            try:
                entry = load_pack_entry(file)
            except (OSError, ValueError) as exc:
                yield ReadError(source=str(file), reason=str(exc), record=file.stem)
                continue
            yield to_procedure(entry, label)
