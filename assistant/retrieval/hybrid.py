"""Hybrid retrieval: BM25 over the chunks and the names, and dense search, each aggregated to procedures; the
learned ranking (``assistant.retrieval.learned``) scores what they return.

Results are procedures (one row per national code, the curated record preferred), not raw chunks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from knowledge.chunks import Chunk
from knowledge.embeddings import Embedder
from knowledge.lexical import top_k
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex


@dataclass
class ProcedureHit:
    """One procedure found for a query, with the chunk that matched best."""

    procedure: Procedure
    score: float
    chunk: Chunk
    lexical_rank: int | None = None
    dense_rank: int | None = None
    sections: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.procedure.code or self.procedure.uid

    @property
    def section(self) -> str:
        return self.chunk.section

    def snippet(self, limit: int = 240) -> str:
        text = " ".join(self.chunk.text.split("\n")[1:] or [self.chunk.text]) or self.chunk.text
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class RetrievalConfig:
    #: How many procedures each ranking returns.
    candidates: int = 200


def _aggregate(index: KnowledgeIndex, ranked_chunks: Sequence[tuple[int, float]]) -> list[tuple[str, int, float]]:
    """Best chunk per procedure group, in rank order: (group key, chunk row, score)."""
    seen: dict[str, tuple[int, float]] = {}
    for row, score in ranked_chunks:
        key = index.group_key_of_row(row)
        if key is not None and key not in seen:
            seen[key] = (row, score)
    return [(key, row, score) for key, (row, score) in seen.items()]


class HybridRetriever:
    """Lexical + dense retrieval over a loaded ``KnowledgeIndex``; the dense side is optional."""

    def __init__(self, index: KnowledgeIndex, embedder: Embedder | None = None,
                 config: RetrievalConfig | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.config = config or RetrievalConfig()

    def lexical(self, text: str, terms: Sequence[str] | None = None) -> list[tuple[str, int, float]]:
        scores = self.index.lexical.scores(text, terms=terms)
        return _aggregate(self.index, top_k(scores, self.config.candidates))

    def names(self, text: str, terms: Sequence[str] | None = None) -> list[tuple[str, int, float]]:
        """Procedures ranked by how well their names match (key, first chunk row, score)."""
        keys, names = self.index.name_index()
        return [(keys[i], self.index.first_chunk[keys[i]], score)
                for i, score in top_k(names.scores(text, terms=terms), self.config.candidates)]

    def dense(self, text: str) -> list[tuple[str, int, float]]:
        if self.embedder is None or self.index.dense.size == 0:
            return []
        vector = self.embedder.embed_query(text)
        return _aggregate(self.index, self.index.dense.search_vector(np.asarray(vector), self.config.candidates))

    def rankings(self, query: str, *, terms: Sequence[str] | None = None, dense_query: str | None = None,
                 asked: str | None = None) -> dict[str, list[tuple[str, int, float]]]:
        """Every ranking the learned model reads (``assistant.retrieval.learned``): chunk BM25 and names BM25 over
        the analysed question (``terms`` = its expansions), the dense search over ``dense_query``, and the names
        BM25 over the question as ``asked`` (before any expansion)."""
        return {"lexical": self.lexical(query, terms), "dense": self.dense(dense_query or query),
                "names": self.names(query, terms), "asked": self.names(asked) if asked else []}

    def hits_from(self, ordered: Sequence[tuple[str, float]],
                  rankings: dict[str, list[tuple[str, int, float]]]) -> list[ProcedureHit]:
        """Hits for procedure keys already scored, each with its best chunk from the first ranking that has it."""
        wanted = {key for key, _ in ordered}
        rows: dict[str, int] = {}
        ranks: dict[str, dict[str, int]] = {}
        for name, ranking in rankings.items():
            for rank, (key, row, _) in enumerate(ranking, start=1):
                if key in wanted:
                    rows.setdefault(key, row)
                    ranks.setdefault(name, {}).setdefault(key, rank)
        hits = []
        for key, score in ordered:
            procedure = self.index.procedure(key)
            best = rows.get(key, self.index.first_chunk.get(key))
            if procedure is None or best is None:
                continue
            hits.append(ProcedureHit(procedure, score, self.index.chunks[best],
                                     ranks.get("lexical", {}).get(key), ranks.get("dense", {}).get(key)))
        return hits
