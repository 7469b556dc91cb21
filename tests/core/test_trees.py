"""The news model's boosted trees, run with numpy alone: what each sentence scores, and
how the score is shared between the features the trees asked."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tread.core.summarizers.news import FEATURES, Model
from tread.core.summarizers.trees import TreeEnsemble

NAMES = ("a", "b", "c")


def _stump(feature: int, threshold: float, low: float, high: float, root: float) -> dict[str, Any]:
    """One split: left (feature <= threshold) gives ``low``, right ``high``."""
    return {
        "feature": [feature, 0, 0],
        "threshold": [threshold, 0.0, 0.0],
        "left": [1, 0, 0],
        "right": [2, 0, 0],
        "leaf": [False, True, True],
        "value": [root, low, high],
        "depth": 1,
    }


def _two_levels() -> dict[str, Any]:
    """Split on b at 0.5; left: split on c at 2 (leaves -1 / +1); right: leaf 3."""
    return {
        "feature": [1, 2, 0, 0, 0],
        "threshold": [0.5, 2.0, 0.0, 0.0, 0.0],
        "left": [1, 3, 0, 0, 0],
        "right": [2, 4, 0, 0, 0],
        "leaf": [False, False, True, True, True],
        "value": [0.5, 0.0, 3.0, -1.0, 1.0],
        "depth": 2,
    }


def _ensemble(scale: float = 1.0) -> TreeEnsemble:
    data = {
        "baseline": -2.0,
        "scale": scale,
        "trees": [_stump(0, 1.0, -0.5, 0.5, 0.0), _two_levels()],
    }
    return TreeEnsemble.from_json(NAMES, data)


def test_each_sentence_follows_its_path_left_at_or_under_the_threshold() -> None:
    x = np.array(
        [
            [1.0, 0.5, 2.0],  # stump: left (1 <= 1) -0.5; tree 2: left, left -1
            [1.5, 0.5, 2.5],  # right +0.5; left, right +1
            [0.0, 0.9, 9.0],  # left -0.5; right 3
        ]
    )
    assert _ensemble().scores(x) == pytest.approx([-2 - 0.5 - 1, -2 + 0.5 + 1, -2 - 0.5 + 3])
    assert _ensemble(0.25).scores(x) == pytest.approx(0.25 * _ensemble().scores(x))


def test_the_shares_of_the_features_add_up_to_the_score() -> None:
    x = np.array([[1.0, 0.5, 2.0], [1.5, 0.5, 2.5], [0.0, 0.9, 9.0]])
    ensemble = _ensemble(0.25)
    parts = ensemble.contributions(x)
    assert parts.sum(axis=1) + ensemble.intercept == pytest.approx(ensemble.scores(x))
    assert ensemble.intercept == pytest.approx(0.25 * (-2.0 + 0.0 + 0.5))
    # the second sentence: a (stump) +0.5; b: 0.5 -> 0.0 = -0.5; c: 0.0 -> 1.0 = +1
    assert parts[1] == pytest.approx([0.25 * 0.5, 0.25 * -0.5, 0.25 * 1.0])
    # the third never asks c
    assert parts[2][2] == 0.0 and ensemble.contributions(np.zeros((0, 3))).shape == (0, 3)


def test_a_model_file_of_trees_loads_and_one_asking_for_a_missing_feature_does_not() -> None:
    tree = _stump(FEATURES.index("centroid"), 0.3, -1.0, 1.0, 0.0)
    data = {
        "kind": "trees",
        "features": list(FEATURES),
        "baseline": 0.5,
        "scale": 1.0,
        "trees": [tree],
        "selection": {"redundancy": 2.0, "lead_margin": 0.1, "repeat_floor": 0.2},
    }
    model = Model.from_json(data)
    x = np.zeros((2, len(FEATURES)))
    x[1, FEATURES.index("centroid")] = 0.9
    assert model.scores(x) == pytest.approx([-0.5, 1.5])
    assert (model.redundancy, model.lead_margin, model.repeat_floor) == (2.0, 0.1, 0.2)
    assert model.intercept == pytest.approx(0.5)
    bad = {**data, "trees": [_stump(len(FEATURES), 0.3, -1.0, 1.0, 0.0)]}
    with pytest.raises(ValueError, match="feature"):
        Model.from_json(bad)


def test_the_shipped_trees_score_as_a_walk_down_each_tree_does() -> None:
    """The vectorised pass (all trees, a level at a time) against the plain reading of
    the trees, sentence by sentence, on the shipped model."""
    from tread.core.summarizers.news import default_model

    trees = default_model().trees
    assert trees is not None
    x = np.random.default_rng(7).random((40, len(FEATURES)))
    x[:, FEATURES.index("is_first")] = np.arange(40) == 0

    def walk(row: np.ndarray) -> float:
        total = trees.baseline
        for t in range(len(trees.value)):
            node = 0
            while not trees.leaf[t, node]:
                go_left = row[trees.feature[t, node]] <= trees.threshold[t, node]
                node = trees.left[t, node] if go_left else trees.right[t, node]
            total += trees.value[t, node]
        return trees.scale * total

    assert trees.scores(x) == pytest.approx([walk(row) for row in x])
