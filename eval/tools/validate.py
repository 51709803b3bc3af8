"""Check the evaluation set and print its counts.

Run from the repository root:  .venv/bin/python eval/tools/validate.py   (exit status 1 on any problem)
Checks: schema and enums, every code exists in the national corpus, every shared reference resolves, ward-police intents
keep all variants in one split, each bundled-pack procedure has the minimum number of written questions per language
and style, and no written question copies a real question from ../shared.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict

from common import EVAL, SHARED, corpus_codes, pack_codes, strip_diacritics

LANGS = {"vi", "en", "ar"}
STYLES = {"formal", "no_diacritics", "abbreviated", "vague"}
OUTCOMES = {"answered", "no_match", "out_of_scope", "clarify"}
INTENTS = {"documents", "fee", "time", "steps", "where", "legal", "eligibility", "result", "overview"}
SPLITS = {"dev", "heldout"}
# minimum written questions per bundled procedure: (language, style) -> count
PACK_MINIMUM = {
    ("vi", "formal"): 2,
    ("vi", "no_diacritics"): 2,
    ("vi", "abbreviated"): 1,
    ("en", None): 2,
    ("ar", None): 2,
}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def load(name: str) -> list[dict]:
    with (EVAL / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check_common(row: dict, known: set[str], where: str) -> None:
    if row.get("language") not in LANGS:
        err(f"{where}: language {row.get('language')!r}")
    if row.get("split") not in SPLITS:
        err(f"{where}: split {row.get('split')!r}")
    for code in row.get("codes", []):
        if code not in known:
            err(f"{where}: code {code} not in the national corpus")
    outcome = row.get("outcome")
    if outcome is not None:
        if outcome not in OUTCOMES:
            err(f"{where}: outcome {outcome!r}")
        if outcome in ("answered", "clarify") and not row.get("codes"):
            err(f"{where}: {outcome} without codes")
        if outcome in ("no_match", "out_of_scope") and row.get("codes"):
            err(f"{where}: {outcome} with codes")
        if outcome == "clarify" and len(row["codes"]) < 2:
            err(f"{where}: clarify needs at least two codes")


def norm(text: str) -> str:
    return " ".join(strip_diacritics(text).lower().split())


def shared_texts() -> set[str]:
    texts: set[str] = set()
    for line in (SHARED / "queries" / "ward-police-intents.jsonl").read_text(encoding="utf-8").splitlines():
        texts.update(norm(q) for q in json.loads(line)["questions"])
    texts.update(
        norm(q) for q in (SHARED / "queries" / "citizen-questions.txt").read_text(encoding="utf-8").splitlines()
    )
    for line in (SHARED / "queries" / "dvc-faq-qa.jsonl").read_text(encoding="utf-8").splitlines():
        texts.add(norm(json.loads(line)["question"]))
    return texts


def resolve_ref(ref: dict, cache: dict[str, list[str]]) -> str | None:
    path = SHARED / ref["file"]
    if ref["file"] not in cache:
        cache[ref["file"]] = path.read_text(encoding="utf-8").splitlines()
    lines = cache[ref["file"]]
    if not 1 <= ref["line"] <= len(lines):
        return None
    line = lines[ref["line"] - 1]
    if "question" in ref:
        questions = json.loads(line)["questions"]
        return questions[ref["question"]] if 0 <= ref["question"] < len(questions) else None
    if ref.get("field"):
        return json.loads(line).get(ref["field"])
    return line


def table(title: str, counter: Counter) -> None:
    print(f"  {title}: " + ", ".join(f"{k}={v}" for k, v in sorted(counter.items())))


def main() -> int:
    known = set(corpus_codes())
    real = shared_texts()

    # shared-refs -----------------------------------------------------------------------------------------------
    refs = load("shared-refs.jsonl")
    cache: dict[str, list[str]] = {}
    intent_split: dict[str, set[str]] = defaultdict(set)
    per_file: Counter = Counter()
    for row in refs:
        check_common(row, known, row["id"])
        if row.get("style") not in STYLES:
            err(f"{row['id']}: style {row.get('style')!r}")
        if row["outcome"] == "out_of_scope":
            err(f"{row['id']}: real questions are never out_of_scope in this set")
        if resolve_ref(row["ref"], cache) is None:
            err(f"{row['id']}: reference does not resolve: {row['ref']}")
        if "text" in row:
            err(f"{row['id']}: shared refs must not store text")
        per_file[row["ref"]["file"]] += 1
        if row["id"].startswith("wp-"):
            intent_split[row["intent_code"]].add(row["split"])
    expected = {
        "queries/ward-police-intents.jsonl": 2069,
        "queries/citizen-questions.txt": 400,
        "queries/dvc-faq-qa.jsonl": 74,
    }
    for file, n in expected.items():
        if per_file[file] != n:
            err(f"shared-refs: {per_file[file]} rows for {file}, expected {n}")
    for intent, splits in intent_split.items():
        if len(splits) != 1:
            err(f"shared-refs: intent {intent} spans splits {splits}")

    # pack questions ----------------------------------------------------------------------------------------------
    pack = load("pack-questions.jsonl")
    coverage: dict[str, Counter] = defaultdict(Counter)
    for row in pack:
        check_common(row, known, row["id"])
        if row.get("style") not in STYLES - {"vague"}:
            err(f"{row['id']}: style {row.get('style')!r}")
        if row.get("intent") not in INTENTS:
            err(f"{row['id']}: intent {row.get('intent')!r}")
        if norm(row["text"]) in real:
            err(f"{row['id']}: copies a real question")
        if row["outcome"] == "answered" and row.get("procedure"):
            if row["procedure"] not in row["codes"]:
                err(f"{row['id']}: procedure {row['procedure']} missing from its codes")
            coverage[row["procedure"]][(row["language"], row["style"])] += 1
            coverage[row["procedure"]][(row["language"], None)] += 1
    for code in pack_codes():
        for key, minimum in PACK_MINIMUM.items():
            if coverage[code][key] < minimum:
                err(f"pack-questions: {code} has {coverage[code][key]} {key}, needs {minimum}")
    if not any(r["outcome"] == "clarify" for r in pack):
        err("pack-questions: no clarify cases")

    # conversations -----------------------------------------------------------------------------------------------
    convs = load("conversation-questions.jsonl")
    for row in convs:
        check_common(row, known, row["id"])
        if len(row["turns"]) < 2:
            err(f"{row['id']}: a follow-up conversation needs at least two turns")
        for i, turn in enumerate(row["turns"]):
            if not turn.get("codes"):
                err(f"{row['id']} turn {i}: no codes")
            for code in turn["codes"]:
                if code not in known:
                    err(f"{row['id']} turn {i}: code {code} not in the corpus")
            if turn.get("intent") not in INTENTS:
                err(f"{row['id']} turn {i}: intent {turn.get('intent')!r}")
            if norm(turn["text"]) in real:
                err(f"{row['id']} turn {i}: copies a real question")

    # out of scope ------------------------------------------------------------------------------------------------
    oos = load("out-of-scope.jsonl")
    for row in oos:
        check_common(row, known, row["id"])
        if row.get("style") not in STYLES - {"vague"}:
            err(f"{row['id']}: style {row.get('style')!r}")
        if norm(row["text"]) in real:
            err(f"{row['id']}: copies a real question")
    ids = [r["id"] for r in refs + pack + convs + oos]
    for rid, n in Counter(ids).items():
        if n > 1:
            err(f"duplicate id {rid}")

    # report --------------------------------------------------------------------------------------------------------
    print("shared-refs.jsonl:", len(refs))
    for file in expected:
        rows = [r for r in refs if r["ref"]["file"] == file]
        print(f" {file}: {len(rows)}")
        table("style", Counter(r["style"] for r in rows))
        table("outcome", Counter(r["outcome"] for r in rows))
        table("split", Counter(r["split"] for r in rows))
    print("pack-questions.jsonl:", len(pack))
    table("language", Counter(r["language"] for r in pack))
    table("language/style", Counter(f"{r['language']}/{r['style']}" for r in pack))
    table("intent", Counter(r["intent"] for r in pack))
    table("outcome", Counter(r["outcome"] for r in pack))
    table("split", Counter(r["split"] for r in pack))
    print("conversation-questions.jsonl:", len(convs), "conversations,", sum(len(r["turns"]) for r in convs), "turns")
    table("language", Counter(r["language"] for r in convs))
    table("split", Counter(r["split"] for r in convs))
    print("out-of-scope.jsonl:", len(oos))
    table("outcome", Counter(r["outcome"] for r in oos))
    table("language/style (declined)", Counter(f"{r['language']}/{r['style']}" for r in oos if not r["codes"]))
    table("language/style (look-alikes)", Counter(f"{r['language']}/{r['style']}" for r in oos if r["codes"]))
    table("category", Counter(r["category"] for r in oos))
    table("split", Counter(r["split"] for r in oos))

    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for msg in errors[:200]:
            print("  " + msg, file=sys.stderr)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
