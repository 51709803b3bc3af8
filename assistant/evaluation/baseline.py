"""The naive baseline we compare against: the usual tutorial RAG retrieval.

Each record's text is split with LangChain's ``RecursiveCharacterTextSplitter`` (1000 characters, 200 overlap),
embedded with the same model into a LangChain FAISS store, and the top chunk's procedure wins. Piece vectors are
cached under the data dir by text hash and model, so a new index version re-embeds only new text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from langchain_community.vectorstores import FAISS
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from knowledge.embeddings import Embedder
from knowledge.model import Procedure
from knowledge.store import KnowledgeIndex


class EmbedderAdapter(Embeddings):
    """Our ``Embedder`` as LangChain ``Embeddings``."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, v)) for v in self.embedder.embed_documents(texts)]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, self.embedder.embed_query(text)))


def record_text(procedure: Procedure, index: KnowledgeIndex) -> str:
    """The record as a tutorial pipeline would see it: its source text, or its chunks joined."""
    if procedure.source_sections:
        return "\n".join(f"{k}: {v}" for k, v in procedure.source_sections.items() if v)
    return "\n".join(c.text for c in index.chunks_of(procedure.group_key) if c.language == "vi")


def _vector_cache(cache_dir: Path, model: str) -> Path:
    return cache_dir / f"baseline-vectors-{hashlib.sha1(model.encode()).hexdigest()[:12]}.npz"


def _load_vectors(path: Path) -> dict[str, np.ndarray]:
    if not path.exists():
        return {}
    data = np.load(path)
    return {str(h): v for h, v in zip(data["hashes"], data["vectors"], strict=True)}


def _save_vectors(path: Path, vectors: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    hashes = np.array(list(vectors))
    np.savez(path, hashes=hashes, vectors=np.stack([vectors[h] for h in hashes]) if len(hashes) else np.zeros((0, 1)))


class NaiveBaseline:
    def __init__(self, store: FAISS) -> None:
        self.store = store

    @classmethod
    def build_or_load(cls, index: KnowledgeIndex, embedder: Embedder, cache_dir: Path) -> NaiveBaseline:
        """Split every record, embed the pieces (vectors cached by text hash across index versions), build FAISS."""
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        texts: list[str] = []
        metadatas: list[dict[str, str]] = []
        for group in index.by_code.values():
            procedure = group[0]
            for piece in splitter.split_text(record_text(procedure, index)):
                texts.append(piece)
                metadatas.append({"code": procedure.group_key})
        cache = _vector_cache(cache_dir, embedder.name)
        vectors = _load_vectors(cache)
        hashes = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        todo = sorted({h: t for h, t in zip(hashes, texts, strict=True) if h not in vectors}.items())
        if todo:
            fresh = embedder.embed_documents([t for _, t in todo])
            vectors.update({h: fresh[i] for i, (h, _) in enumerate(todo)})
            _save_vectors(cache, vectors)
        pairs = [(t, [float(x) for x in vectors[h]]) for t, h in zip(texts, hashes, strict=True)]
        return cls(FAISS.from_embeddings(pairs, EmbedderAdapter(embedder), metadatas=metadatas))

    def search(self, query: str, k: int = 10) -> list[str]:
        """Procedure codes in the order of their best chunk."""
        codes: list[str] = []
        for document in self.store.similarity_search(query, k=k * 4):
            code = document.metadata["code"]
            if code not in codes:
                codes.append(code)
        return codes[:k]
