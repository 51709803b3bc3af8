"""Fit the learned ranking (``knowledge/ranking.yaml``) on the development questions and compare it with the
ranking it replaces, on dev and held-out.

For every labelled question the finder's own candidates and features are computed (``ProcedureFinder.candidates``,
the code path answers use); each pair (right procedure, wrong candidate) of a dev question is a training example
of a logistic regression without intercept, so the weights order candidates and nothing else. Reported: hit@1 and
hit@3 of the learned order alone (before the rule stages) and of the finder's full answer, per file and style.

Run with ../shared beside the repository (the real questions) and a national data dir:
``.venv/bin/python eval/tools/fit_ranking.py --data-dir var-national --write``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import yaml
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression

from assistant.evaluation.question_eval import Question, load_questions
from assistant.retrieval.finder import ProcedureFinder, content_terms
from assistant.retrieval.learned import RANKING_FILE, RankingModel, feature_value
from assistant.runtime import KnowledgeRuntime
from knowledge.settings import Settings

EVAL = Path(__file__).resolve().parents[1]
FILES = ("pack-questions.jsonl", "national-questions.jsonl", "multilingual-situations.jsonl",
         "national-multilingual.jsonl", "shared-refs.jsonl")
#: The feature expressions fitted (see ``assistant.retrieval.learned``).
EXPRESSIONS = (
    "rrf_lexical", "rrf_dense", "rrf_names", "rrf_asked",
    "first_lexical", "first_dense", "first_names", "first_asked",
    "rel_lexical", "rel_dense", "rel_names", "rel_asked",
    "coverage", "name_share", "name_whole", "coverage*name_share", "alias", "curated",
    "action_asked", "action_unasked",
    "rrf_dense*vi", "rrf_dense*en", "rel_dense*en", "rrf_names*vi", "rrf_asked*vi", "curated*foreign",
)

Sample = tuple[Question, str, list[str], np.ndarray, list[bool], str | None]


def collect(questions: list[Question], finder: ProcedureFinder) -> list[Sample]:
    """Per question: its group, candidate keys, feature matrix, labels and the finder's first answer."""
    index = finder.index
    samples = []
    for question in questions:
        analysis = finder.analyzer.analyze(question.text, None)
        features, _ = finder.candidates(analysis, content_terms(analysis), question.text)
        keys = list(features)
        matrix = np.array([[feature_value(e, features[k], analysis.language) for e in EXPRESSIONS] for k in keys])
        labels = [bool({p.code for p in index.by_code.get(k, [])} & set(question.codes)) for k in keys]
        found = finder.find(question.text, k=3)
        samples.append((question, analysis.language, keys, matrix.reshape(len(keys), len(EXPRESSIONS)), labels,
                        found.hits[0].procedure.group_key if found.hits else None))
    return samples


def fit(samples: list[Sample], c: float, file_of: dict[str, str], balance: float,
        anchor: np.ndarray | None = None) -> np.ndarray:
    """Pairwise logistic weights. A question weighs ``(1 / questions in its group) ** balance`` (groups as in the
    report: a file, a style or a language), so 30 situation questions count beside 638 real ones; 0 weighs every
    question the same. With ``anchor``, the weights are pulled towards it instead of towards zero."""
    pairs, targets, weights = [], [], []
    used = 0
    sizes = Counter(group_of(q, file_of) for q, *_ in samples if q.split == "dev")
    for question, _, _, matrix, labels, _ in samples:
        if question.split != "dev" or not any(labels):
            continue
        right = matrix[labels.index(True)]
        wrong = [row for row, label in zip(matrix, labels, strict=True) if not label]
        weight = (1 / sizes[group_of(question, file_of)]) ** balance
        used += 1
        for row in wrong:  # a question weighs the same however many candidates it has
            pairs += [right - row, row - right]
            targets += [1, 0]
            weights += [weight / len(wrong)] * 2
    scale = len(samples) * 2 * used / sum(weights)  # questions weigh 1 on average: -C keeps its meaning
    if anchor is not None:
        return fit_anchored(np.array(pairs[::2]), np.array(weights[::2]) * scale * 2, c, anchor)
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(np.array(pairs), np.array(targets), sample_weight=np.array(weights) * scale)
    return np.asarray(model.coef_[0])


