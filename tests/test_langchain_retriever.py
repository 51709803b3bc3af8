"""The LangChain ``BaseRetriever`` seam."""

from __future__ import annotations

from pathlib import Path

from assistant.retrieval.langchain_retriever import ProcedureRetriever
from assistant.runtime import KnowledgeRuntime
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore


def test_retriever_returns_one_document_per_procedure(settings: Settings, tiny_pack: Path) -> None:
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([tiny_pack])
    retriever = ProcedureRetriever(finder=KnowledgeRuntime(settings, HashingEmbedder()).finder(), k=2)
    documents = retriever.invoke("nhập hộ khẩu")
    assert documents[0].metadata["procedure_code"] == "1.004222"
    assert len({d.metadata["procedure_code"] for d in documents}) == len(documents)
    assert documents[0].page_content and documents[0].metadata["source"]
