"""Choosing a summary's sentences from their scores: best first, passing over near
repeats of a sentence already chosen (maximal marginal relevance), and keeping the
opening sentences when the picks barely beat them. For tread's news model (news.py),
which scores the sentences and says whether the opening is a news lead.

Sentences are compared as sparse unit vectors (term -> weight).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


def dot(a: dict[int, float], b: dict[int, float]) -> float:
    """The dot product of two sparse vectors (the cosine, for unit vectors)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen sentences (best first) and why better-scored ones were passed over."""

    chosen: list[int]
    #: a sentence scored above a chosen one but left out -> the chosen one it repeats
    #: (-1 when the lead was kept instead)
    passed_over: dict[int, int]
    #: the picks' mean score minus the opening sentences' (nan when not compared)
    margin: float
    lead_kept: bool


def _value(
    scores: np.ndarray,
    vectors: list[dict[int, float]],
    members: list[int],
    redundancy: float,
    repeat_floor: float,
) -> float:
    """Mean score of ``members`` less the repeat penalty each pays, best-scored first,
    against those before it: what the greedy choice maximises, for any set."""
    ranked = sorted(members, key=lambda i: (-scores[i], i))
    total = 0.0
    for k, i in enumerate(ranked):
        repeat = max((dot(vectors[i], vectors[j]) for j in ranked[:k]), default=0.0)
        total += float(scores[i]) - redundancy * max(0.0, repeat - repeat_floor)
    return total / len(members)


def select(
    scores: np.ndarray,
    vectors: list[dict[int, float]],
    count: int,
    redundancy: float = 0.0,
    lead_margin: float = 0.0,
    repeat_floor: float = 0.0,
    lead_central: bool = True,
) -> Selection:
    """Best-first by score less ``redundancy`` x the cosine to the most similar sentence
    already chosen, where it is over ``repeat_floor`` (sentences on one topic share
    words; only a near-repeat should lose); then, unless the picks beat the first
    ``count`` sentences by ``lead_margin`` per sentence on that same measure (score
    less the repeat penalty), the first ``count`` sentences; but only when
    ``lead_central``, the opening is central to the text, as a news lead is: an opening
    off the topic (or text whose order means nothing) is no lead to fall back on.

    Only the best-scored few dozen sentences are candidates, so a book costs no more
    than an article.
    """
    n = len(scores)
    count = max(0, min(count, n))
    order = [int(i) for i in np.argsort(-scores, kind="stable")]
    pool = order[: max(30, 10 * count)]
    penalty = dict.fromkeys(pool, 0.0)
    repeats: dict[int, int] = {}
    chosen: list[int] = []
    while len(chosen) < count:
        best = max(
            (i for i in pool if i not in chosen),
            key=lambda i: (scores[i] - redundancy * penalty[i], -i),
        )
        chosen.append(best)
        if redundancy:
            for i in pool:
                similarity = dot(vectors[i], vectors[best]) - repeat_floor
                if similarity > penalty[i]:
                    penalty[i], repeats[i] = similarity, best
    margin = math.nan
    lead_kept = False
    lead = list(range(count))
    if count and lead_central and sorted(chosen) != lead:
        margin = _value(scores, vectors, chosen, redundancy, repeat_floor) - _value(
            scores, vectors, lead, redundancy, repeat_floor
        )
        if margin < lead_margin:
            chosen, lead_kept = lead, True
    floor = min((float(scores[i]) for i in chosen), default=math.inf)
    passed_over = {
        i: (-1 if lead_kept else repeats.get(i, -1))
        for i in order
        if scores[i] >= floor and i not in chosen
    }
    return Selection(chosen, passed_over, margin, lead_kept)
