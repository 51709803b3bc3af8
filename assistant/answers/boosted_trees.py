"""A small boosted-trees scorer read from a JSON file: the answer confidence's model where one is fitted.

The file is written by ``eval/tools/calibrate.py --model trees`` from a gradient-boosted classifier fitted on the
development questions (scikit-learn, at fitting time only). Running it needs no library: each tree is a list of
nodes, a split node sends a value at or below its threshold to the left, and the sum of the leaves reached plus the
base is the log-odds that answering is right.

File format::

    {"features": ["name_match", ...], "base": -1.2,
     "trees": [[[0, 0.41, 1, 2, 0.0], [-1, 0.0, 0, 0, -0.3], [-1, 0.0, 0, 0, 0.2]], ...]}

A node is ``[feature position, threshold, left child, right child, leaf value]``; a leaf has position -1.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

Node = tuple[int, float, int, int, float]


@dataclass(frozen=True)
class TreeEnsemble:
    """Trees over named features whose leaves add up, with ``base``, to a log-odds."""

    features: tuple[str, ...]
    base: float
    trees: tuple[tuple[Node, ...], ...]

    @classmethod
    def load(cls, path: Path) -> TreeEnsemble:
        """Read and check a trees file; a malformed one raises ``ValueError`` naming the file."""
        try:
            data = json.loads(path.read_text("utf-8"))
            features = tuple(str(name) for name in data["features"])
            trees = tuple(tuple(_node(raw) for raw in tree) for tree in data["trees"])
            ensemble = cls(features, float(data["base"]), trees)
        except (OSError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path.name}: not a trees file ({exc})") from exc
        ensemble.check()
        return ensemble

    def check(self) -> None:
        """Every split names a known feature and every child exists, so scoring can neither fail nor loop."""
        for number, tree in enumerate(self.trees):
            if not tree:
                raise ValueError(f"tree {number} is empty")
            for position, (feature, _, left, right, _) in enumerate(tree):
                if feature == -1:
                    continue
                if not 0 <= feature < len(self.features):
                    raise ValueError(f"tree {number} node {position}: no feature {feature}")
                if not (position < left < len(tree) and position < right < len(tree)):
                    raise ValueError(f"tree {number} node {position}: children must follow their parent")

    def log_odds(self, values: Mapping[str, float]) -> float:
        """Base plus the leaf each tree reaches for these feature values (a missing feature counts as 0)."""
        row = [float(values.get(name, 0.0)) for name in self.features]
        total = self.base
        for tree in self.trees:
            feature, threshold, left, right, value = tree[0]
            while feature != -1:
                feature, threshold, left, right, value = tree[left if row[feature] <= threshold else right]
            total += value
        return total


def _node(raw: Sequence[float]) -> Node:
    feature, threshold, left, right, value = raw
    return int(feature), float(threshold), int(left), int(right), float(value)


def write_trees(path: Path, features: Sequence[str], base: float, trees: Sequence[Sequence[Node]]) -> None:
    """Write an ensemble in the format ``TreeEnsemble.load`` reads (one tree per line, for readable diffs)."""
    lines = [json.dumps([list(node) for node in tree]) for tree in trees]
    text = (f'{{"features": {json.dumps(list(features))},\n "base": {base!r},\n "trees": [\n  '
            + ",\n  ".join(lines) + "\n]}\n")
    path.write_text(text, "utf-8")
