"""The on-disk knowledge index: records, chunks, a FAISS dense index and a BM25 lexical index, with a manifest.

Layout under ``<data dir>/index``::

    CURRENT                    name of the published version (replaced atomically)
    v-<timestamp>-<id>/        one published version
        manifest.json          format version, model, dimension, counts, sources and their hashes
        records.jsonl          one Procedure per line
        chunks.jsonl           one Chunk per line, row order = index row order
        dense.faiss            FAISS index
        lexical.npz, lexical_vocab.json

A new version is written beside the old one and published by replacing ``CURRENT`` in one step, so a crash or
kill mid-ingest leaves the previous version serving.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.chunks import Chunk
from knowledge.dense import FaissIndex
from knowledge.glossary import spelled_out
from knowledge.lexical import BM25Index
from knowledge.model import SOURCE_PRIORITY, Procedure

FORMAT_VERSION = 1
CURRENT = "CURRENT"
KEEP_VERSIONS = 2


class IndexNotFoundError(RuntimeError):
    """No index has been published in the data dir yet."""


@dataclass
class Manifest:
    format_version: int
    created_at: str
    embedding_model: str
    dimension: int
    counts: dict[str, int]
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    lexical_version: int = 0

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        return cls(**json.loads(text))


@dataclass
class KnowledgeIndex:
    """A loaded index version: everything retrieval needs, in memory."""

    manifest: Manifest
    records: dict[str, Procedure]
    chunks: list[Chunk]
    dense: FaissIndex
    lexical: BM25Index
    path: Path | None = None
    by_code: dict[str, list[Procedure]] = field(default_factory=dict)
    first_chunk: dict[str, int] = field(default_factory=dict)
    _chunks_by_group: dict[str, list[Chunk]] = field(default_factory=dict, repr=False)
    _mask_by_term: dict[str, np.ndarray | None] = field(default_factory=dict, repr=False)
    _group_ids: dict[str, int] = field(default_factory=dict, repr=False)
    _group_keys: list[str] = field(default_factory=list, repr=False)
    _row_group_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    _row_keys: list[str | None] = field(default_factory=list, repr=False)
    _names: tuple[list[str], BM25Index] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        row_groups = []
        for row, chunk in enumerate(self.chunks):
            record = self.records.get(chunk.procedure_uid)
            key = record.group_key if record is not None else chunk.procedure_uid
            if key not in self._group_ids:
                self._group_ids[key] = len(self._group_keys)
                self._group_keys.append(key)
            row_groups.append(self._group_ids[key])
            self._row_keys.append(record.group_key if record is not None else None)
            self.first_chunk.setdefault(key, row)
        self._row_group_ids = np.asarray(row_groups, dtype=np.int64)
        if not self.by_code:
            for record in self.records.values():
                self.by_code.setdefault(record.group_key, []).append(record)
            for group in self.by_code.values():
                group.sort(key=lambda p: SOURCE_PRIORITY.get(p.provenance.source_kind, 9))
                _share_public_address(group)

    def name_index(self) -> tuple[list[str], BM25Index]:
        """A BM25 index over what each procedure is called (official name, weighted twice, the short forms it
        uses spelled out, its field and its colloquial aliases), with the procedure key of each row; built on
        first use (about 0.3 s for the national corpus). Long records contain every word somewhere; their names
        do not."""
        if self._names is None:
            keys = [key for key in self.by_code if key in self.first_chunk]
            texts = []
            for key in keys:
                record = self.by_code[key][0]
                texts.append(" ".join([record.name, record.name, *spelled_out(record.name), record.field or "",
                                       *record.aliases]))
            self._names = (keys, BM25Index.build(texts))
        return self._names

    def group_key_of_row(self, row: int) -> str | None:
        """The group key of the procedure a chunk row belongs to; ``None`` when its record is not loaded."""
        return self._row_keys[row]

    def chunks_of(self, group_key: str) -> list[Chunk]:
        """Every chunk of every record of one procedure."""
        if not self._chunks_by_group:
            for chunk in self.chunks:
                record = self.records.get(chunk.procedure_uid)
                if record is not None:
                    self._chunks_by_group.setdefault(record.group_key, []).append(chunk)
        return self._chunks_by_group.get(group_key, [])

    def _term_mask(self, term: str) -> np.ndarray | None:
        """Which procedures (by group index) contain an index term; read off the lexical index's column."""
        if term in self._mask_by_term:
            return self._mask_by_term[term]
        column = self.lexical.vocabulary.get(term)
        mask = None
        if column is not None:
            weights = self.lexical.weights
            rows = weights.indices[weights.indptr[column] : weights.indptr[column + 1]]
            mask = np.zeros(len(self._group_keys), dtype=bool)
            mask[self._row_group_ids[rows]] = True
        if len(self._mask_by_term) > 100_000:
            self._mask_by_term.clear()
        self._mask_by_term[term] = mask
        return mask

    def has_term(self, group_key: str, term: str) -> bool:
        """Whether any text of the procedure contains the index term."""
        mask = self._term_mask(term)
        group = self._group_ids.get(group_key)
        return mask is not None and group is not None and bool(mask[group])

    def group_position(self, group_key: str) -> int | None:
        """Where a procedure group sits in the arrays ``coverage_by_group`` returns."""
        return self._group_ids.get(group_key)

    def coverage_by_group(self, alternatives: Sequence[Iterable[str]]) -> np.ndarray:
        """Per procedure group (``group_position``), the share of ``alternatives`` its text contains; each
        alternative is a set of index terms of which any one counts ("do" typed as "đỏ": {"=đỏ"})."""
        found = np.zeros(len(self._group_keys), dtype=np.float32)
        for terms in alternatives:
            hit = np.zeros(len(self._group_keys), dtype=bool)
            for term in terms:
                mask = self._term_mask(term)
                if mask is not None:
                    hit |= mask
            found += hit
        return found / max(len(alternatives), 1)

    def procedure(self, code_or_uid: str) -> Procedure | None:
        """The preferred record for a national code (curated pack first), or a record by uid."""
        group = self.by_code.get(code_or_uid)
        if group:
            return group[0]
        return self.records.get(code_or_uid)


