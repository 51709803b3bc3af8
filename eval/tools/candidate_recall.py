"""How often the right procedure is among the learned ranking's candidates, per ranking and per style.

The learned ranking (``assistant.retrieval.learned``) orders the best ``depth`` procedures of four rankings (chunk
BM25, dense, names BM25 over the analysed question and over the question as typed). When its hit@1 is low, this
tells whether the right procedure was there to be ordered (recall of the union) and which ranking brought it.

``.venv/bin/python eval/tools/candidate_recall.py --data-dir var-national [--file national-questions.jsonl]``
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from assistant.evaluation.question_eval import load_questions
from assistant.retrieval.finder import content_terms
from assistant.runtime import KnowledgeRuntime
from knowledge.settings import Settings

EVAL = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--file", default="national-questions.jsonl", help="A question file of eval/.")
    parser.add_argument("--shared", type=Path, default=EVAL.parents[1] / "shared")
    args = parser.parse_args()
    questions, _ = load_questions([EVAL / args.file], args.shared)
    finder = KnowledgeRuntime(Settings(data_dir=args.data_dir).for_measuring()).finder()
    depth = finder.ranking.depth
    tallies: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for question in questions:
        if not question.codes:
            continue
        wanted = set(question.codes)

        def right(keys: list[str], wanted: set[str] = wanted) -> bool:
            return any(p.code in wanted for key in keys for p in finder.index.by_code.get(key, []))

        analysis = finder.analyzer.analyze(question.text, None)
        features, rankings = finder.candidates(analysis, content_terms(analysis), question.text)
        tally = tallies[(question.split, question.style)]
        tally["n"] += 1
        tally["candidates"] += right(list(features))
        for name, ranking in rankings.items():
            tally[name] += right([key for key, _, _ in ranking[:depth]])
    names = sorted({k for t in tallies.values() for k in t} - {"n", "candidates"})
    print(f"{'split':8} {'style':14} {'n':>4}  candidates  " + "  ".join(f"{n:>8}" for n in names))
    for (split, style), tally in sorted(tallies.items()):
        n = tally["n"]
        print(f"{split:8} {style:14} {n:4}  {tally['candidates'] / n:10.2f}  "
              + "  ".join(f"{tally[name] / n:8.2f}" for name in names))


if __name__ == "__main__":
    main()
