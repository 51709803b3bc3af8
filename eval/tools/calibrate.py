"""Fit the answer confidence (``knowledge/confidence.yaml``) on the development questions and report how reliable
each outcome is, on dev and held-out.

For every first-turn question that passes the topic rules, the features of ``assistant.answers.confidence`` are
computed for the best procedure found; the label is whether that procedure is one of the question's labelled codes
(questions labelled ``no_match`` or ``out_of_scope`` are never right). A model is fitted on dev — boosted trees by
default (``--model trees``: shallow, with large leaves, and each piece of evidence allowed to move the confidence one
way only, ``DIRECTIONS``), or a logistic regression (``--model logistic``) — and the probability needed to answer is
the highest that still answers all but ``--max-declined`` of the dev questions whose best procedure is right, each
source of questions (curated-pack, non-pack, foreign-language, real ones, ...) weighing the same: the many easy
questions about curated procedures must not let the threshold decline the few hard ones.

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
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from assistant.answers.boosted_trees import Node, TreeEnsemble, write_trees
from assistant.answers.confidence import CONFIDENCE_FILE, FEATURES, question_features
from assistant.evaluation.question_eval import Question, load_questions
from assistant.runtime import KnowledgeRuntime
from assistant.understanding.scope import classify_scope
from knowledge.settings import Settings

EVAL = Path(__file__).resolve().parents[1]
FILES = ("pack-questions.jsonl", "national-questions.jsonl", "multilingual-situations.jsonl",
         "national-multilingual.jsonl", "shared-refs.jsonl",
         "no-fit-questions.jsonl", "out-of-scope.jsonl")
LANGUAGES = ("vi", "en", "ar", "zh", "ko")
Model = LogisticRegression | HistGradientBoostingClassifier
TREES_FILE = CONFIDENCE_FILE.with_name("confidence-trees.json")
#: How each piece of evidence may move the fitted trees' confidence: 1 only up as it grows, 0 either way.
DIRECTIONS = {"name_match": 1, "coverage": 1, "margin": 1, "anchored": 0, "anchors_found": 1, "alias": 1,
              "lexical_first": 1, "content_terms": 0, "vietnamese": 0, "index_size": 0}


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


def fit(kind: str, x: np.ndarray, y: np.ndarray) -> Model:
    if kind == "logistic":
        return LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    return HistGradientBoostingClassifier(max_depth=4, max_iter=150, learning_rate=0.05, min_samples_leaf=80,
                                          l2_regularization=1.0, monotonic_cst=[DIRECTIONS[n] for n in FEATURES],
                                          random_state=0).fit(x, y)


def tree_nodes(predictor: object) -> list[Node]:
    """One fitted tree as ``TreeEnsemble`` nodes, renumbered so that every child follows its parent."""
    nodes = predictor.nodes  # type: ignore[attr-defined]
    out: list[Node] = []

    def visit(i: int) -> int:
        position = len(out)
        node = nodes[i]
        if node["is_leaf"]:
            out.append((-1, 0.0, 0, 0, float(node["value"])))
            return position
        out.append((0, 0.0, 0, 0, 0.0))
        left, right = visit(int(node["left"])), visit(int(node["right"]))
        out[position] = (int(node["feature_idx"]), float(node["num_threshold"]), left, right, 0.0)
        return position

    visit(0)
    return out


def export_trees(model: HistGradientBoostingClassifier, x: np.ndarray) -> TreeEnsemble:
    """The fitted trees as the runtime reads them, checked to score the dev questions as scikit-learn does."""
    trees = tuple(tuple(tree_nodes(per_class[0])) for per_class in model._predictors)
    ensemble = TreeEnsemble(FEATURES, float(np.ravel(model._baseline_prediction)[0]), trees)
    ensemble.check()
    ours = np.asarray([ensemble.log_odds(dict(zip(FEATURES, row, strict=True))) for row in x])
    if not np.allclose(ours, model.decision_function(x), atol=1e-6):
        raise SystemExit("exported trees do not score as the fitted model does")
    return ensemble


def source(question: Question) -> str:
    """Where a question comes from: the prefix of its id (``pk``, ``nat``, ``natml``, ``wp``, ...)."""
    return question.id.split("-")[0]


def balanced_quantile(p: np.ndarray, sources: list[str], share: float) -> float:
    """The probability below which ``share`` of the questions lie, each source weighing the same in all."""
    counts = {s: sources.count(s) for s in set(sources)}
    weights = np.asarray([1.0 / (counts[s] * len(counts)) for s in sources])
    order = np.argsort(p)
    position = int(np.searchsorted(np.cumsum(weights[order]), share))
    return float(p[order][min(position, len(p) - 1)])


def report(name: str, rows: list[tuple[Question, list[float], bool]], model: Model, at: float) -> None:
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
    for name in sorted({source(r[0]) for r in rows}):
        mask = np.asarray([source(r[0]) == name for r in rows])
        print(f"    {name:5} n={mask.sum():4d} answered {answer[mask].mean():.3f} "
              f"right-when-answered {right[mask & answer].mean() if (mask & answer).any() else 0:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, nargs="+", required=True,
                        help="one or more indexes (a pack-only one and a national one: a deployment runs either)")
    parser.add_argument("--shared", type=Path, default=EVAL.parents[1] / "shared")
    parser.add_argument("--max-declined", type=float, default=0.03)
    parser.add_argument("--model", choices=("trees", "logistic"), default="trees")
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
    model = fit(args.model, x, y)
    sources = [source(r[0]) for r in dev if r[2]]
    at = balanced_quantile(model.predict_proba(x[y])[:, 1], sources, args.max_declined)
    print(f"unresolved references: {unresolved}; answer when p >= {at:.3f}")
    if isinstance(model, LogisticRegression):
        print("weights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(FEATURES, model.coef_[0], strict=True)))
    for name, (dev_rows, heldout_rows) in runs.items():
        report(f"{name} dev", dev_rows, model, at)
        report(f"{name} heldout", heldout_rows, model, at)
    if args.write:
        write(model, x, at, f"{dt.date.today().isoformat()} by eval/tools/calibrate.py on {len(dev)} dev questions")


def write(model: Model, x: np.ndarray, at: float, fitted: str) -> None:
    size = FEATURES.index("index_size")
    data: dict[str, object] = {"fitted": fitted, "answer_at": round(at, 4),
                               "index_size_range": [round(float(x[:, size].min()), 4),
                                                    round(float(x[:, size].max()), 4)]}
    if isinstance(model, LogisticRegression):
        data["model"] = "logistic"
        data["intercept"] = round(float(model.intercept_[0]), 4)
        data["weights"] = {n: round(float(w), 4) for n, w in zip(FEATURES, model.coef_[0], strict=True)}
    else:
        ensemble = export_trees(model, x)
        write_trees(TREES_FILE, ensemble.features, ensemble.base, ensemble.trees)
        data["model"] = "boosted_trees"
        data["trees"] = TREES_FILE.name
    header = "# Answer confidence: the model over the features of assistant/answers/confidence.py.\n"
    CONFIDENCE_FILE.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    print(f"written: {CONFIDENCE_FILE.name}")

if __name__ == "__main__":
    main()