def fit_anchored(differences: np.ndarray, weights: np.ndarray, c: float, anchor: np.ndarray) -> np.ndarray:
    """Minimise ``c`` × the weighted pairwise log-loss + ½‖w − anchor‖²: the logistic fit's objective with the
    weights pulled towards ``anchor`` instead of zero, so that with a small ``c`` a direction the questions barely
    determine keeps the anchor's weight. (``differences``: right minus wrong candidate, one row per pair.)"""

    def objective(w: np.ndarray) -> tuple[float, np.ndarray]:
        margins = differences @ w
        loss = float(np.sum(weights * np.logaddexp(0.0, -margins)))
        slope = -weights / (1.0 + np.exp(margins))  # d loss / d margin
        gap = w - anchor
        return c * loss + 0.5 * float(gap @ gap), c * (differences.T @ slope) + gap

    result = minimize(objective, anchor.copy(), jac=True, method="L-BFGS-B", options={"maxiter": 5000})
    return np.asarray(result.x)


def group_of(question: Question, file_of: dict[str, str]) -> str:
    name = file_of.get(question.id.split("#")[0], "?")
    if name == "national-questions":
        return f"{name} {question.style}"
    return f"{name} {question.language}" if "multilingual" in name or name == "pack-questions" else name


def report(samples: list[Sample], weights: np.ndarray, file_of: dict[str, str]) -> None:
    tallies: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for question, _, keys, matrix, labels, answered in samples:
        if not keys:
            continue
        order = np.argsort(-(matrix @ weights), kind="stable")
        first_three = [labels[i] for i in order[:3]]
        finder_right = answered in keys and labels[keys.index(answered)]
        for group in (group_of(question, file_of), "all"):
            tally = tallies[(question.split, group)]
            tally[0] += 1
            tally[1] += first_three[0]
            tally[2] += any(first_three)
            tally[3] += finder_right
    print(f"{'split':8} {'questions':36} {'n':>4}  learned order hit@1/hit@3  finder hit@1")
    for (split, group), (n, one, three, finder) in sorted(tallies.items()):
        print(f"{split:8} {group:36} {n:4}  {one / n:.3f}/{three / n:.3f}            {finder / n:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("-C", type=float, default=1.0, help="Inverse regularisation strength.")
    parser.add_argument("--temperature", type=float, default=8.0,
                        help="Scale of the scores the rule stages compare (see RankingModel.temperature).")
    parser.add_argument("--balance", type=float, default=0.25,
                        help="Weigh a question by (1 / questions in its group) ** balance; 0 weighs all alike.")
    parser.add_argument("--anchor", action="store_true",
                        help="Regularise towards the current weights of ranking.yaml (features it lacks: 0) instead "
                             "of towards zero; use with a small -C (0.01).")
    parser.add_argument("--write", action="store_true", help=f"Write the weights to {RANKING_FILE.name}.")
    args = parser.parse_args()
    paths = [EVAL / name for name in FILES]
    questions, _ = load_questions(paths, args.shared)
    questions = [q for q in questions if q.codes and q.outcome == "answered"]
    file_of = {}
    for path in paths:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if line.strip():
                file_of[json.loads(line).get("id", f"{path.name}:{number}")] = path.stem
    finder = KnowledgeRuntime(Settings(data_dir=args.data_dir).for_measuring()).finder()
    samples = collect(questions, finder)
    current = RankingModel.load()
    anchor = np.array([current.weights.get(e, 0.0) for e in EXPRESSIONS]) if args.anchor else None
    weights = fit(samples, args.C, file_of, args.balance, anchor)
    report(samples, weights, file_of)
    if args.write:
        RANKING_FILE.write_text(yaml.safe_dump({
            "fitted": dt.date.today().isoformat(),
            "command": (f"eval/tools/fit_ranking.py --data-dir {args.data_dir.name} -C {args.C}"
                        f" --temperature {args.temperature} --balance {args.balance}"
                        f"{' --anchor' if args.anchor else ''} --write"),
            "depth": current.depth, "temperature": args.temperature,
            "weights": {e: round(float(w), 4) for e, w in zip(EXPRESSIONS, weights, strict=True)},
        }, allow_unicode=True, sort_keys=False), "utf-8")
        print(f"wrote {RANKING_FILE}")


if __name__ == "__main__":
    main()
