"""Retrieval and answer-outcome evaluation over labeled questions (``motcua eval``).

Question files are JSONL. A line holds either its ``text`` or a ``ref`` to a real question in ``../shared``
(file + line, and the variant index for ward-police intents), so the repository keeps only labels. Conversations
(``turns``) are evaluated turn by turn in one session. A question or turn labelled with an ``intent`` (what the person
wants to know: documents, fee, time, ...) also scores the intent the assistant read, a stage measured on its own:
the answer leads with that section, so a wrong intent hides what was asked even when the procedure is right.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.answers.chat import ChatService
from assistant.answers.storage import ConversationStore
from assistant.retrieval.finder import ProcedureFinder
from assistant.schemas import ChatRequest


@dataclass
class Question:
    id: str
    text: str
    codes: list[str]
    language: str
    style: str = "formal"
    outcome: str = "answered"
    split: str = "dev"
    session: str | None = None
    #: What the person wants to know (``assistant.understanding.intent.INTENTS``); None when not labelled.
    intent: str | None = None


@dataclass
class Tally:
    n: int = 0
    hit1: int = 0
    hit3: int = 0
    rr: float = 0.0

    def add(self, rank: int | None) -> None:
        self.n += 1
        if rank is not None:
            self.hit1 += rank == 1
            self.hit3 += rank <= 3
            self.rr += 1.0 / rank

    def row(self) -> dict[str, float]:
        n = max(self.n, 1)
        return {"n": self.n, "hit@1": round(self.hit1 / n, 3), "hit@3": round(self.hit3 / n, 3),
                "mrr": round(self.rr / n, 3)}


@dataclass
class EvalReport:
    retrieval: dict[str, dict[str, float]] = field(default_factory=dict)
    outcomes: dict[str, Any] = field(default_factory=dict)
    language_id: dict[str, float] = field(default_factory=dict)
    skipped_not_in_index: int = 0
    baseline: dict[str, dict[str, float]] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    #: Intent read against the label, over labelled questions the assistant should answer: overall and by label.
    intent: dict[str, Any] = field(default_factory=dict)


def _resolve(ref: dict[str, Any], shared: Path, cache: dict[str, list[str]]) -> str | None:
    path = shared / ref["file"]
    if str(path) not in cache:
        if not path.exists():
            return None
        cache[str(path)] = path.read_text("utf-8").splitlines()
    lines = cache[str(path)]
    line = lines[int(ref["line"]) - 1]
    if "question" in ref:
        return str(json.loads(line)["questions"][int(ref["question"])])
    if "field" in ref:
        return str(json.loads(line)[ref["field"]])
    return line.strip()


def load_questions(paths: Iterable[Path], shared: Path) -> tuple[list[Question], int]:
    """Questions from JSONL files; returns them and the number whose ``ref`` could not be resolved."""
    out: list[Question] = []
    unresolved = 0
    cache: dict[str, list[str]] = {}
    for path in paths:
        for number, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if not raw.strip():
                continue
            row = json.loads(raw)
            common = {"language": row.get("language", "vi"), "split": row.get("split", "dev")}
            if "turns" in row:
                for n, turn in enumerate(row["turns"]):
                    out.append(Question(f"{row['id']}#{n}", turn["text"], turn.get("codes", []), **common,
                                        style="follow_up" if n else "formal", session=row["id"],
                                        intent=turn.get("intent")))
                continue
            text = row.get("text") or (_resolve(row["ref"], shared, cache) if "ref" in row else None)
            if text is None:
                unresolved += 1
                continue
            out.append(Question(row.get("id", f"{path.name}:{number}"), text, row.get("codes", []), **common,
                                style=row.get("style", "formal"), outcome=row.get("outcome", "answered"),
                                intent=row.get("intent")))
    return out, unresolved


def _rank(codes: list[str], found: list[str]) -> int | None:
    for position, code in enumerate(found, start=1):
        if code in codes:
            return position
    return None


def intent_report(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Accuracy of the intents read against the labels, overall and per label, from (label, read) pairs; a
    question read as asking nothing specific counts as ``overview`` (its answer is the overview)."""
    by_label: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for label, read in pairs:
        by_label[label][0] += label == read
        by_label[label][1] += 1
    right = sum(v[0] for v in by_label.values())
    return {"n": len(pairs), "accuracy": round(right / max(len(pairs), 1), 3),
            "by_label": {k: {"n": v[1], "correct": round(v[0] / v[1], 3)} for k, v in sorted(by_label.items())}}


