"""Dense vector index in FAISS (inner product over normalised vectors = cosine similarity).

Vectors are stored under the row numbers of their chunks (an ``IndexIDMap2``), so the dense index may hold a
subset of the chunks and a search returns chunk rows directly.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


class FaissIndex:
    """Exact inner-product search; tens of thousands of chunks fit comfortably in a flat index."""

    def __init__(self, index: faiss.Index) -> None:
        self.index = index

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @property
    def dimension(self) -> int:
        return int(self.index.d)

    @classmethod
    def build(cls, vectors: np.ndarray, dimension: int, ids: np.ndarray | None = None) -> FaissIndex:
        """Index ``vectors`` under ``ids`` (default 0..n-1)."""
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        if len(vectors):
            row_ids = np.arange(len(vectors)) if ids is None else np.asarray(ids)
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), row_ids.astype(np.int64))
        return cls(index)

    def ids(self) -> np.ndarray:
        return faiss.vector_to_array(self.index.id_map).astype(np.int64)  # type: ignore[attr-defined]

    def vectors_by_id(self) -> dict[int, np.ndarray]:
        """Every stored vector by its id (used to reuse embeddings of unchanged chunks)."""
        if self.size == 0:
            return {}
        flat = faiss.downcast_index(self.index.index)  # type: ignore[attr-defined]
        vectors = np.asarray(flat.reconstruct_n(0, self.size), dtype=np.float32)
        return {int(i): vectors[n] for n, i in enumerate(self.ids())}

    def search_vector(self, vector: np.ndarray, k: int = 10) -> list[tuple[int, float]]:
        if self.size == 0 or k <= 0:
            return []
        query = np.ascontiguousarray(vector[None, :], dtype=np.float32)
        scores, ids = self.index.search(query, min(k, self.size))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def save(self, directory: Path) -> None:
        faiss.write_index(self.index, str(directory / "dense.faiss"))

    @classmethod
    def load(cls, directory: Path) -> FaissIndex:
        return cls(faiss.read_index(str(directory / "dense.faiss")))