def _share_public_address(group: list[Procedure]) -> None:
    """A curated record cites the published page of the national record with the same code (the pack's files
    carry no address of their own)."""
    by_code = {p.code: p.provenance.url for p in group if p.code and p.provenance.url}
    for record in group:
        if record.code and not record.provenance.url and record.code in by_code:
            record.provenance.url = by_code[record.code]


def _write_jsonl(path: Path, rows: list[str]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(row + "\n")
        fh.flush()
        os.fsync(fh.fileno())


class IndexStore:
    """Reads and atomically publishes index versions under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def current_path(self) -> Path | None:
        pointer = self.root / CURRENT
        if not pointer.exists():
            return None
        path = self.root / pointer.read_text("utf-8").strip()
        return path if (path / "manifest.json").exists() else None

    def exists(self) -> bool:
        return self.current_path() is not None

    def manifest(self) -> Manifest | None:
        path = self.current_path()
        return Manifest.from_json((path / "manifest.json").read_text("utf-8")) if path else None

    def load(self) -> KnowledgeIndex:
        path = self.current_path()
        if path is None:
            raise IndexNotFoundError(f"no index in {self.root}; run `motcua ingest SOURCE...` first")
        manifest = Manifest.from_json((path / "manifest.json").read_text("utf-8"))
        if manifest.format_version != FORMAT_VERSION:
            raise IndexNotFoundError(f"index format {manifest.format_version} is not {FORMAT_VERSION}; re-ingest")
        records = {}
        with (path / "records.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                record = Procedure.model_validate_json(line)
                records[record.uid] = record
        with (path / "chunks.jsonl").open(encoding="utf-8") as fh:
            chunks = [Chunk(**json.loads(line)) for line in fh]
        return KnowledgeIndex(manifest, records, chunks, FaissIndex.load(path), BM25Index.load(path), path)

    def publish(self, manifest: Manifest, records: list[Procedure], chunks: list[Chunk],
                dense: FaissIndex, lexical: BM25Index) -> Path:
        """Write a new version beside the current one, then switch ``CURRENT`` to it in one step."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._remove_stale_temporaries()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        tmp = self.root / f".tmp-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
        _write_jsonl(tmp / "records.jsonl", [r.model_dump_json() for r in records])
        _write_jsonl(tmp / "chunks.jsonl", [json.dumps(c.to_dict(), ensure_ascii=False) for c in chunks])
        dense.save(tmp)
        lexical.save(tmp)
        (tmp / "manifest.json").write_text(manifest.to_json(), "utf-8")
        final = self.root / f"v-{stamp}-{uuid.uuid4().hex[:6]}"
        tmp.rename(final)
        pointer_tmp = self.root / f".{CURRENT}.{uuid.uuid4().hex[:6]}"
        pointer_tmp.write_text(final.name, "utf-8")
        os.replace(pointer_tmp, self.root / CURRENT)
        self._remove_old_versions(keep=final.name)
        return final

    def _remove_stale_temporaries(self) -> None:
        for path in self.root.glob(".tmp-*"):
            shutil.rmtree(path, ignore_errors=True)
        for path in self.root.glob(f".{CURRENT}.*"):
            path.unlink(missing_ok=True)

    def _remove_old_versions(self, keep: str) -> None:
        versions = sorted((p for p in self.root.glob("v-*") if p.name != keep), key=lambda p: p.name)
        for old in versions[: max(0, len(versions) - (KEEP_VERSIONS - 1))]:
            shutil.rmtree(old, ignore_errors=True)
