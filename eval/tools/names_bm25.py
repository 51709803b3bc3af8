"""Experiment (not in the product): a BM25 over procedure names and fields, alone and fused (RRF) with the
finder's ranking, on the non-pack questions — hit@1 / hit@3 by style.

Run: ``.venv/bin/python eval/tools/names_bm25.py --data-dir var-national --split dev``"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from assistant.runtime import KnowledgeRuntime
from knowledge.lexical import BM25Index
from knowledge.settings import Settings

QUESTIONS = Path(__file__).resolve().parents[1] / "national-questions.jsonl"

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--data-dir", type=Path, required=True)
parser.add_argument("--split", default="dev")
args = parser.parse_args()
runtime = KnowledgeRuntime(Settings(data_dir=args.data_dir))
index, finder = runtime.index(), runtime.finder()
keys = list(index.by_code)
names = BM25Index.build([" ".join([g[0].name, g[0].name, g[0].field or "", *g[0].aliases])
                         for g in index.by_code.values()])
counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
for line in QUESTIONS.read_text("utf-8").splitlines():
    question = json.loads(line)
    if question["split"] != args.split:
        continue
    found = finder.find(question["text"], k=10)
    base = [h.code for h in found.hits]
    scores = names.scores(found.analysis.normalized, terms=found.analysis.lexical_terms())
    by_name = [keys[i] for i in np.argsort(-scores)[:50] if scores[i] > 0]
    fused: dict[str, float] = defaultdict(float)
    for ranking in (base, by_name[:20]):
        for rank, code in enumerate(ranking):
            fused[code] += 1 / (61 + rank)
    for method, ranking in (("finder", base), ("names", by_name),
                            ("fused", sorted(fused, key=lambda c: -fused[c]))):
        for group in (question["style"], "all"):
            row = counts[(method, group)]
            row[0] += 1
            row[1] += bool(ranking[:1] and ranking[0] in question["codes"])
            row[2] += any(c in question["codes"] for c in ranking[:3])
for (method, group), (n, first, top3) in sorted(counts.items()):
    print(f"{method:7} {group:14} n={n:3}  hit@1 {first / n:.3f}  hit@3 {top3 / n:.3f}")
