"""Optional second-stage reranking of the top procedures with a cross-encoder (off unless configured)."""

from __future__ import annotations

from typing import Any, Protocol

from assistant.retrieval.hybrid import ProcedureHit
from knowledge.embeddings import resolve_model_path
from knowledge.settings import Settings


class Reranker(Protocol):
    """Reorders hits for a query; returns them best first with updated scores."""

    def rerank(self, query: str, hits: list[ProcedureHit]) -> list[ProcedureHit]: ...


class CrossEncoderReranker:
    """Scores (question, procedure text) pairs with a sentence-transformers ``CrossEncoder``."""

    def __init__(self, model: str, *, top_n: int = 10, allow_downloads: bool = False) -> None:
        self.model_name = model
        self.top_n = top_n
        self.allow_downloads = allow_downloads
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            from sentence_transformers import CrossEncoder

            self._model = CrossEncoder(resolve_model_path(self.model_name), local_files_only=not self.allow_downloads)
        return self._model

    def rerank(self, query: str, hits: list[ProcedureHit]) -> list[ProcedureHit]:
        head, tail = hits[: self.top_n], hits[self.top_n :]
        if len(head) < 2:
            return hits
        pairs = [(query, f"{h.procedure.name}\n{h.chunk.text}") for h in head]
        scores = self._load().predict(pairs)
        for hit, score in zip(head, scores, strict=True):
            hit.score = float(score)
        return sorted(head, key=lambda h: -h.score) + tail


def build_reranker(settings: Settings) -> Reranker | None:
    if not settings.reranker_model:
        return None
    return CrossEncoderReranker(settings.reranker_model, allow_downloads=settings.allow_downloads)
