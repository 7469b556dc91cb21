"""Summaries by any registered algorithm, reported as offsets, scores and ranks.

The algorithms are in ``registry``; ``sumy_adapter`` builds sumy's document from tread's
sentences and the summariser; ``cost`` refuses, before any work, what an algorithm
cannot take; ``candidates`` leaves fragments out while the text has enough else; an
algorithm with a ``chooser`` (``auto``) picks another by the kind of text (``kind``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Final

from tread.core.article import Segmentation, Summary, SummarySentence
from tread.core.cancel import Checkpoint, never
from tread.core.errors import EmptyDocument, SummaryFailed
from tread.core.limits import OverBudget
from tread.core.summarizers.candidates import left_out
from tread.core.summarizers.cost import check_size, over_budget
from tread.core.summarizers.registry import (
    DEFAULT_SENTENCES,
    get_algorithm,
    require_language,
    resolve,
)
from tread.core.summarizers.sumy_adapter import build_document, make_summarizer, record_scores

UNREACHED: Final = "not ranked: {} stops once its picks are settled"


def summarize(
    seg: Segmentation,
    algorithm: str,
    count: int | None = None,
    *,
    fast: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> Summary:
    """The ``count`` best sentences of ``seg`` by ``algorithm``, in document order.

    ``count`` None: the algorithm's default (``auto``: its choice's). ``fast`` uses
    tread's fast subclasses of sumy's summarisers (the default); ``fast=False`` runs
    sumy's own classes, for comparison. ``cancelled()`` is asked all along the work
    (per sentence tokenised and rated, every few hundred words stemmed, in tread's own
    loops: :mod:`tread.core.cancel`); once it says yes, Cancelled is raised.
    """
    check = never if cancelled is None else Checkpoint(cancelled, what="summary")
    return _summarize(seg, algorithm, count, fast, check)


def _summarize(
    seg: Segmentation, algorithm: str, count: int | None, fast: bool, check: Callable[[], None]
) -> Summary:
    algo = get_algorithm(algorithm)
    if not seg.sentences:
        raise EmptyDocument("no sentences to summarise")
    check()
    if algo.chooser is not None:
        choice = resolve(algo.chooser)(seg, count)
        summary = _summarize(seg, choice.algorithm, choice.count, fast, check)
        return replace(summary, algorithm=algo.name, choice=choice)
    count = DEFAULT_SENTENCES if count is None else count
    count = max(0, min(count, len(seg.sentences)))
    check_size(algo.name, len(seg.sentences), count)
    require_language(algo, seg.language)
    notes = left_out(seg, count, check)
    kept = [s.index for s in seg.sentences if s.index not in notes]
    document, ordered = build_document(seg, notes, check)
    summarizer = make_summarizer(algo, seg, ordered, fast=fast, check=check)
    scores: dict[int, float] = {}
    record_scores(summarizer, scores, check)
    try:
        chosen = summarizer(document, count) if count else ()
    except OverBudget as exc:
        raise over_budget(algo, len(seg.sentences), count, exc) from None
    except (ValueError, ArithmeticError) as exc:  # sumy's own complaints
        raise SummaryFailed(f"{algo.name} cannot summarise this text: {exc}") from None
    unreached: frozenset[Any] = getattr(summarizer, "unreached", frozenset())
    unranked = set(notes)
    for k, obj in enumerate(ordered):
        if obj in unreached:
            notes[kept[k]] = UNREACHED.format(algo.name)
            unranked.add(kept[k])
    position = {id(obj): kept[k] for k, obj in enumerate(ordered)}
    # rank as sumy sorts: stable descending sort of ratings in document order (or by
    # the summariser's own key, where it breaks ties itself)
    key = getattr(summarizer, "rank_key", None) or (lambda obj: scores.get(id(obj), 0.0))
    ranked = sorted((o for o in ordered if position[id(o)] not in unranked), key=key, reverse=True)
    rank_of = {position[id(obj)]: r + 1 for r, obj in enumerate(ranked)}
    score_of = {position[id(obj)]: _as_float(scores.get(id(obj))) for obj in ranked}
    explanation = getattr(summarizer, "explanation", None) or {}
    remarks = _explain(explanation, kept, notes) if explanation else ()
    picked = tuple(
        SummarySentence(seg.sentences[i], score_of[i], rank_of[i])
        for i in (position[id(obj)] for obj in chosen)
    )
    ranking = tuple((score_of.get(s.index, math.nan), rank_of.get(s.index)) for s in seg.sentences)
    return Summary(
        algo.name,
        seg.language,
        len(seg.sentences),
        picked,
        ranking,
        _contributions(explanation, kept, len(seg.sentences), check),
        notes,
        remarks,
    )


def _explain(
    explanation: dict[str, Any], kept: list[int], notes: dict[int, str]
) -> tuple[str, ...]:
    """From tread's model (news.py): for each sentence it passed over, a note saying
    why, with the model's own score (its score and rank are the lowered rating sumy
    sorted by, below every other sentence's), and a remark on the lead fallback."""
    for k, reason in explanation["passed_over"].items():
        i = kept[k]
        own = f"the model's own score {float(explanation['scores'][k]):.4g}"
        if reason < 0:
            notes[i] = f"passed over ({own}): the opening sentences were kept instead"
        else:
            notes[i] = f"passed over ({own}): too like sentence {kept[reason]}, picked before it"
    margin, needed = explanation["lead_margin"], explanation.get("margin_needed", math.nan)
    if math.isnan(margin):
        return ()
    verdict = "the opening sentences kept" if explanation["lead_kept"] else "the picks kept"
    return (
        f"the picks score {margin:+.3f} a sentence against the opening sentences "
        f"(the model asks {needed:+.3f}): {verdict}",
    )


def _contributions(
    explanation: dict[str, Any], kept: list[int], total: int, check: Callable[[], None]
) -> tuple[dict[str, float], ...] | None:
    """Per sentence of the text, each feature's share of its score ({} for a sentence
    left out). ``check`` per sentence: a book's take 50 ms."""
    if not explanation:
        return None
    names = explanation["features"]
    out: list[dict[str, float]] = [{} for _ in range(total)]
    for i, row in zip(kept, explanation["contributions"], strict=True):
        check()
        out[i] = {name: float(v) for name, v in zip(names, row, strict=True)}
    return tuple(out)


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
