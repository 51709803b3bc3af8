"""A plain BM25 over each procedure's name and field, against the finder, on the Vietnamese non-pack questions.

The floor any ranking beyond the pack must beat: no expansion, no dense search, no rules; diacritics folded and word
bigrams as in the lexical index. Prints hit@1 / hit@3 per style for both. Run with a national data dir:
``.venv/bin/python eval/tools/names_bm25.py --data-dir var-national --split heldout``
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from assistant.runtime import KnowledgeRuntime
from knowledge.lexical import BM25Index
from knowledge.settings import Settings

QUESTIONS = Path(__file__).resolve().parents[1] / "national-questions.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    args = parser.parse_args()
    runtime = KnowledgeRuntime(Settings(data_dir=args.data_dir).for_measuring())
    index, finder = runtime.index(), runtime.finder()
    records = [group[0] for group in index.by_code.values()]
    names = BM25Index.build([f"{r.name}\n{r.field or ''}" for r in records])
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for line in QUESTIONS.read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["split"] != args.split:
            continue
        codes = set(row["codes"])
        plain = [records[i].code in codes for i, _ in names.search(row["text"], 3)]
        found = [h.code in codes for h in finder.find(row["text"], k=3).hits]
        for key in (row["style"], "all"):
            tally = tallies[key]
            tally[0] += 1
            tally[1] += bool(plain[:1] and plain[0])
            tally[2] += any(plain)
            tally[3] += bool(found[:1] and found[0])
            tally[4] += any(found)
    print(f"{'style':14} {'n':>4}  names BM25 hit@1/hit@3  finder hit@1/hit@3")
    for key, (n, p1, p3, f1, f3) in sorted(tallies.items()):
        print(f"{key:14} {n:4}  {p1 / n:.3f}/{p3 / n:.3f}            {f1 / n:.3f}/{f3 / n:.3f}")


if __name__ == "__main__":
    main()
