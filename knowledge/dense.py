"""Dense vector index in FAISS (inner product over normalised vectors = cosine similarity)."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


class FaissIndex:
    """Exact inner-product search; a few tens of thousands of chunks fit comfortably in a flat index."""

    def __init__(self, index: faiss.Index) -> None:
        self.index = index

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @property
    def dimension(self) -> int:
        return int(self.index.d)

    @classmethod
    def build(cls, vectors: np.ndarray, dimension: int) -> FaissIndex:
        index = faiss.IndexFlatIP(dimension)
        if len(vectors):
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index)

    def vectors(self) -> np.ndarray:
        """All stored vectors in row order (used to reuse embeddings of unchanged chunks)."""
        if self.size == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.asarray(self.index.reconstruct_n(0, self.size), dtype=np.float32)

    def search_vector(self, vector: np.ndarray, k: int = 10) -> list[tuple[int, float]]:
        if self.size == 0 or k <= 0:
            return []
        scores, ids = self.index.search(np.ascontiguousarray(vector[None, :], dtype=np.float32), min(k, self.size))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def save(self, directory: Path) -> None:
        faiss.write_index(self.index, str(directory / "dense.faiss"))

    @classmethod
    def load(cls, directory: Path) -> FaissIndex:
        return cls(faiss.read_index(str(directory / "dense.faiss")))
