"""Contract tests run against every chunk-index implementation (lexical BM25 and dense FAISS)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.dense import FaissIndex
from knowledge.embeddings import HashingEmbedder
from knowledge.lexical import BM25Index

TEXTS = [
    "Thủ tục đăng ký khai sinh cho trẻ em",
    "Đăng ký thường trú tại Công an cấp xã",
    "Cấp đổi giấy phép lái xe",
    "Chứng thực bản sao từ bản chính",
]

Search = Callable[[str, int], list[tuple[int, float]]]


class _Lexical:
    def __init__(self, texts: list[str]) -> None:
        self.index = BM25Index.build(texts)

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        return self.index.search(query, k)

    def reload(self, directory: Path) -> _Lexical:
        self.index.save(directory)
        clone = _Lexical([])
        clone.index = BM25Index.load(directory)
        return clone


class _Dense:
    embedder = HashingEmbedder()

    def __init__(self, texts: list[str]) -> None:
        self.index = FaissIndex.build(self.embedder.embed_documents(texts), self.embedder.dimension)

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        return self.index.search_vector(self.embedder.embed_query(query), k)

    def reload(self, directory: Path) -> _Dense:
        self.index.save(directory)
        clone = _Dense([])
        clone.index = FaissIndex.load(directory)
        return clone


@pytest.fixture(params=[_Lexical, _Dense], ids=["bm25", "faiss"])
def impl(request: pytest.FixtureRequest) -> _Lexical | _Dense:
    factory = request.param
    return factory(TEXTS)  # type: ignore[no-any-return]


def test_best_match_first_and_sorted(impl: _Lexical | _Dense) -> None:
    hits = impl.search("đăng ký khai sinh", 3)
    assert hits[0][0] == 0
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True)


def test_k_is_respected(impl: _Lexical | _Dense) -> None:
    assert len(impl.search("đăng ký", 1)) == 1
    assert len(impl.search("đăng ký", 100)) <= len(TEXTS)


def test_query_without_diacritics_finds_the_same_document(impl: _Lexical | _Dense) -> None:
    assert impl.search("dang ky thuong tru", 1)[0][0] == 1


def test_save_and_load_round_trip(impl: _Lexical | _Dense, tmp_path: Path) -> None:
    before = impl.search("giấy phép lái xe", 2)
    after = impl.reload(tmp_path).search("giấy phép lái xe", 2)
    assert [r for r, _ in before] == [r for r, _ in after]
    assert [round(s, 5) for _, s in before] == [round(s, 5) for _, s in after]


def test_empty_index_returns_nothing(impl: _Lexical | _Dense) -> None:
    empty = type(impl)([])
    assert empty.search("khai sinh", 5) == []


@pytest.mark.parametrize("terms", [["dang", "ky"], ["dang", "ky", "dang", "xa"], ["giay", "phep", "lai", "xe", "ban"]])
def test_bm25_scores_are_the_weight_matrix_times_the_term_counts(terms: list[str]) -> None:
    """The column-by-column scoring gives exactly what the sparse product of the weights and the counts gives."""
    from collections import Counter

    import numpy as np

    index = BM25Index.build(TEXTS)
    counts = Counter(index.term_ids(terms))
    assert counts, "the terms must be in the vocabulary"
    expected = np.asarray(index.weights[:, list(counts)] @ np.asarray(list(counts.values()), dtype=np.float32)).ravel()
    assert np.array_equal(index.scores("", terms=terms), expected)
