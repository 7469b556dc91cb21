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
        """Per sentence, per feature: its share of the score above the intercept.

        All trees at once, one level at a time, with nodes numbered across the trees
        (flat ``take`` is several times faster than two-dimensional indexing): a book's
        10,000 sentences take a few tens of milliseconds."""
        n, width = len(x), len(self.features)
        out = np.zeros(n * width)
        if not n:
            return out.reshape(n, width)
        count, nodes = self.value.shape
        base = (np.arange(count) * nodes)[None, :]
        leaf, feature = self.leaf.ravel(), self.feature.ravel()
        threshold, value = self.threshold.ravel(), self.value.ravel()
        left, right = (self.left + base.T).ravel(), (self.right + base.T).ravel()
        row = (np.arange(n) * width)[:, None]
        node = np.repeat(base, n, axis=0)  # every sentence at every root
        values = x.ravel()
        for _ in range(self.depth):
            inner = ~leaf.take(node)
            if not inner.any():
                break
            split = feature.take(node)
            go_left = values.take(row + split) <= threshold.take(node)
            child = np.where(inner, np.where(go_left, left.take(node), right.take(node)), node)
            step = value.take(child) - value.take(node)  # 0 where the node is a leaf
            # each sentence's steps summed per feature (np.add.at is ten times slower)
            out += np.bincount((row + split).ravel(), step.ravel(), n * width)
            node = child
        result: np.ndarray = out.reshape(n, width) * self.scale
        return result

    def scores(self, x: np.ndarray) -> np.ndarray:
        result: np.ndarray = self.contributions(x).sum(axis=1) + self.intercept
        return result
