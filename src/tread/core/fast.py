"""Fast, exact versions of sumy's summarisers.

Each class subclasses sumy's own summariser and overrides only the hot methods, keeping
sumy's code for everything else, so it picks the same sentences in the same order:

- LexRank: the TF-IDF cosine matrix from one sparse product; a similarity within
  ``EPSILON`` of the threshold is decided again with sumy's own scalar code;
- TextRank and Reduction: word-overlap counts from one integer product (exact), the
  same float formulas elementwise, and Reduction's sums accumulated in sumy's order;
- SumBasic and KL: sumy's greedy loop, stopped once the requested sentences are chosen
  (the later iterations only order sentences that are never picked);
- LSA: with sumy's reduction ratio of 1 every singular value is kept, so each rank is
  exactly the norm of the sentence's column, computed in closed form without an SVD
  (equal to sumy's up to rounding: it can break exact ties differently).

Repeated identical sentences, which sumy's dict-based ratings merge, are handled as
sumy handles them. The caller gives every summariser a stem cache for the call
(Snowball stemming dominates once the loops are gone) and refuses graph algorithms
past their size limit.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

EPSILON: Final = 1e-9
#: above this many cells a matrix is built sparse (scipy) rather than dense: small
#: documents then never pay for importing scipy
_DENSE_CELLS: Final = 250_000


def count_matrix(rows: Sequence[Sequence[str]]) -> Any:
    """Sentences x terms matrix of term counts, dense or scipy CSR.

    Counts are stored as float64 (exact for integers below 2**53) so that products go
    through BLAS; sumy's integer overlap counts come out exactly.
    """
    vocab: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for words in rows:
        for w in words:
            indices.append(vocab.setdefault(w, len(vocab)))
        indptr.append(len(indices))
    n, v = len(rows), max(1, len(vocab))
    if n * v <= _DENSE_CELLS:
        dense = np.zeros((n, v))
        row_of = np.repeat(np.arange(n), np.diff(indptr))
        np.add.at(dense, (row_of, np.asarray(indices, dtype=np.int64)), 1)
        return dense
    from scipy.sparse import csr_matrix

    data = np.ones(len(indices))
    matrix = csr_matrix((data, np.asarray(indices), np.asarray(indptr)), shape=(n, v))
    matrix.sum_duplicates()
    return matrix


def _gram(matrix: Any) -> np.ndarray:
    """matrix @ matrix.T as a dense, writable float64 array."""
    product = matrix @ matrix.T
    dense = product.toarray() if hasattr(product, "toarray") else product
    return np.asarray(dense, dtype=float)


def _log_lengths(rows: Sequence[Sequence[str]]) -> np.ndarray:
    # math.log, as sumy uses: numpy's log may differ from it in the last bit
    return np.array([math.log(len(r)) if r else 0.0 for r in rows])


class FastLexRank(LexRankSummarizer):
    def _compute_idf(self, sentences: Sequence[Sequence[str]]) -> dict[str, float]:
        n = len(sentences)
        df = Counter(t for s in sentences for t in set(s))
        return {t: math.log(n / (1 + df[t])) for s in sentences for t in s}

    def _create_matrix(self, sentences: Sequence[Sequence[str]], threshold: float,
                       tf_metrics: Sequence[dict[str, float]],
                       idf_metrics: dict[str, float]) -> np.ndarray:
        n = len(sentences)
        vocab: dict[str, int] = {}
        weights = np.zeros((n, 0))
        rows, cols, vals = [], [], []
        for i, tf in enumerate(tf_metrics):
            for term, value in tf.items():
                rows.append(i)
                cols.append(vocab.setdefault(term, len(vocab)))
                vals.append(value * idf_metrics[term])
        v = max(1, len(vocab))
        if n * v <= _DENSE_CELLS:
            weights = np.zeros((n, v))
            weights[rows, cols] = vals
        else:
            from scipy.sparse import csr_matrix

            weights = csr_matrix((vals, (rows, cols)), shape=(n, v))
        dots = _gram(weights)
        norms = np.sqrt(np.diag(dots).copy())
        with np.errstate(divide="ignore", invalid="ignore"):
            sims = dots / np.outer(norms, norms)
        sims[(norms == 0)[:, None] | (norms == 0)[None, :]] = 0.0
        above = sims > threshold
        for r, c in zip(*np.nonzero(np.abs(sims - threshold) <= EPSILON), strict=True):
            exact = self.cosine_similarity(sentences[r], sentences[c], tf_metrics[r],
                                           tf_metrics[c], idf_metrics)
            above[r, c] = exact > threshold
        matrix = above.astype(float)
        degrees = matrix.sum(axis=1)
        degrees[degrees == 0] = 1
        normalised: np.ndarray = matrix / degrees[:, None]
        return normalised


def _edge_weights(overlap: np.ndarray, logs: np.ndarray, *, when_norm_zero: str) -> None:
    """In place: overlap / (log len_i + log len_j), as sumy's edge functions compute
    it, row block by row block (no n x n temporaries). Where the norm is 0 (both
    sentences one word long) TextRank keeps the count and Reduction gives 0."""
    block = 512
    for start in range(0, len(overlap), block):
        rows = overlap[start : start + block]
        norm = logs[start : start + block, None] + logs[None, :]
        zero = norm == 0.0
        np.divide(rows, norm, out=rows, where=~zero)
        if when_norm_zero == "zero":
            rows[zero] = 0.0


class FastTextRank(TextRankSummarizer):
    def _create_matrix(self, document: Any) -> np.ndarray:
        rows = [self._to_words_set(s) for s in document.sentences]
        n = len(rows)
        weights = _gram(count_matrix(rows))
        _edge_weights(weights, _log_lengths(rows), when_norm_zero="keep")
        weights /= weights.sum(axis=1)[:, np.newaxis] + self._ZERO_DIVISION_PREVENTION
        # sumy: numpy.full((n, n), (1 - damping) / n) + damping * weights
        damping = float(self.damping)
        weights *= damping
        weights += (1.0 - damping) / n
        return weights


class FastReduction(ReductionSummarizer):
    def rate_sentences(self, document: Any) -> dict[Any, float]:
        sentences = document.sentences
        rows = [self._to_words_set(s) for s in sentences]
        edges = _gram(count_matrix(rows))
        _edge_weights(edges, _log_lengths(rows), when_norm_zero="zero")
        np.fill_diagonal(edges, 0.0)
        # sumy adds each sentence's edges in the order of the other sentence: sequentially
        totals = np.add.accumulate(edges, axis=1)[:, -1] if len(rows) else edges
        ratings = {s: float(t) for s, t in zip(sentences, totals, strict=True)}
        for copies in _copies(sentences):
            ratings[sentences[copies[0]]] = _merged_total(edges, copies)
        return ratings


def _copies(sentences: Sequence[Any]) -> list[list[int]]:
    """Index lists of sentences that sumy's dicts treat as one (equal text)."""
    seen: dict[Any, list[int]] = {}
    for i, s in enumerate(sentences):
        seen.setdefault(s, []).append(i)
    return [idx for idx in seen.values() if len(idx) > 1]


