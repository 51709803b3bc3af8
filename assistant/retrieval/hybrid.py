"""Hybrid retrieval: BM25 and dense search, each aggregated to procedures, fused by reciprocal rank.

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
    candidates: int = 200
    rrf_k: float = 60.0
    lexical_weight: float = 1.0
    dense_weight: float = 0.6
    #: Weight of the ranking by procedure names alone (BM25 over name, field and aliases); see ``search``.
    names_weight: float = 1.0


def _aggregate(index: KnowledgeIndex, ranked_chunks: Sequence[tuple[int, float]]) -> list[tuple[str, int, float]]:
    """Best chunk per procedure group, in rank order: (group key, chunk row, score)."""
    seen: dict[str, tuple[int, float]] = {}
    for row, score in ranked_chunks:
        uid = index.chunks[row].procedure_uid
        record = index.records.get(uid)
        if record is None:
            continue
        key = record.group_key
        if key not in seen:
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
        rows: dict[str, int] = {}
        ranks: dict[str, dict[str, int]] = {}
        for name, ranking in rankings.items():
            for rank, (key, row, _) in enumerate(ranking, start=1):
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

    def search(self, query: str, k: int = 5, *, terms: Sequence[str] | None = None,
               dense_query: str | None = None, boosts: dict[str, float] | None = None,
               dense_weight: float | None = None, by_name: bool = True) -> list[ProcedureHit]:
        """Procedures for ``query``, best first.

        ``terms`` override the lexical query terms (expansions); ``boosts`` add to the fused score of procedure
        codes known from elsewhere (a colloquial alias in the question), in units of a first-rank RRF vote.
        ``by_name``: also rank by the names alone (the names are Vietnamese: it helps questions written in it).
        """
        weight = self.config.dense_weight if dense_weight is None else dense_weight
        lexical = self.lexical(query, terms)
        dense = self.dense(dense_query or query) if weight > 0 else []
        named = self.names(query, terms) if by_name and self.config.names_weight > 0 else []
        return self.fuse(lexical, dense, k, boosts or {}, weight, named)

    def fuse(self, lexical: list[tuple[str, int, float]], dense: list[tuple[str, int, float]],
             k: int, boosts: dict[str, float] | None = None, dense_weight: float | None = None,
             by_name: list[tuple[str, int, float]] | None = None) -> list[ProcedureHit]:
        cfg = self.config
        dense_weight = cfg.dense_weight if dense_weight is None else dense_weight
        fused: dict[str, float] = {}
        best_row: dict[str, int] = {}
        lex_rank: dict[str, int] = {}
        dense_rank: dict[str, int] = {}
        for rank, (key, row, _) in enumerate(lexical):
            fused[key] = fused.get(key, 0.0) + cfg.lexical_weight / (cfg.rrf_k + rank + 1)
            best_row.setdefault(key, row)
            lex_rank[key] = rank + 1
        for rank, (key, row, _) in enumerate(dense):
            fused[key] = fused.get(key, 0.0) + dense_weight / (cfg.rrf_k + rank + 1)
            best_row.setdefault(key, row)
            dense_rank[key] = rank + 1
        for rank, (key, row, _) in enumerate(by_name or []):
            fused[key] = fused.get(key, 0.0) + cfg.names_weight / (cfg.rrf_k + rank + 1)
            best_row.setdefault(key, row)
        for key, weight in (boosts or {}).items():
            if key in self.index.first_chunk:
                best_row.setdefault(key, self.index.first_chunk[key])
                fused[key] = fused.get(key, 0.0) + weight / (cfg.rrf_k + 1)
        ranked = sorted(fused.items(), key=lambda item: -item[1])[:k]
        hits = []
        for key, score in ranked:
            procedure = self.index.procedure(key)
            if procedure is None:
                continue
            hits.append(ProcedureHit(procedure, score, self.index.chunks[best_row[key]],
                                     lex_rank.get(key), dense_rank.get(key)))
        return hits
