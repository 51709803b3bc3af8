"""The procedure search as a LangChain ``BaseRetriever``, for integrators composing their own chains.

Each ``Document`` is one procedure (best first): the text of its best-matching chunk, with the procedure code,
name, section, score and source in the metadata.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieval.finder import ProcedureFinder


class ProcedureRetriever(BaseRetriever):
    """``ProcedureRetriever(finder=runtime.finder(), k=5).invoke("đăng ký khai sinh cần gì")``."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    finder: ProcedureFinder
    k: int = 5
    language: str | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                **kwargs: Any) -> list[Document]:
        found = self.finder.find(query, k=self.k, language=self.language)
        return [
            Document(
                page_content=hit.chunk.text,
                metadata={"procedure_code": hit.code, "procedure_name": hit.procedure.name, "section": hit.section,
                          "score": hit.score, "source": hit.chunk.source, "language": found.analysis.language},
            )
            for hit in found.hits
        ]