def evaluate(questions: list[Question], finder: ProcedureFinder, *, split: str | None = None,
             baseline: Any = None) -> EvalReport:
    """hit@1, hit@3 and MRR by language and style; outcome accuracy; out-of-scope precision and recall."""
    report = EvalReport()
    chat = ChatService(finder, ConversationStore("sqlite://"))
    tallies: dict[str, Tally] = defaultdict(Tally)
    base: dict[str, Tally] = defaultdict(Tally)
    lang_ok = lang_n = 0
    oos = {"tp": 0, "fp": 0, "fn": 0}
    outcome_ok: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    confusion: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    intents: list[tuple[str, str]] = []
    index = finder.index
    for q in questions:
        if split and q.split != split:
            continue
        response = chat.answer(ChatRequest(message=q.text, session_id=q.session, channel="api"), use_llm=False)
        predicted_oos, expected_oos = response.outcome == "out_of_scope", q.outcome == "out_of_scope"
        if predicted_oos or expected_oos:
            oos["tp" if predicted_oos and expected_oos else "fp" if predicted_oos else "fn"] += 1
        confusion[q.outcome][response.outcome] += 1
        if q.intent is not None and q.outcome == "answered":
            intents.append((q.intent, response.intent or "overview"))
        stats = outcome_ok[q.outcome]
        stats[1] += 1
        stats[0] += response.outcome == q.outcome
        stats[2] += response.outcome == q.outcome and (
            q.outcome != "answered" or (response.procedure is not None and response.procedure.code in q.codes))
        if q.outcome == "out_of_scope" or not q.codes:
            continue
        if not any(index.procedure(code) for code in q.codes):
            report.skipped_not_in_index += 1
            continue
        lang_n += 1
        lang_ok += response.language == q.language
        if q.session and response.procedure is not None and q.style == "follow_up":
            ranked = [response.procedure.code]
        else:
            ranked = [h.code for h in finder.find(q.text, k=10).hits]
        rank = _rank(q.codes, ranked)
        for key in ("all", f"lang={q.language}", f"style={q.style}", f"{q.language}/{q.style}"):
            tallies[key].add(rank)
        if rank != 1 and len(report.misses) < 200:
            report.misses.append({"id": q.id, "text": q.text[:120], "expected": q.codes, "got": ranked[:3]})
        if baseline is not None and q.style != "follow_up":
            brank = _rank(q.codes, baseline.search(q.text, k=10))
            for key in ("all", f"lang={q.language}", f"style={q.style}"):
                base[key].add(brank)
    report.retrieval = {k: t.row() for k, t in sorted(tallies.items())}
    report.baseline = {k: t.row() for k, t in sorted(base.items())}
    precision = oos["tp"] / max(oos["tp"] + oos["fp"], 1)
    recall = oos["tp"] / max(oos["tp"] + oos["fn"], 1)
    report.outcomes = {"out_of_scope_precision": round(precision, 3), "out_of_scope_recall": round(recall, 3),
                       "by_expected_outcome": {k: {"n": v[1], "correct": round(v[0] / max(v[1], 1), 3),
                                                   "correct_with_procedure": round(v[2] / max(v[1], 1), 3)}
                                               for k, v in sorted(outcome_ok.items())},
                       # expected outcome -> what the assistant did (a question to decline that gets no_match is
                       # still declined, with the closest procedures offered)
                       "confusion": {k: dict(sorted(v.items())) for k, v in sorted(confusion.items())},
                       "declined": {k: round((v.get("no_match", 0) + v.get("out_of_scope", 0)) / sum(v.values()), 3)
                                    for k, v in sorted(confusion.items())}}
    report.language_id = {"n": lang_n, "accuracy": round(lang_ok / max(lang_n, 1), 3)}
    report.intent = intent_report(intents)
    return report


def render(report: EvalReport) -> str:
    lines = [f"{'group':<28} {'n':>5} {'hit@1':>6} {'hit@3':>6} {'MRR':>6}"]
    for key, row in report.retrieval.items():
        lines.append(f"{key:<28} {row['n']:>5} {row['hit@1']:>6.3f} {row['hit@3']:>6.3f} {row['mrr']:>6.3f}")
    if report.baseline:
        lines.append("")
        lines.append("naive baseline (RecursiveCharacterTextSplitter 1000/200 + FAISS, top chunk wins)")
        for key, row in report.baseline.items():
            ours = report.retrieval.get(key, {}).get("hit@1", 0.0)
            ratio = f"{ours / row['hit@1']:.2f}x" if row["hit@1"] else "n/a"
            lines.append(f"{key:<28} {row['n']:>5} {row['hit@1']:>6.3f} {row['hit@3']:>6.3f} {row['mrr']:>6.3f}"
                         f"   ours/baseline hit@1: {ratio}")
    lines.append("")
    lines.append(f"language id: {report.language_id}")
    if report.intent.get("n"):
        by_label = ", ".join(f"{k} {v['correct']:.2f} ({v['n']})" for k, v in report.intent["by_label"].items())
        lines.append(f"intent read: {report.intent['accuracy']:.3f} of {report.intent['n']} labelled ({by_label})")
    lines.append(f"outcomes: {json.dumps(report.outcomes, ensure_ascii=False)}")
    lines.append(f"skipped (expected procedure not in this index): {report.skipped_not_in_index}")
    return "\n".join(lines)
