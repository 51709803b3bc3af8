"""The last resort for a paper no rule matched: embedding similarity between its title and the components' names.

It only ever makes a paper ``uncertain`` (a clerk looks), never ``present``: embeddings of short Vietnamese titles
are not trusted beyond a hint, least of all with the bundled English-strong model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from knowledge.embeddings import Embedder

#: Cosine similarity a title must reach with a component's name, and its lead over the next component.
SEMANTIC_MIN = 0.8
SEMANTIC_MARGIN = 0.05


class EmbeddingSimilarity:
    """Cosine similarity of a title to phrases, with the phrases' vectors cached (component names repeat)."""

    def __init__(self, embedder: Callable[[], Embedder]) -> None:
        self._provider = embedder
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _vectors(self, texts: list[str]) -> list[np.ndarray]:
        embedder = self._provider()
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
            if missing:
                for text, vector in zip(missing, embedder.embed_documents(missing), strict=True):
                    self._cache[text] = _unit(np.asarray(vector, dtype=np.float32))
            return [self._cache[t] for t in texts]

    def scores(self, title: str, phrases: list[str]) -> list[float]:
        if not phrases:
            return []
        query = _unit(np.asarray(self._provider().embed_query(title), dtype=np.float32))
        return [float(np.dot(query, vector)) for vector in self._vectors(phrases)]


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
