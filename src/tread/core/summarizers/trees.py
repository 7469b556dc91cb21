"""A boosted ensemble of small decision trees, evaluated with numpy alone.

tread's news model (news.py) can be a sum of shallow trees instead of a linear score:
trained with scikit-learn's HistGradientBoostingClassifier by scripts/train_news.py and
shipped as plain arrays, so tread needs no scikit-learn to run it. Each tree sends a
sentence left where its feature is at most the node's threshold, as scikit-learn does
for values that are not missing (tread's features never are).

A tree's score is split between the features it asked along the sentence's path (each
step adds the change in the node's value to the feature split on: Saabas's method), so
``--explain`` can still say, per feature, how much it counted; the shares add up to the
score exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """Trees side by side: row t of each array is tree t's nodes (padded), node 0 its
    root. ``scale`` multiplies every score (the file's selection settings are in those
    units)."""

    features: tuple[str, ...]
    feature: np.ndarray  # int: the feature a node splits on
    threshold: np.ndarray  # float: left where the feature is <= this
    left: np.ndarray  # int
    right: np.ndarray  # int
    leaf: np.ndarray  # bool
    value: np.ndarray  # float: the node's value (leaves: the tree's output)
    baseline: float
    scale: float
    depth: int

    @property
    def intercept(self) -> float:
        """The score of a sentence before any split: the baseline and every root."""
        return self.scale * (self.baseline + float(self.value[:, 0].sum()))

    @classmethod
    def from_json(cls, features: tuple[str, ...], data: dict[str, Any]) -> TreeEnsemble:
        trees = data["trees"]
        width = max(len(t["value"]) for t in trees)

        def padded(key: str, dtype: Any, fill: Any) -> np.ndarray:
            out = np.full((len(trees), width), fill, dtype=dtype)
            for row, tree in enumerate(trees):
                out[row, : len(tree[key])] = tree[key]
            return out

        ensemble = cls(
            features,
            padded("feature", np.intp, 0),
            padded("threshold", float, 0.0),
            padded("left", np.intp, 0),
            padded("right", np.intp, 0),
            padded("leaf", bool, True),
            padded("value", float, 0.0),
            float(data["baseline"]),
            float(data.get("scale", 1.0)),
            int(max(t.get("depth", width) for t in trees)),
        )
        if int(ensemble.feature.max(initial=0)) >= len(features):
            raise ValueError("the model's trees ask for a feature it does not have")
        return ensemble

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per sentence, per feature: its share of the score above the intercept."""
        n = len(x)
        out = np.zeros((n, len(self.features)))
        if not n:
            return out
        trees = np.arange(len(self.value))[None, :]
        rows = np.repeat(np.arange(n)[:, None], len(self.value), axis=1)
        node = np.zeros((n, len(self.value)), dtype=np.intp)
        for _ in range(self.depth):
            inner = ~self.leaf[trees, node]
            if not inner.any():
                break
            split = self.feature[trees, node]
            go_left = x[rows, split] <= self.threshold[trees, node]
            child = np.where(go_left, self.left[trees, node], self.right[trees, node])
            child = np.where(inner, child, node)
            step = np.where(inner, self.value[trees, child] - self.value[trees, node], 0.0)
            np.add.at(out, (rows, split), step)
            node = child
        result: np.ndarray = out * self.scale
        return result

    def scores(self, x: np.ndarray) -> np.ndarray:
        result: np.ndarray = self.contributions(x).sum(axis=1) + self.intercept
        return result
