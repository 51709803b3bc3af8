"""BM25 lexical index over chunk texts, stored as a sparse matrix of precomputed term weights."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

from knowledge.text import index_terms, query_terms

#: Bump when ``knowledge.text`` changes the terms it produces: indexes built with another version are rebuilt.
LEXICAL_VERSION = 3
K1 = 1.2
B = 0.75


class BM25Index:
    """Okapi BM25 with weights precomputed per (chunk, term); a query sums a few matrix columns."""

    def __init__(self, vocabulary: dict[str, int], weights: sparse.csc_matrix) -> None:
        self.vocabulary = vocabulary
        self.weights = weights

    @property
    def size(self) -> int:
        return int(self.weights.shape[0])

    @classmethod
    def build(cls, texts: Sequence[str]) -> BM25Index:
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[float] = []
        lengths = np.zeros(len(texts), dtype=np.float32)
        for row, text in enumerate(texts):
            counts = Counter(index_terms(text))
            lengths[row] = sum(counts.values())
            for term, tf in counts.items():
                rows.append(row)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                tfs.append(tf)
        n_docs = max(len(texts), 1)
        tf_arr = np.asarray(tfs, dtype=np.float32)
        row_arr = np.asarray(rows, dtype=np.int64)
        col_arr = np.asarray(cols, dtype=np.int64)
        df = np.bincount(col_arr, minlength=len(vocabulary)).astype(np.float32)
        idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
        avg_len = float(lengths.mean()) if len(texts) else 1.0
        norm = K1 * (1 - B + B * lengths[row_arr] / max(avg_len, 1e-6)) if len(texts) else tf_arr
        values = idf[col_arr] * tf_arr * (K1 + 1) / (tf_arr + norm)
        matrix = sparse.csc_matrix((values, (row_arr, col_arr)), shape=(len(texts), len(vocabulary)), dtype=np.float32)
        return cls(vocabulary, matrix)

    def term_ids(self, terms: Sequence[str]) -> list[int]:
        return [self.vocabulary[t] for t in terms if t in self.vocabulary]

    def scores(self, query: str, *, terms: Sequence[str] | None = None) -> np.ndarray:
        """BM25 score of every chunk for ``query`` (or for explicit ``terms``)."""
        ids = self.term_ids(terms if terms is not None else query_terms(query))
        if not ids or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        # column by column over the CSC arrays (what ``weights[:, cols] @ counts`` computes, in the same order,
        # without building the sliced matrix: a third of a search's lexical time)
        out = np.zeros(self.size, dtype=np.float32)
        indptr, rows, values = self.weights.indptr, self.weights.indices, self.weights.data
        for col, count in Counter(ids).items():
            start, end = indptr[col], indptr[col + 1]
            out[rows[start:end]] += values[start:end] * np.float32(count)
        return out

    def search(self, query: str, k: int = 10, *, terms: Sequence[str] | None = None) -> list[tuple[int, float]]:
        scores = self.scores(query, terms=terms)
        return top_k(scores, k)

    def save(self, directory: Path) -> None:
        sparse.save_npz(directory / "lexical.npz", self.weights.tocsc(), compressed=False)
        (directory / "lexical_vocab.json").write_text(json.dumps(self.vocabulary, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        weights = sparse.load_npz(directory / "lexical.npz").tocsc()
        vocabulary = json.loads((directory / "lexical_vocab.json").read_text("utf-8"))
        return cls(vocabulary, weights)


def top_k(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Indices and values of the ``k`` highest positive scores, best first."""
    if k <= 0 or scores.size == 0:
        return []
    k = min(k, scores.size)
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.argsort(-scores[idx], kind="stable")]
    return [(int(i), float(scores[i])) for i in idx if scores[i] > 0 and math.isfinite(scores[i])]
