"""The search service: a query in, procedures out (one row per procedure, best first)."""

from __future__ import annotations

from assistant.runtime import KnowledgeRuntime
from assistant.schemas import SearchResponse, SearchResult

MAX_K = 50


class SearchService:
    def __init__(self, runtime: KnowledgeRuntime) -> None:
        self.runtime = runtime

    def search(self, query: str, k: int = 5, language: str | None = None) -> SearchResponse:
        """Search procedures. ``language`` is the asker's language; ``None`` detects it."""
        query = query.strip()
        if not query:
            raise ValueError("query is empty")
        found = self.runtime.finder().find(query, k=max(1, min(k, MAX_K)), language=language)
        results = [
            SearchResult(
                procedure_code=hit.code,
                procedure_name=hit.procedure.name_in(found.analysis.reply_language),
                score=round(hit.score, 6),
                section=hit.section,
                snippet=hit.snippet(),
                source=hit.chunk.source,
                level=hit.procedure.levels,
            )
            for hit in found.hits
        ]
        return SearchResponse(query=query, language=found.analysis.reply_language, results=results)
