"""Model loading code, exercised with tiny local models built on the fly (nothing is downloaded)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ingest.pipeline import Ingestor
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore

WORDS = ["đăng", "ký", "khai", "sinh", "thường", "trú", "hộ", "chiếu", "query", "passage", ":", "birth"]


def _tiny_bert(folder: Path, *, classifier: bool = False) -> Path:
    from transformers import BertConfig, BertForSequenceClassification, BertModel, BertTokenizerFast

    folder.mkdir(parents=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", "utf-8")
    BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=True).save_pretrained(folder)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=64, num_labels=1)
    model = BertForSequenceClassification(config) if classifier else BertModel(config)
    model.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_bert(tmp_path_factory.mktemp("models") / "tiny-encoder")


def test_local_directory_model_embeds_with_prefixes(tiny_encoder: Path) -> None:
    plain = SentenceTransformerEmbedder(str(tiny_encoder))
    prefixed = SentenceTransformerEmbedder(str(tiny_encoder), query_prefix="query: ", passage_prefix="passage: ")
    docs = prefixed.embed_documents(["đăng ký khai sinh", "hộ chiếu"])
    assert docs.shape == (2, 16) and np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-5)
    assert prefixed.dimension == 16
    assert not np.allclose(prefixed.embed_query("khai sinh"), plain.embed_query("khai sinh"))


def test_ingest_records_the_configured_model_in_the_manifest(tiny_encoder: Path, settings: Settings,
                                                              tiny_pack: Path) -> None:
    embedder = SentenceTransformerEmbedder(str(tiny_encoder))
    Ingestor(IndexStore(settings.index_root), embedder).run([tiny_pack])
    manifest = IndexStore(settings.index_root).manifest()
    assert manifest is not None and manifest.embedding_model == str(tiny_encoder) and manifest.dimension == 16


def test_missing_model_without_downloads_is_a_clear_error(tmp_path: Path) -> None:
    embedder = SentenceTransformerEmbedder("no-such-org/no-such-model-xyz")
    with pytest.raises(RuntimeError, match="not available locally"):
        embedder.embed_query("khai sinh")


def test_cross_encoder_reranker_loads_a_local_model(tmp_path: Path, settings: Settings, tiny_pack: Path) -> None:
    from assistant.retrieval.rerank import CrossEncoderReranker
    from assistant.runtime import KnowledgeRuntime
    from knowledge.embeddings import HashingEmbedder

    model = _tiny_bert(tmp_path / "tiny-cross", classifier=True)
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([tiny_pack])
    hits = KnowledgeRuntime(settings, HashingEmbedder()).finder().find("đăng ký", k=2).hits
    reranked = CrossEncoderReranker(str(model)).rerank("đăng ký khai sinh", list(hits))
    assert sorted(h.code for h in reranked) == sorted(h.code for h in hits)
    assert reranked[0].score >= reranked[1].score


def test_direct_query_path_matches_sentence_transformers(tiny_encoder: Path) -> None:
    embedder = SentenceTransformerEmbedder(str(tiny_encoder), query_prefix="query: ", query_precision="float32")
    assert embedder.query_encoder() is not None
    direct = embedder.embed_query("đăng ký khai sinh")
    reference = embedder.model.encode(["query: đăng ký khai sinh"], normalize_embeddings=True)[0]
    assert np.allclose(direct, reference, atol=1e-5)


@pytest.mark.parametrize("precision", ["auto", "bfloat16"])
def test_reduced_precision_query_vectors_agree_with_full_ones(tiny_encoder: Path, precision: str) -> None:
    full = SentenceTransformerEmbedder(str(tiny_encoder), query_precision="float32")
    other = SentenceTransformerEmbedder(str(tiny_encoder), query_precision=precision)  # type: ignore[arg-type]
    question = "gia hạn tạm trú cho người nước ngoài"
    assert float(full.embed_query(question) @ other.embed_query(question)) > 0.99
    encoder = other.query_encoder()
    allowed = {"bfloat16"} if precision == "bfloat16" else {"bfloat16", "float32"}
    assert encoder is not None and encoder.precision in allowed


def test_a_traced_question_encoder_gives_the_modules_vectors(tiny_encoder: Path) -> None:
    encoder = SentenceTransformerEmbedder(str(tiny_encoder), query_precision="float32").query_encoder()
    assert encoder is not None
    graph = encoder._trace(encoder.transformer)
    for text in ("khai sinh", "đăng ký khai sinh thường trú hộ chiếu birth " * 4):  # traced on another length
        assert np.allclose(encoder._run(graph, text), encoder._run(encoder.transformer, text), atol=1e-5)


def test_a_question_encoder_that_cannot_be_traced_runs_the_module(tiny_encoder: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge.query_encoder import QueryEncoder

    def fail(self: QueryEncoder, model: object) -> object:
        raise RuntimeError("tracing is not supported here")

    monkeypatch.setattr(QueryEncoder, "_trace", fail)
    embedder = SentenceTransformerEmbedder(str(tiny_encoder), query_precision="float32")
    vector = embedder.embed_query("đăng ký khai sinh")
    reference = embedder.model.encode(["đăng ký khai sinh"], normalize_embeddings=True)[0]
    encoder = embedder.query_encoder()
    assert encoder is not None and encoder.traced is False
    assert np.allclose(vector, reference, atol=1e-5)


def test_measuring_fixes_the_question_encoders_precision(settings: Settings) -> None:
    assert settings.query_precision == "auto"
    assert settings.for_measuring().query_precision == "float32"
    chosen = settings.model_copy(update={"query_precision": "bfloat16"})
    assert chosen.for_measuring().query_precision == "bfloat16"
