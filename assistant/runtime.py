"""The loaded knowledge a running assistant works with: index, embedder and retriever, reloaded on publish."""

from __future__ import annotations

import threading
from pathlib import Path

from assistant.retrieval import HybridRetriever
from knowledge.embeddings import Embedder, build_embedder
from knowledge.settings import Settings
from knowledge.store import IndexStore, KnowledgeIndex


class KnowledgeRuntime:
    """Holds the current index; a newly published version is picked up on the next request."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.store = IndexStore(settings.index_root)
        self._embedder = embedder
        self._index: KnowledgeIndex | None = None
        self._retriever: HybridRetriever | None = None
        self._loaded_from: Path | None = None
        self._lock = threading.Lock()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = build_embedder(self.settings)
        return self._embedder

    def index(self) -> KnowledgeIndex:
        """The current index, reloading when a new version has been published."""
        current = self.store.current_path()
        with self._lock:
            if self._index is None or current != self._loaded_from:
                self._index = self.store.load()
                self._loaded_from = self._index.path
                self._retriever = None
            return self._index

    def retriever(self) -> HybridRetriever:
        index = self.index()
        with self._lock:
            if self._retriever is None or self._retriever.index is not index:
                use_dense = index.manifest.embedding_model == self.embedder.name
                self._retriever = HybridRetriever(index, self.embedder if use_dense else None)
            return self._retriever

    def ready(self) -> bool:
        return self.store.exists()
