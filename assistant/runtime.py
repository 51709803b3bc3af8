"""The loaded knowledge a running assistant works with: index, embedder, analyzer and retriever.

A newly published index version is picked up on the next request.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from assistant.retrieval.finder import ProcedureFinder, learn_names
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.rerank import build_reranker
from assistant.understanding.query import QueryAnalyzer
from knowledge.embeddings import CachedQueryEmbedder, Embedder, build_embedder
from knowledge.glossary import bundled_glossary
from knowledge.rendering import NameRenderer
from knowledge.settings import Settings
from knowledge.store import IndexStore, KnowledgeIndex

log = logging.getLogger(__name__)


@dataclass
class _Loaded:
    index: KnowledgeIndex
    finder: ProcedureFinder


def _set_query_threads(threads: int) -> None:
    """Questions are short: intra-op parallelism costs more than it gains, and a server answers several at once.
    Both the embedding (torch) and the vector search (faiss's OpenMP pool, whose idle threads otherwise spin on the
    other cores: twice the CPU time per search here for the same wall time) get ``threads``."""
    import faiss

    faiss.omp_set_num_threads(threads)
    try:
        import torch
    except ImportError:  # pragma: no cover - torch is a dependency
        return
    torch.set_num_threads(threads)


class KnowledgeRuntime:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.store = IndexStore(settings.index_root)
        self._embedder = embedder
        self._loaded: _Loaded | None = None
        self._loaded_from: Path | None = None
        self._lock = threading.Lock()
        #: True while a serving process loads the index and model in the background (``/readyz`` waits for it)
        self.loading = False

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            if self.settings.query_threads > 0:
                _set_query_threads(self.settings.query_threads)
            cached: Embedder = CachedQueryEmbedder(build_embedder(self.settings))
            self._embedder = cached
        return self._embedder

    def _current(self) -> _Loaded:
        current = self.store.current_path()
        with self._lock:
            if self._loaded is None or current != self._loaded_from:
                index = self.store.load()
                index.name_index()  # built with the index, not inside the first question (about 1 s nationally)
                use_dense = index.manifest.embedding_model == self.embedder.name
                retriever = HybridRetriever(index, self.embedder if use_dense else None)
                glossary = bundled_glossary()
                NameRenderer(glossary).attach(index.records.values())
                analyzer = QueryAnalyzer(glossary, index.records.values())
                finder = ProcedureFinder(retriever, analyzer, build_reranker(self.settings))
                learn_names(index.records.values())
                self._loaded = _Loaded(index, finder)
                self._loaded_from = index.path
            return self._loaded

    def index(self) -> KnowledgeIndex:
        """The current index, reloading when a new version has been published."""
        return self._current().index

    def finder(self) -> ProcedureFinder:
        return self._current().finder

    def retriever(self) -> HybridRetriever:
        return self._current().finder.retriever

    def warm_up(self) -> None:
        """Load the index, the query analyzer and the embedding model before the first question arrives (a failure
        only means the first request pays the loading time)."""
        try:
            self.finder().find("đăng ký khai sinh", k=1)
        except Exception as exc:
            log.warning("warm-up skipped: %s", exc)
        finally:
            self.loading = False

    def ready(self) -> bool:
        return self.store.exists()
