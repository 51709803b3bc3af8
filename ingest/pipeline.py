"""The ingest pipeline: read changed sources, chunk, embed what is new, build both indexes, publish atomically.

Incremental by content hash: a source whose bytes and parser version are unchanged is not read again, and a
chunk whose text is unchanged keeps its stored vector, so nothing unchanged is re-embedded. Records of a
re-read source that are no longer in it disappear from the index.
"""

from __future__ import annotations

import datetime as dt
import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from ingest.readers.base import ReadError, ReadProgress
from ingest.sources import PARSER_VERSION, SourceError, SourceFile, discover
from knowledge.chunks import chunk_all
from knowledge.dense import FaissIndex
from knowledge.embeddings import Embedder
from knowledge.lexical import LEXICAL_VERSION, BM25Index
from knowledge.model import Procedure
from knowledge.store import FORMAT_VERSION, IndexStore, KnowledgeIndex, Manifest


class IngestProgress(Protocol):
    """What the pipeline reports while it works (the CLI prints it)."""

    def stage(self, name: str) -> None: ...

    def advance(self, unit: str, done: int, total: int | None) -> None: ...

    def failed(self, source: str, reason: str) -> None: ...


class SilentProgress:
    def stage(self, name: str) -> None:
        return None

    def advance(self, unit: str, done: int, total: int | None) -> None:
        return None

    def failed(self, source: str, reason: str) -> None:
        return None


@dataclass
class IngestSummary:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    sources_read: int = 0
    sources_skipped: int = 0
    chunks: int = 0
    embedded: int = 0
    published: Path | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@contextmanager
