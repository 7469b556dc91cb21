"""sumy's side of a summary: its document model built from tread's own sentences, its
stemmers and stop words, and a summariser of any registered algorithm ready to run.

Building sumy's document from tread's sentences means every sentence a summariser picks
is known by identity: nothing is found again by matching strings.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import Any

from tread.core.article import Segmentation
from tread.core.cancel import CheckedTokenizer, Checkpoint, checked_stemmer, never
from tread.core.limits import max_greedy_comparisons
from tread.core.summarizers.registry import Algorithm, Setup, require_language, resolve
from tread.core.text.segment import get_tokenizer
from tread.core.text.stemmers import stemmer

__all__ = ["build_document", "make_summarizer", "record_scores", "stemmer", "stop_words"]


@cache
def stop_words(language: str) -> frozenset[str]:
    from sumy.utils import get_stop_words

    words: frozenset[str] = get_stop_words(language)
    return words


def build_document(
    seg: Segmentation, leave_out: Collection[int] = (), check: Callable[[], None] = never
) -> tuple[Any, list[Any]]:
    """sumy's ``ObjectDocumentModel`` for ``seg`` and its sentences in order.

    Headings go in as sumy headings in the paragraph where they stand; every other
    sentence is a plain sumy ``Sentence``, but those whose index is in ``leave_out``,
    which are not in the document at all. The returned list is parallel to the
    sentences kept (to ``seg.sentences`` when none is left out). The sentences' words
    are found when a summariser first asks for them; ``check`` is called before each.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer: Any = get_tokenizer(seg.language)
    if check is not never:
        tokenizer = CheckedTokenizer(tokenizer, check)
    by_paragraph: dict[int, list[Any]] = {}
    ordered: list[Any] = []
    items = sorted(
        [(h.start, h.paragraph, True) for h in seg.headings]
        + [(s.start, s.paragraph, False) for s in seg.sentences if s.index not in leave_out]
    )
    ends = {h.start: h.end for h in seg.headings} | {s.start: s.end for s in seg.sentences}
    for start, paragraph, is_heading in items:
        obj = SumySentence(seg.text[start : ends[start]], tokenizer, is_heading=is_heading)
        by_paragraph.setdefault(paragraph, []).append(obj)
        if not is_heading:
            ordered.append(obj)
    document = ObjectDocumentModel([Paragraph(by_paragraph[p]) for p in sorted(by_paragraph)])
    return document, ordered


def make_summarizer(
    algorithm: Algorithm,
    seg: Segmentation,
    sentences: Sequence[Any],
    *,
    fast: bool = True,
    check: Callable[[], None] = never,
) -> Any:
    """An instance of ``algorithm``'s summariser for ``seg``, whose sumy sentences are
    ``sentences``: with the language's stemmer (cached per call when ``fast``), its stop
    words or the algorithm's own configuration, and the greedy budget. ``check`` is
    called every 256 words stemmed and handed to tread's own loops (``checkpoint``)."""
    require_language(algorithm, seg.language)
    cls = algorithm.load(fast=fast)
    stem = stemmer(seg.language)
    if fast:  # a stem cache for this call: the same stems, each word stemmed once
        stem = cache(stem)
    if isinstance(check, Checkpoint):
        stem = checked_stemmer(stem, check.every(256))
    summarizer = cls(stem)
    summarizer.checkpoint = check
    words = stop_words(seg.language)
    if algorithm.configure is not None:
        resolve(algorithm.configure)(summarizer, Setup(seg, sentences, words))
    elif hasattr(summarizer, "stop_words"):
        summarizer.stop_words = words
    if algorithm.cost in ("greedy", "greedy-summary") and hasattr(summarizer, "budget"):
        summarizer.budget = max_greedy_comparisons()
    return summarizer


def record_scores(
    summarizer: Any, scores: dict[int, float], check: Callable[[], None] = never
) -> None:
    """Make ``summarizer`` remember the rating sumy gives each sentence (and call
    ``check`` before each).

    Every sumy summariser ends with ``self._get_best_sentences(sentences, count,
    rating, ...)``; an instance attribute shadows that static method, records each
    rating and hands the rest to sumy's own implementation unchanged.

    ``_get_best_sentences`` is private to sumy: this holds while sumy is pinned below
    0.14 (``sumy>=0.13,<0.14`` in pyproject.toml), and tests/core/test_sumy_contract.py
    fails, in CI, on a sumy whose version or ``_get_best_sentences`` differs.
    """
    original = type(summarizer)._get_best_sentences

    def recording(sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(rating, dict):

            def rate(s: Any) -> Any:
                return rating[s]
        else:

            def rate(s: Any) -> Any:
                return rating(s, *args, **kwargs)

        def record(s: Any) -> Any:
            check()
            value = rate(s)
            scores[id(s)] = value
            return value

        return original(sentences, count, record)

    summarizer._get_best_sentences = recording