def _merged_total(edges: np.ndarray, copies: list[int]) -> float:
    """The rating sumy's Reduction accumulates for a sentence appearing at ``copies``:
    every pair (i, j), i < j, in ``combinations`` order, adds its edge once for each
    end that is a copy."""
    members = set(copies)
    n = len(edges)
    total = 0.0
    for i in range(n):
        if i in members:
            for j in range(i + 1, n):
                total += edges[i, j]
                if j in members:
                    total += edges[i, j]
        else:
            for j in copies:
                if j > i:
                    total += edges[i, j]
    return total


class _Truncated:
    """Greedy summarisers that rank every sentence (cubic for KL): stop as soon as the
    sentences that can be picked are settled.

    sumy rates the k-th sentence removed -k in a dict keyed by sentence text, so a
    repeated sentence overwrites its earlier rating with a lower one. The loop may stop
    once ``wanted`` distinct sentences have ratings that no later iteration can reach or
    overwrite: above every value still to be given, with no copy of them left.
    """

    _wanted: int | None = None

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        self._wanted = sentences_count if isinstance(sentences_count, int) else None
        return super().__call__(document, sentences_count)  # type: ignore[misc]

    def _settled(self, ratings: dict[Any, int], left: Counter[Any]) -> bool:
        """``left`` counts, per sentence text, the copies not yet removed."""
        wanted = self._wanted
        if wanted is None or len(ratings) < wanted:
            return False
        threshold = heapq.nlargest(wanted, ratings.values())[-1]
        if threshold <= -len(ratings):  # a later rating could tie with it
            return False
        return not any(left[s] for s, v in ratings.items() if v >= threshold)

    @staticmethod
    def _rest(ratings: dict[Any, int], remaining: Sequence[Any]) -> dict[Any, int]:
        """Ratings below every settled one for the sentences never reached."""
        start = -len(ratings) - 1
        for k, s in enumerate(remaining):
            if s not in ratings:
                ratings[s] = start - k
        return ratings


class FastSumBasic(_Truncated, SumBasicSummarizer):
    """sumy's loop, but a sentence's average word probability is computed again (by
    sumy's own function, so to the same bits) only when one of its words changed."""

    def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
        word_freq = self._compute_tf(sentences)
        ratings: dict[Any, int] = {}
        words = [self._get_content_words_in_sentence(s) for s in sentences]
        average = self._compute_average_probability_of_words
        avgs = np.array([float(average(word_freq, w)) for w in words])
        having: dict[str, set[int]] = {}
        for i, ws in enumerate(words):
            for w in ws:
                having.setdefault(w, set()).add(i)
        removed = np.zeros(len(sentences), dtype=bool)
        left = Counter(sentences)
        while not removed.all() and not self._settled(ratings, left):
            # the first maximum among the sentences left, as sumy's scan finds it
            best = int(np.argmax(np.where(removed, -np.inf, avgs)))
            removed[best] = True
            left[sentences[best]] -= 1
            ratings[sentences[best]] = -len(ratings)
            self._update_tf(word_freq, words[best])
            for i in {i for w in words[best] for i in having[w]}:
                avgs[i] = average(word_freq, words[i])
        alive = np.flatnonzero(~removed)
        return self._rest(ratings, [sentences[i] for i in alive])


