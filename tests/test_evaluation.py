"""The evaluation harness: references resolved from ../shared-like files, metrics, baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation.baseline import NaiveBaseline
from assistant.evaluation.question_eval import evaluate, load_questions, render
from assistant.runtime import KnowledgeRuntime
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore


@pytest.fixture
def runtime(settings: Settings, tiny_pack: Path) -> KnowledgeRuntime:
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([tiny_pack])
    return KnowledgeRuntime(settings, HashingEmbedder())


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def test_refs_are_read_from_the_shared_folder(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "queries").mkdir(parents=True)
    (shared / "queries" / "intents.jsonl").write_text(
        json.dumps({"questions": ["dktt can gi", "nhập hộ khẩu?"]}, ensure_ascii=False) + "\n", "utf-8")
    (shared / "queries" / "plain.txt").write_text("câu một\ncau mot\n", "utf-8")
    refs = _write(tmp_path / "refs.jsonl", [
        {"id": "a", "ref": {"file": "queries/intents.jsonl", "line": 1, "question": 1}, "codes": ["1.004222"]},
        {"id": "b", "ref": {"file": "queries/plain.txt", "line": 2}, "codes": []},
        {"id": "c", "ref": {"file": "queries/missing.txt", "line": 1}, "codes": []},
    ])
    questions, unresolved = load_questions([refs], shared)
    assert [q.text for q in questions] == ["nhập hộ khẩu?", "cau mot"] and unresolved == 1


def test_metrics_by_language_and_style(runtime: KnowledgeRuntime, tmp_path: Path) -> None:
    questions_file = _write(tmp_path / "q.jsonl", [
        {"id": "1", "text": "đăng ký thường trú cần gì", "codes": ["1.004222"], "language": "vi",
         "intent": "documents"},
        {"id": "2", "text": "lam giay khai sinh", "codes": ["1.001193"], "language": "vi", "style": "no_diacritics",
         "intent": "time"},
        {"id": "3", "text": "household registration fee", "codes": ["1.004222"], "language": "en", "intent": "fee"},
        {"id": "4", "text": "thời tiết mai thế nào", "codes": [], "language": "vi", "outcome": "out_of_scope"},
        {"id": "5", "text": "giấy phép lái tàu bay", "codes": ["9.999999"], "language": "vi"},
        {"id": "6", "turns": [{"text": "đăng ký khai sinh cần gì", "codes": ["1.001193"]},
                              {"text": "còn lệ phí?", "codes": ["1.001193"], "intent": "fee"}], "language": "vi"},
    ])
    questions, _ = load_questions([questions_file], tmp_path)
    report = evaluate(questions, runtime.finder())
    assert report.retrieval["all"]["n"] == 5 and report.retrieval["all"]["hit@1"] == 1.0
    assert report.retrieval["lang=en"]["n"] == 1 and report.retrieval["style=follow_up"]["hit@1"] == 1.0
    assert report.skipped_not_in_index == 1
    assert report.outcomes["out_of_scope_recall"] == 1.0 and report.outcomes["out_of_scope_precision"] == 1.0
    assert "hit@1" in render(report)
    # intent read against the label: "lam giay khai sinh" asks nothing specific (overview), not the time
    assert report.intent["n"] == 4 and report.intent["accuracy"] == 0.75
    assert report.intent["by_label"]["time"] == {"n": 1, "correct": 0.0}
    assert report.intent["by_label"]["fee"] == {"n": 2, "correct": 1.0}
    assert "intent read: 0.750 of 4" in render(report)


def test_naive_baseline_ranks_codes_and_is_cached(runtime: KnowledgeRuntime, settings: Settings) -> None:
    baseline = NaiveBaseline.build_or_load(runtime.index(), HashingEmbedder(), settings.cache_dir)
    assert baseline.search("đăng ký thường trú", k=2)[0] == "1.004222"
    assert list(settings.cache_dir.glob("baseline-vectors-*.npz"))
    again = NaiveBaseline.build_or_load(runtime.index(), HashingEmbedder(), settings.cache_dir)
    assert again.search("khai sinh", k=1) == ["1.001193"]
