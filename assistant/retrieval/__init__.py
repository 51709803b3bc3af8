"""Finding procedures: hybrid lexical + dense retrieval, reranking stages, search service."""
