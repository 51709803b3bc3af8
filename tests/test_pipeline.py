"""The ingest pipeline: incremental by content hash, atomic publishing, bad files reported."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore
from tests.conftest import BIRTH, RESIDENCE, write_pack


class CountingEmbedder(HashingEmbedder):
    """Counts the texts it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def embed_documents(self, texts, progress=None):  # type: ignore[no-untyped-def]
        self.embedded += len(texts)
        return super().embed_documents(texts, progress)


def _ingestor(settings: Settings, embedder: HashingEmbedder) -> Ingestor:
    return Ingestor(IndexStore(settings.index_root), embedder)


def test_first_ingest_adds_every_record(settings: Settings, tiny_pack: Path) -> None:
    summary = _ingestor(settings, HashingEmbedder()).run([tiny_pack])
    assert (summary.added, summary.updated, summary.removed, summary.failed) == (2, 0, 0, 0)
    index = IndexStore(settings.index_root).load()
    assert set(index.by_code) == {"1.001193", "1.004222"}
    assert index.manifest.counts["records"] == 2
    assert index.lexical.size == len(index.chunks)
    assert 0 < index.dense.size == sum(c.dense for c in index.chunks)
    vietnamese_dense = {index.chunks[row].section for row in index.dense.ids() if index.chunks[row].language == "vi"}
    assert vietnamese_dense == {"overview"}
    assert {c.language for c in index.chunks} == {"vi", "en", "ar"}


def test_reingest_unchanged_embeds_nothing_and_keeps_version(settings: Settings, tiny_pack: Path) -> None:
    embedder = CountingEmbedder()
    first = _ingestor(settings, embedder).run([tiny_pack])
    embedded_first = embedder.embedded
    second = _ingestor(settings, embedder).run([tiny_pack])
    assert embedded_first > 0 and embedder.embedded == embedded_first
    assert (second.added, second.updated, second.removed, second.unchanged) == (0, 0, 0, 2)
    assert second.published is None and IndexStore(settings.index_root).current_path() == first.published


def test_changed_record_reembeds_only_its_new_chunks(settings: Settings, tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    pack = write_pack(tmp_path, [copy.deepcopy(BIRTH), copy.deepcopy(RESIDENCE)])
    _ingestor(settings, embedder).run([pack])
    before = embedder.embedded
    changed = copy.deepcopy(RESIDENCE)
    changed["summary"] = "Đăng ký nơi thường trú mới của bạn với Công an cấp xã."
    write_pack(tmp_path, [copy.deepcopy(BIRTH), changed])
    summary = _ingestor(settings, embedder).run([pack])
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 1)
    assert embedder.embedded - before == summary.embedded == 1  # only the changed Vietnamese overview chunk


def test_record_gone_from_source_disappears(settings: Settings, tmp_path: Path) -> None:
    pack = write_pack(tmp_path, [copy.deepcopy(BIRTH), copy.deepcopy(RESIDENCE)])
    _ingestor(settings, HashingEmbedder()).run([pack])
    write_pack(tmp_path, [copy.deepcopy(BIRTH)])
    summary = _ingestor(settings, HashingEmbedder()).run([pack])
    assert summary.removed == 1
    index = IndexStore(settings.index_root).load()
    assert "1.004222" not in index.by_code
    assert all(c.procedure_code != "1.004222" for c in index.chunks)


def test_bad_files_are_reported_and_the_rest_go_on(settings: Settings, tiny_pack: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", "utf-8")
    summary = _ingestor(settings, HashingEmbedder()).run([tiny_pack, tmp_path / "missing.pdf", broken])
    assert summary.added == 2
    assert summary.failed >= 2
    reasons = " ".join(f"{where} {reason}" for where, reason in summary.failures)
    assert "missing.pdf" in reasons and "broken.jsonl" in reasons


def test_invalid_pack_entry_is_reported_by_name(settings: Settings, tmp_path: Path) -> None:
    bad = copy.deepcopy(RESIDENCE)
    del bad["translations"]["ar"]
    pack = write_pack(tmp_path, [copy.deepcopy(BIRTH), bad])
    summary = _ingestor(settings, HashingEmbedder()).run([pack])
    assert summary.added == 1 and summary.failed == 1
    assert "1.004222.yaml" in summary.failures[0][0] and "ar" in summary.failures[0][1]


def test_crash_during_publish_leaves_previous_index_serving(
    settings: Settings, tiny_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _ingestor(settings, HashingEmbedder()).run([tiny_pack])
    changed = copy.deepcopy(BIRTH)
    changed["summary"] = "Nội dung đã thay đổi."
    write_pack(tmp_path, [changed, copy.deepcopy(RESIDENCE)])

    def boom(self: object, directory: Path) -> None:
        raise KeyboardInterrupt("killed mid-ingest")

    monkeypatch.setattr("knowledge.lexical.BM25Index.save", boom)
    with pytest.raises(KeyboardInterrupt):
        _ingestor(settings, HashingEmbedder()).run([tiny_pack])
    store = IndexStore(settings.index_root)
    assert store.current_path() == first.published
    assert store.load().procedure("1.001193").summary == BIRTH["summary"]  # type: ignore[union-attr]
    monkeypatch.undo()
    summary = _ingestor(settings, HashingEmbedder()).run([tiny_pack])
    assert summary.updated == 1
    assert not list(settings.index_root.glob(".tmp-*")), "stale temporary version left behind"


def test_second_concurrent_ingest_is_refused(settings: Settings, tiny_pack: Path) -> None:
    import fcntl

    settings.index_root.mkdir(parents=True)
    with (settings.index_root / ".ingest.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(RuntimeError, match="another ingest"):
            _ingestor(settings, HashingEmbedder()).run([tiny_pack])


def test_index_built_with_older_term_rules_is_rebuilt(settings: Settings, tiny_pack: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = CountingEmbedder()
    first = _ingestor(settings, embedder).run([tiny_pack])
    monkeypatch.setattr("ingest.pipeline.LEXICAL_VERSION", 99)
    before = embedder.embedded
    second = _ingestor(settings, embedder).run([tiny_pack])
    assert second.published is not None and second.published != first.published
    assert embedder.embedded == before, "vectors are reused; only the lexical index is rebuilt"
    assert IndexStore(settings.index_root).manifest().lexical_version == 99  # type: ignore[union-attr]
