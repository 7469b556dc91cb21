"""Fast, exact versions of sumy's greedy summarisers, SumBasic and KL-Sum (see
:mod:`.fast`): sumy's own loop, stopped once the requested sentences are settled, each
step computed with sumy's own functions in sumy's order. The sentences the loop never
reached have no rank sumy would give: ``unreached`` names them, and ``--explain`` shows
them as unranked rather than print made-up ranks.

Their work grows with the summary's length as well as the document's (KL rates every
sentence against the summary so far at each pick): :mod:`.cost` refuses a request past
TREAD_MAX_GREEDY_COMPARISONS before they start.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer

from tread.core.cancel import never
from tread.core.limits import OverBudget


class _Truncated:
    """Greedy summarisers that rank every sentence (cubic for KL): stop as soon as the
    sentences that can be picked are settled.

    sumy rates the k-th sentence removed -k in a dict keyed by sentence text, so a
    repeated sentence overwrites its earlier rating with a lower one. The loop may stop
    once ``wanted`` distinct sentences have ratings that no later iteration can reach or
    overwrite: above every value still to be given, with no copy of them left. With
    copies that can take every round there is: ``budget`` (sentence comparisons, as
    :mod:`.cost` counts them) stops it, raising OverBudget.
    """

    _wanted: int | None = None
    budget: int | None = None
    #: called per sentence rated in a round (summarize() sets it to stop on request)
    checkpoint: Callable[[], None] | None = None
    _spent = 0
    _picks = 0
    #: after a call: the sentences (sumy's, equal text being one) whose rating is not
    #: sumy's, because the loop stopped before it reached them or before it placed every
    #: copy of them; their ranks are unknown, and summarize() says so
    unreached: frozenset[Any] = frozenset()

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        self._wanted = sentences_count if isinstance(sentences_count, int) else None
        self._spent = self._picks = 0
        self.unreached = frozenset()
        return super().__call__(document, sentences_count)  # type: ignore[misc]

    def _spend(self, comparisons: int) -> None:
        """Count one pick's comparisons before it is made."""
        self._spent += comparisons
        if self.budget is not None and self._spent > self.budget:
            raise OverBudget(self._spent, self._picks)
        self._picks += 1

    def _settled(self, ratings: dict[Any, int], left: Counter[Any]) -> bool:
        """``left`` counts, per sentence text, the copies not yet removed."""
        wanted = self._wanted
        if wanted is None or len(ratings) < wanted:
            return False
        threshold = heapq.nlargest(wanted, ratings.values())[-1]
        if threshold <= -len(ratings):  # a later rating could tie with it
            return False
        return not any(left[s] for s, v in ratings.items() if v >= threshold)

    def _rest(
        self, ratings: dict[Any, int], remaining: Sequence[Any], left: Counter[Any]
    ) -> dict[Any, int]:
        """Ratings below every settled one for the sentences never reached (sumy needs a
        rating for each), and :attr:`unreached` says which ratings may not be sumy's:
        those of sentences with copies still to place (a copy's rating overwrites the
        earlier one), and those that a later rating could tie: every later one is at
        most -len(ratings). When no sentence is left, every rating is sumy's."""
        start = -len(ratings) - 1
        unreached = set()
        if remaining:
            unreached = {s for s, v in ratings.items() if left[s] or v <= start + 1}
        for k, s in enumerate(remaining):
            if s not in ratings:
                ratings[s] = start - k
                unreached.add(s)
        self.unreached = frozenset(unreached)
        return ratings


class FastSumBasic(_Truncated, SumBasicSummarizer):  # type: ignore[misc]
    """sumy's loop, but a sentence's average word probability is computed again (by
    sumy's own function, so to the same bits) only when one of its words changed."""

    def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
        check = self.checkpoint or never
        word_freq = self._compute_tf(sentences)
        ratings: dict[Any, int] = {}
        words = [self._get_content_words_in_sentence(s) for s in sentences]
        average = self._compute_average_probability_of_words
        avgs = np.zeros(len(words))
        for i, w in enumerate(words):
            check()
            avgs[i] = float(average(word_freq, w))
        having: dict[str, set[int]] = {}
        for i, ws in enumerate(words):
            for w in ws:
                having.setdefault(w, set()).add(i)
        removed = np.zeros(len(sentences), dtype=bool)
        left = Counter(sentences)
        while not removed.all() and not self._settled(ratings, left):
            self._spend(len(sentences))
            # the first maximum among the sentences left, as sumy's scan finds it
            best = int(np.argmax(np.where(removed, -np.inf, avgs)))
            removed[best] = True
            left[sentences[best]] -= 1
            ratings[sentences[best]] = -len(ratings)
            self._update_tf(word_freq, words[best])
            for i in {i for w in words[best] for i in having[w]}:
                check()
                avgs[i] = average(word_freq, words[i])
        alive = np.flatnonzero(~removed)
        return self._rest(ratings, [sentences[i] for i in alive], left)


class FastKL(_Truncated, KLSummarizer):  # type: ignore[misc]
    """sumy's loop, stopped once settled; each sentence's word counts are made once,
    and the summary's once per round, instead of once per sentence per round. The
    joint distributions are built with sumy's operations in sumy's order."""

    def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
        check = self.checkpoint or never
        word_freq = self.compute_tf(sentences)
        ratings: dict[Any, int] = {}
        summary: list[Any] = []
        sentences_list = list(sentences)
        sentences_as_words, counts = [], []
        for s in sentences:
            check()
            sentences_as_words.append(self._get_content_words_in_sentence(s))
            counts.append(self._compute_word_freq(sentences_as_words[-1]))
        left = Counter(sentences)
        while sentences_list and not self._settled(ratings, left):
            self._spend(len(sentences_list) * (1 + len(summary)))
            summary_words = self._get_all_words_in_doc(summary)
            summary_counts = self._compute_word_freq(summary_words)
            kls = []
            for c, ws in zip(counts, sentences_as_words, strict=True):
                check()  # a round rates every sentence: a second on a book
                joint = _joint(c, len(ws), summary_counts, len(summary_words))
                kls.append(self._kl_divergence(joint, word_freq))
            best = self._find_index_of_best_sentence(kls)
            best_sentence = sentences_list.pop(best)
            left[best_sentence] -= 1
            del sentences_as_words[best]
            del counts[best]
            summary.append(best_sentence)
            ratings[best_sentence] = -1 * len(ratings)
        return self._rest(ratings, sentences_list, left)


def _joint(wc1: dict[str, int], len1: int, wc2: dict[str, int], len2: int) -> dict[str, float]:
    """sumy's KLSummarizer._joint_freq, given both word counts."""
    total_len = len1 + len2
    joint: dict[str, Any] = wc1.copy()
    for k in wc2:
        if k in joint:
            joint[k] += wc2[k]
        else:
            joint[k] = wc2[k]
    for k in joint:
        joint[k] /= float(total_len)
    return joint