class FastKL(_Truncated, KLSummarizer):
    """sumy's loop, stopped once settled; each sentence's word counts are made once,
    and the summary's once per round, instead of once per sentence per round. The
    joint distributions are built with sumy's operations in sumy's order."""

    def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
        word_freq = self.compute_tf(sentences)
        ratings: dict[Any, int] = {}
        summary: list[Any] = []
        sentences_list = list(sentences)
        sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
        counts = [self._compute_word_freq(ws) for ws in sentences_as_words]
        left = Counter(sentences)
        while sentences_list and not self._settled(ratings, left):
            summary_words = self._get_all_words_in_doc(summary)
            summary_counts = self._compute_word_freq(summary_words)
            kls = [self._kl_divergence(_joint(c, len(ws), summary_counts, len(summary_words)),
                                       word_freq)
                   for c, ws in zip(counts, sentences_as_words, strict=True)]
            best = self._find_index_of_best_sentence(kls)
            best_sentence = sentences_list.pop(best)
            left[best_sentence] -= 1
            del sentences_as_words[best]
            del counts[best]
            summary.append(best_sentence)
            ratings[best_sentence] = -1 * len(ratings)
        return self._rest(ratings, sentences_list)


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


class FastLsa(LsaSummarizer):
    """Exact (sumy's own SVD on the same matrix, built without Python loops) up to
    ``SVD_LIMIT`` sentences; past it, each rank in closed form (see the module doc)."""

    SVD_LIMIT: Final = 500

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        dictionary = self._create_dictionary(document)
        if not dictionary:
            return ()
        if len(document.sentences) <= self.SVD_LIMIT or self.REDUCTION_RATIO != 1:
            counts = self._count_matrix(document, dictionary)
            matrix = self._compute_term_frequency(counts)
            _u, sigma, v = np.linalg.svd(matrix, full_matrices=False)
            ranks = iter(self._compute_ranks(sigma, v))
        else:
            ranks = iter(self._column_norms(document, dictionary))
        return self._get_best_sentences(document.sentences, sentences_count,
                                        lambda s: next(ranks))

    def _count_matrix(self, document: Any, dictionary: dict[str, int]) -> np.ndarray:
        """sumy's |words| x |sentences| count matrix (without its warning)."""
        matrix = np.zeros((len(dictionary), len(document.sentences)))
        for col, sentence in enumerate(document.sentences):
            for word in map(self.stem_word, sentence.words):
                row = dictionary.get(word)
                if row is not None:
                    matrix[row, col] += 1
        return matrix

    def _compute_term_frequency(self, matrix: np.ndarray, smooth: float = 0.4) -> np.ndarray:
        peaks = np.max(matrix, axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            smoothed = smooth + (1.0 - smooth) * (matrix / peaks)
        return np.where(peaks != 0, smoothed, matrix)

    def _column_norms(self, document: Any, dictionary: dict[str, int]) -> list[float]:
        """sqrt(sum of sigma^2 v^2 over every dimension) = the norm of each column of
        sumy's smoothed term-frequency matrix, in closed form over its counts."""
        rows = len(dictionary)
        smooth = 0.4
        out = []
        for sentence in document.sentences:
            counts = Counter(w for w in map(self.stem_word, sentence.words) if w in dictionary)
            peak = max(counts.values(), default=0)
            if peak == 0:
                out.append(0.0)
                continue
            values = [smooth + (1.0 - smooth) * (c / peak) for c in counts.values()]
            total = sum(v * v for v in values) + (rows - len(counts)) * smooth * smooth
            out.append(math.sqrt(total))
        return out


class FastLuhn(LuhnSummarizer):
    """Luhn is linear once its significant words are a set (sumy keeps a tuple and
    tests every word against it): membership is all it asks of them."""

    def _get_significant_words(self, words: Any) -> frozenset[str]:
        return frozenset(super()._get_significant_words(words))


#: sumy class name -> tread's fast, exact subclass
FAST: Final[dict[str, type[Any]]] = {
    "LexRankSummarizer": FastLexRank,
    "TextRankSummarizer": FastTextRank,
    "ReductionSummarizer": FastReduction,
    "SumBasicSummarizer": FastSumBasic,
    "KLSummarizer": FastKL,
    "LsaSummarizer": FastLsa,
    "LuhnSummarizer": FastLuhn,
}
