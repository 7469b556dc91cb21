"""Summaries by any registered algorithm, reported as offsets, scores and ranks.

The algorithms are in ``registry``; ``sumy_adapter`` builds sumy's document from tread's
sentences and the summariser; ``cost`` refuses, before any work, what an algorithm
cannot take.
"""

from __future__ import annotations

import math
from typing import Any

from tread.core.article import Segmentation, Summary, SummarySentence
from tread.core.errors import EmptyDocument, SummaryFailed
from tread.core.limits import OverBudget
from tread.core.summarizers.cost import check_size, over_budget
from tread.core.summarizers.registry import DEFAULT_SENTENCES, get_algorithm, require_language
from tread.core.summarizers.sumy_adapter import build_document, make_summarizer, record_scores


def summarize(seg: Segmentation, algorithm: str, count: int, *, fast: bool = True) -> Summary:
    """The ``count`` best sentences of ``seg`` by ``algorithm``, in document order.

    ``fast`` uses tread's exact fast subclasses of sumy's summarisers (the default);
    ``fast=False`` runs sumy's own classes, for comparison.
    """
    algo = get_algorithm(algorithm)
    if not seg.sentences:
        raise EmptyDocument("no sentences to summarise")
    count = max(0, min(count, len(seg.sentences)))
    check_size(algo.name, len(seg.sentences), count)
    require_language(algo, seg.language)
    document, ordered = build_document(seg)
    summarizer = make_summarizer(algo, seg, ordered, fast=fast)
    scores: dict[int, float] = {}
    record_scores(summarizer, scores)
    try:
        chosen = summarizer(document, count) if count else ()
    except OverBudget as exc:
        raise over_budget(algo, len(seg.sentences), count, exc) from None
    except (ValueError, ArithmeticError) as exc:  # sumy's own complaints
        raise SummaryFailed(f"{algo.name} cannot summarise this text: {exc}") from None
    position = {id(obj): i for i, obj in enumerate(ordered)}
    # rank as sumy sorts: stable descending sort of ratings in document order (or by
    # the summariser's own key, where it breaks ties itself)
    key = getattr(summarizer, "rank_key", None) or (lambda obj: scores.get(id(obj), 0.0))
    ranked = sorted(range(len(ordered)), key=lambda i: key(ordered[i]), reverse=True)
    rank_of = {i: r + 1 for r, i in enumerate(ranked)}
    picked = []
    for obj in chosen:
        i = position[id(obj)]
        picked.append(SummarySentence(seg.sentences[i], _as_float(scores.get(id(obj))), rank_of[i]))
    ranking = tuple((_as_float(scores.get(id(obj))), rank_of[i]) for i, obj in enumerate(ordered))
    return Summary(
        algo.name,
        seg.language,
        len(seg.sentences),
        tuple(picked),
        ranking,
        _contributions(summarizer),
    )


def _contributions(summarizer: Any) -> tuple[dict[str, float], ...] | None:
    explanation = getattr(summarizer, "explanation", None)
    if not explanation:
        return None
    names = explanation["features"]
    return tuple(
        {name: float(v) for name, v in zip(names, row, strict=True)}
        for row in explanation["contributions"]
    )


def _as_float(value: Any) -> float:
    if value is None:
        return math.nan
    return float(value)


def sentence_count_for(total: int, *, count: int | None = None, ratio: float | None = None) -> int:
    """How many sentences to ask for: a fixed count or a ratio, never more than exist."""
    if ratio is not None:
        wanted = max(1, round(total * ratio))
    else:
        wanted = DEFAULT_SENTENCES if count is None else count
    return max(0, min(wanted, total))
