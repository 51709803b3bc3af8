"""Fit the answer confidence (``knowledge/confidence.yaml``) on the development questions and report how reliable
each outcome is, on dev and held-out.

For every first-turn question that passes the topic rules, the features of ``assistant.answers.confidence`` are
computed for the best procedure found; the label is whether that procedure is one of the question's labelled codes
(questions labelled ``no_match`` or ``out_of_scope`` are never right). A logistic regression is fitted on dev, and
the probability needed to answer is the highest that still answers all but ``--max-declined`` of the dev questions
whose best procedure is right.

Fitted over both kinds of deployment at once (over the bundled pack alone, a question about any other procedure
has no right answer, which is exactly what the model must learn to see). Run, with ../shared beside the repository
for the real questions:
``.venv/bin/python eval/tools/calibrate.py --data-dir var-pack var-national --write``
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from assistant.answers.confidence import CONFIDENCE_FILE, FEATURES, question_features
from assistant.evaluation.question_eval import Question, load_questions
from assistant.runtime import KnowledgeRuntime
from assistant.understanding.scope import classify_scope
from knowledge.settings import Settings

EVAL = Path(__file__).resolve().parents[1]
FILES = ("pack-questions.jsonl", "national-questions.jsonl", "multilingual-situations.jsonl", "shared-refs.jsonl",
         "no-fit-questions.jsonl", "out-of-scope.jsonl")
LANGUAGES = ("vi", "en", "ar", "zh", "ko")


def collect(questions: list[Question], runtime: KnowledgeRuntime) -> list[tuple[Question, list[float], bool]]:
    finder, index = runtime.finder(), runtime.index()
    rows = []
    for q in questions:
        if not classify_scope(q.text).in_scope:
            continue
        found = finder.find(q.text, k=5, language=q.language if q.language in LANGUAGES else None)
        if not found.hits:
            continue
        features = question_features(found, index)
        right = q.outcome in ("answered", "clarify") and found.hits[0].code in q.codes
        rows.append((q, [features[name] for name in FEATURES], right))
    return rows


def previous_rule(features: list[float]) -> bool:
    """The gate this model replaced: an alias, or coverage >= 0.5 and (not Vietnamese, or name match >= 0.3)."""
    f = dict(zip(FEATURES, features, strict=True))
    return bool(f["alias"]) or (f["coverage"] >= 0.5 and (not f["vietnamese"] or f["name_match"] >= 0.3))


def report(name: str, rows: list[tuple[Question, list[float], bool]], model: LogisticRegression, at: float) -> None:
    x = np.asarray([r[1] for r in rows])
    p = model.predict_proba(x)[:, 1]
    right = np.asarray([r[2] for r in rows])
    unfit = np.asarray([r[0].outcome in ("no_match", "out_of_scope") for r in rows])
    print(f"\n{name}: {len(rows)} questions reach the decision")
    previous = np.asarray([previous_rule(r[1]) for r in rows])
    covered = np.asarray([r[1][FEATURES.index("coverage")] >= 0.5 for r in rows])
    for label, answer in (("previous rule", previous), ("calibrated", p >= at), ("both", previous & (p >= at)),
                          ("calibrated, coverage >= 0.5", covered & (p >= at))):
        print(f" {label}")
        outcomes(answer, right, unfit, rows)
    bins = np.linspace(0, 1, 6)
    cells = []
    for lo, hi in itertools.pairwise(bins):
        mask = (p >= lo) & (p < hi if hi < 1 else p <= hi)
        if mask.any():
            cells.append(f"[{lo:.1f},{hi:.1f}) n={mask.sum()} right={right[mask].mean():.2f}")
    print("  reliability: " + "; ".join(cells))


def outcomes(answer: np.ndarray, right: np.ndarray, unfit: np.ndarray,
             rows: list[tuple[Question, list[float], bool]]) -> None:
    answerable = ~unfit
    print(f"  answered  {answer.sum():5d}  precision (best procedure right) {right[answer].mean():.3f}")
    print(f"  no_match  {(~answer).sum():5d}  of them labelled no-fit {unfit[~answer].mean():.3f}, "
          f"best procedure was right {right[~answer].mean():.3f}")
    print(f"  no-fit questions declined (recall)                  {(~answer[unfit]).mean():.3f}  (n={unfit.sum()})")
    print(f"  answerable questions declined                       {(~answer[answerable]).mean():.3f}"
          f"  (n={answerable.sum()}); of those with the right procedure first {(~answer[right]).mean():.3f}")
    for source in sorted({r[0].id.split("-")[0] for r in rows}):
        mask = np.asarray([r[0].id.split("-")[0] == source for r in rows])
        print(f"    {source:5} n={mask.sum():4d} answered {answer[mask].mean():.3f} "
              f"right-when-answered {right[mask & answer].mean() if (mask & answer).any() else 0:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, nargs="+", required=True,
                        help="one or more indexes (a pack-only one and a national one: a deployment runs either)")
    parser.add_argument("--shared", type=Path, default=EVAL.parents[1] / "shared")
    parser.add_argument("--max-declined", type=float, default=0.03)
    parser.add_argument("--write", action="store_true", help=f"write the fitted model to {CONFIDENCE_FILE}")
    args = parser.parse_args()
    questions, unresolved = load_questions([EVAL / f for f in FILES], args.shared)
    questions = [q for q in questions if q.session is None]
    runs = {}
    for data_dir in args.data_dir:
        runtime = KnowledgeRuntime(Settings(data_dir=data_dir).for_measuring())
        runs[data_dir.name] = (collect([q for q in questions if q.split == "dev"], runtime),
                               collect([q for q in questions if q.split == "heldout"], runtime))
    dev = [row for run in runs.values() for row in run[0]]
    x, y = np.asarray([r[1] for r in dev]), np.asarray([r[2] for r in dev])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    p_right = np.sort(model.predict_proba(x[y])[:, 1])
    at = float(p_right[int(np.floor(args.max_declined * len(p_right)))])
    print(f"unresolved references: {unresolved}; answer when p >= {at:.3f}")
    print("weights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(FEATURES, model.coef_[0], strict=True)))
    for name, (dev_rows, heldout_rows) in runs.items():
        report(f"{name} dev", dev_rows, model, at)
        report(f"{name} heldout", heldout_rows, model, at)
    size = FEATURES.index("index_size")
    if args.write:
        data = {
            "fitted": f"{dt.date.today().isoformat()} by eval/tools/calibrate.py on {len(dev)} dev questions",
            "answer_at": round(at, 4),
            "intercept": round(float(model.intercept_[0]), 4),
            "index_size_range": [round(float(x[:, size].min()), 4), round(float(x[:, size].max()), 4)],
            "weights": {n: round(float(w), 4) for n, w in zip(FEATURES, model.coef_[0], strict=True)},
        }
        header = "# Answer confidence: logistic weights over the features of assistant/answers/confidence.py.\n"
        CONFIDENCE_FILE.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
        print(f"written: {CONFIDENCE_FILE.name}")


if __name__ == "__main__":
    main()