def _ingest_lock(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".ingest.lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise RuntimeError(f"another ingest is running on {root}") from exc
        yield


def _read_source(source: SourceFile, progress: IngestProgress, summary: IngestSummary) -> list[Procedure] | None:
    records: list[Procedure] = []
    errors = 0
    for item in source.reader.read(source.path):
        if isinstance(item, ReadProgress):
            progress.advance(item.unit, item.done, item.total)
        elif isinstance(item, ReadError):
            errors += 1
            summary.failures.append((f"{item.source}" + (f" [{item.record}]" if item.record else ""), item.reason))
            progress.failed(item.source + (f" [{item.record}]" if item.record else ""), item.reason)
        else:
            records.append(item)
            if len(records) % 250 == 0:
                progress.advance("records", len(records), None)
    summary.failed += errors
    if not records and errors:
        return None  # a wholly unreadable file keeps its previous records
    progress.advance("records", len(records), len(records))
    return records


class Ingestor:
    """Runs the pipeline against one data dir with one embedder."""

    def __init__(self, store: IndexStore, embedder: Embedder, progress: IngestProgress | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.progress = progress or SilentProgress()

    def run(self, arguments: list[Path], *, replace: bool = False, force: bool = False) -> IngestSummary:
        """Ingest the given files/folders. ``replace`` drops sources not named; ``force`` re-reads everything."""
        with _ingest_lock(self.store.root):
            return self._run(arguments, replace=replace, force=force)

    def _run(self, arguments: list[Path], *, replace: bool, force: bool) -> IngestSummary:
        summary = IngestSummary()
        sources, errors = discover(arguments)
        for error in errors:
            summary.failed += 1
            summary.failures.append((str(error).split(":")[0], str(error)))
            self.progress.failed(str(error).split(":")[0], str(error))
        previous = self.store.load() if self.store.exists() else None
        old_sources = previous.manifest.sources if previous else {}
        old_records = previous.records if previous else {}
        kept_sources = {} if replace else dict(old_sources)
        by_source: dict[str, list[Procedure]] = {}
        for key, kept in kept_sources.items():
            by_source[key] = [old_records[uid] for uid in kept.get("uids", []) if uid in old_records]
        for source in sources:
            info = old_sources.get(source.key)
            if (info is not None and info.get("sha256") == source.sha256 and info.get("parser") == PARSER_VERSION
                    and not force):
                summary.sources_skipped += 1
                kept_sources[source.key] = info
                continue
            self.progress.stage(f"reading {source.path.name} ({source.reader.kind})")
            records = _read_source(source, self.progress, summary)
            if records is None:
                continue
            summary.sources_read += 1
            by_source[source.key] = records
            kept_sources[source.key] = {
                "sha256": source.sha256, "kind": source.reader.kind, "parser": PARSER_VERSION,
                "uids": [r.uid for r in records],
            }
        merged: dict[str, Procedure] = {}
        for key in kept_sources:
            for record in by_source.get(key, []):
                merged[record.uid] = record
        self._count_changes(summary, old_records, merged)
        stale_terms = previous is not None and previous.manifest.lexical_version != LEXICAL_VERSION
        if not summary.changed and previous is not None and set(kept_sources) == set(old_sources) and not stale_terms:
            summary.chunks = len(previous.chunks)
            return summary
        self._build_and_publish(summary, list(merged.values()), kept_sources, previous)
        return summary

    @staticmethod
    def _count_changes(summary: IngestSummary, old: dict[str, Procedure], new: dict[str, Procedure]) -> None:
        old_hashes = {uid: r.content_hash() for uid, r in old.items()}
        for uid, record in new.items():
            if uid not in old_hashes:
                summary.added += 1
            elif old_hashes[uid] != record.content_hash():
                summary.updated += 1
            else:
                summary.unchanged += 1
        summary.removed = sum(1 for uid in old if uid not in new)

    def _build_and_publish(self, summary: IngestSummary, records: list[Procedure],
                           sources: dict[str, dict[str, object]], previous: KnowledgeIndex | None) -> None:
        records.sort(key=lambda r: r.uid)
        self.progress.stage("chunking")
        chunks = chunk_all(records)
        dense_rows = [row for row, chunk in enumerate(chunks) if chunk.dense]
        vectors = self._embed([chunks[row] for row in dense_rows], previous, summary)
        self.progress.stage("building indexes")
        dense = FaissIndex.build(vectors, self.embedder.dimension, np.asarray(dense_rows, dtype=np.int64))
        lexical = BM25Index.build([c.text for c in chunks])
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            embedding_model=self.embedder.name,
            dimension=self.embedder.dimension,
            counts={"records": len(records), "chunks": len(chunks), "sources": len(sources),
                    "codes": len({r.group_key for r in records})},
            sources=sources,
            lexical_version=LEXICAL_VERSION,
        )
        self.progress.stage("publishing")
        summary.chunks = len(chunks)
        summary.published = self.store.publish(manifest, records, chunks, dense, lexical)

    def _embed(self, chunks: list, previous: KnowledgeIndex | None, summary: IngestSummary) -> np.ndarray:
        reusable: dict[str, np.ndarray] = {}
        if previous is not None and previous.manifest.embedding_model == self.embedder.name:
            reusable = {previous.chunks[row].text_hash: vector for row, vector in previous.dense.vectors_by_id().items()
                        if row < len(previous.chunks)}
        hashes = [c.text_hash for c in chunks]
        todo = sorted({h: c.text for h, c in zip(hashes, chunks, strict=True) if h not in reusable}.items())
        if todo:
            self.progress.stage(f"embedding {len(todo)} chunks with {self.embedder.name}")
            done = 0

            def tick(n: int) -> None:
                nonlocal done
                done += n
                self.progress.advance("embeddings", done, len(todo))

            fresh = self.embedder.embed_documents([text for _, text in todo], progress=tick)
            reusable.update({h: fresh[i] for i, (h, _) in enumerate(todo)})
        summary.embedded = len(todo)
        if not chunks:
            return np.zeros((0, self.embedder.dimension), dtype=np.float32)
        return np.stack([reusable[h] for h in hashes]).astype(np.float32)


__all__ = ["IngestSummary", "Ingestor", "SourceError"]
