"""What each algorithm's work costs, by the ``cost`` of its registry record, and whether
a text fits the limits (tread.core.limits): checked before any work, and refused in one
line that names the limit, the variable that raises it and the algorithms that can take
the text, from the registry.
"""

from __future__ import annotations

import math

from tread.core.errors import InputTooLarge
from tread.core.limits import (
    OverBudget,
    max_graph_sentences,
    max_greedy_comparisons,
    max_sentences,
    too_many_sentences,
)
from tread.core.summarizers.registry import ALGORITHMS, Algorithm, Cost, get_algorithm


def greedy_comparisons(cost: Cost, sentences: int, count: int) -> int:
    """The work of a greedy algorithm, in sentence comparisons: each of the ``count``
    picks re-rates the ``sentences`` (sum-basic), or rates each one against every
    sentence of the summary so far (kl). 0 for the other algorithms."""
    if cost == "greedy":
        return sentences * count
    if cost == "greedy-summary":
        return sentences * count * (count + 1) // 2
    return 0


def problem(algo: Algorithm, sentences: int, count: int) -> str | None:
    """Why ``algo`` cannot take ``sentences`` for a ``count``-sentence summary."""
    if algo.cost == "graph":
        limit = max_graph_sentences()
        if sentences > limit:
            return (
                f"{sentences:,} sentences is over the {limit:,}-sentence limit of "
                f"{algo.name} (it compares every pair; TREAD_MAX_GRAPH_SENTENCES "
                "raises it)"
            )
    work = greedy_comparisons(algo.cost, sentences, count)
    if work:
        limit = max_greedy_comparisons()
        if work > limit:
            most = most_picks(algo.cost, sentences, limit)
            fewer = f"ask for at most {most:,}" if most else "no summary length fits"
            return (
                f"a {count:,}-sentence summary of {sentences:,} sentences takes "
                f"{algo.name} {work:,} sentence comparisons, over its limit of {limit:,} "
                f"(TREAD_MAX_GREEDY_COMPARISONS raises it; {fewer})"
            )
    return None


def over_budget(algo: Algorithm, sentences: int, count: int, exc: OverBudget) -> InputTooLarge:
    able = [
        name
        for name in able_algorithms(sentences, count)
        if ALGORITHMS[name].cost not in ("greedy", "greedy-summary")
    ]
    return InputTooLarge(
        f"{algo.name} passed its limit of {max_greedy_comparisons():,} sentence comparisons "
        f"after {exc.picks:,} picks for a {count:,}-sentence summary of {sentences:,} "
        "sentences: repeated sentences keep its greedy loop going until every copy of a "
        "chosen one is placed (TREAD_MAX_GREEDY_COMPARISONS raises it); use one of "
        + ", ".join(able)
    )


def most_picks(cost: Cost, sentences: int, limit: int) -> int:
    """The longest summary within ``limit`` comparisons (closed form, then exact)."""
    share = limit / sentences
    most = int(share) if cost == "greedy" else int((math.sqrt(1 + 8 * share) - 1) / 2)
    while most > 0 and greedy_comparisons(cost, sentences, most) > limit:
        most -= 1
    while greedy_comparisons(cost, sentences, most + 1) <= limit:
        most += 1
    return most


def check_size(algorithm: str, sentences: int, count: int = 0) -> None:
    """Refuse, before any work, what an algorithm cannot take in reasonable time and
    memory; name the algorithms that can take it, from the registry."""
    limit = max_sentences()
    if sentences > limit:
        raise too_many_sentences(sentences, limit)
    why = problem(get_algorithm(algorithm), sentences, count)
    if why is None:
        return
    raise InputTooLarge(f"{why}; use one of {', '.join(able_algorithms(sentences, count))}")


def able_algorithms(sentences: int, count: int) -> list[str]:
    """The algorithms, in registry order, whose limits let them summarise ``sentences``
    sentences into ``count`` (not ``auto``, which runs one of them: the user needs one to
    name)."""
    return [
        a.name
        for a in ALGORITHMS.values()
        if a.chooser is None and problem(a, sentences, count) is None
    ]
