"""The naive baseline we compare against: the usual tutorial RAG retrieval.

Each record's text is split with LangChain's ``RecursiveCharacterTextSplitter`` (1000 characters, 200 overlap),
embedded with the same model into a LangChain FAISS store, and the top chunk's procedure wins. The store is cached
under the data dir, keyed by the index version and the model.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from langchain_community.vectorstores import FAISS
from langchain_core.documents import Document
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


class NaiveBaseline:
    def __init__(self, store: FAISS) -> None:
        self.store = store

    @classmethod
    def build_or_load(cls, index: KnowledgeIndex, embedder: Embedder, cache_dir: Path) -> NaiveBaseline:
        key = hashlib.sha1(f"{index.path}|{embedder.name}".encode()).hexdigest()[:12]
        folder = cache_dir / f"baseline-{key}"
        adapter = EmbedderAdapter(embedder)
        if (folder / "index.faiss").exists():
            return cls(FAISS.load_local(str(folder), adapter, allow_dangerous_deserialization=True))
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        documents: list[Document] = []
        for group in index.by_code.values():
            procedure = group[0]
            for piece in splitter.split_text(record_text(procedure, index)):
                documents.append(Document(page_content=piece, metadata={"code": procedure.group_key}))
        store = FAISS.from_documents(documents, adapter)
        folder.mkdir(parents=True, exist_ok=True)
        store.save_local(str(folder))
        return cls(store)

    def search(self, query: str, k: int = 10) -> list[str]:
        """Procedure codes in the order of their best chunk."""
        codes: list[str] = []
        for document in self.store.similarity_search(query, k=k * 4):
            code = document.metadata["code"]
            if code not in codes:
                codes.append(code)
        return codes[:k]
