"""The anchored ranking fit (``eval/tools/fit_ranking.py --anchor``): the logistic objective, pulled to a prior."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
from sklearn.linear_model import LogisticRegression

TOOL = Path(__file__).resolve().parents[1] / "eval" / "tools" / "fit_ranking.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_ranking_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _pairs(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows = rng.normal(size=(400, 4))
    right = rows @ np.array([1.0, -2.0, 0.5, 0.0]) + rng.normal(size=400) > 0
    return np.where(right[:, None], rows, -rows), rng.uniform(0.5, 2.0, size=400)


def test_anchored_at_zero_it_is_the_plain_logistic_fit() -> None:
    differences, weights = _pairs()
    plain = LogisticRegression(C=0.5, fit_intercept=False, max_iter=5000).fit(
        np.concatenate([differences, -differences]), np.array([1] * 400 + [0] * 400),
        sample_weight=np.concatenate([weights, weights]))
    anchored = _tool().fit_anchored(differences, weights * 2, 0.5, np.zeros(4))
    assert np.allclose(anchored, plain.coef_[0], atol=1e-3)


def test_a_small_c_keeps_the_anchor_where_the_questions_say_little() -> None:
    differences, weights = _pairs()
    anchor = np.array([1.0, -1.0, 3.0, 2.0])
    loose = _tool().fit_anchored(differences, weights, 1.0, anchor)
    tight = _tool().fit_anchored(differences, weights, 0.001, anchor)
    assert np.linalg.norm(tight - anchor) < 0.2 * np.linalg.norm(loose - anchor)
