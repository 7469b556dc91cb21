"""Fast, exact versions of sumy's summarisers.

Each class subclasses sumy's own summariser and overrides only the hot methods, keeping
sumy's code for everything else, so it picks the same sentences in the same order:

- LexRank: the TF-IDF cosine matrix from one sparse product; a similarity within
  ``EPSILON`` of the threshold is decided again with sumy's own scalar code;
- TextRank and Reduction: word-overlap counts from one integer product (exact), the
  same float formulas elementwise, and Reduction's sums accumulated in sumy's order;
- SumBasic and KL (:mod:`.fast_greedy`): sumy's greedy loop, stopped once the
  requested sentences are chosen (later iterations only order sentences that are never
  picked);
- LSA: with sumy's reduction ratio of 1 every singular value is kept, so each rank is
  exactly the norm of the sentence's column, computed in closed form without an SVD
  past 500 sentences (equal to sumy's up to rounding); ties, which sumy breaks by
  hash-seed noise, go to the longer sentence, then the earlier (``FastLsa``).

The graph algorithms hold one n x n array and work on it a block of rows at a time, so
memory is that array and little more. Repeated identical sentences, which sumy's
dict-based ratings merge, are handled as sumy handles them. The caller gives every
summariser a stem cache for the call (Snowball stemming dominates once the loops are
gone) and checks the limits (:mod:`.cost`) before calling.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import ItemsCount

EPSILON: Final = 1e-9
#: above this many cells a matrix is built sparse (scipy) rather than dense: small
#: documents then never pay for importing scipy
_DENSE_CELLS: Final = 250_000
#: rows of an n x n matrix worked on at once, so temporaries stay small
_BLOCK: Final = 512
#: the dense term x sentence matrix LSA decomposes stays under this many cells (about
#: 50 bytes each at the peak of the SVD); past it the closed form needs no matrix
SVD_CELLS: Final = 2_000_000


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
    """matrix @ matrix.T as a dense, writable float64 array, the only n x n array made.

    A sparse product is taken a block of rows at a time: the whole sparse product of
    similar sentences is nearly dense and costs twice the dense array again. Each row
    is computed as in the whole product (same terms, same order): the same bits.
    """
    if not hasattr(matrix, "tocsr"):
        return np.asarray(matrix @ matrix.T, dtype=float)
    n = matrix.shape[0]
    out = np.empty((n, n))
    transposed = matrix.T.tocsc()
    for start in range(0, n, _BLOCK):
        out[start : start + _BLOCK] = (matrix[start : start + _BLOCK] @ transposed).toarray()
    return out


def _log_lengths(rows: Sequence[Sequence[str]]) -> np.ndarray:
    # math.log, as sumy uses: numpy's log may differ from it in the last bit
    return np.array([math.log(len(r)) if r else 0.0 for r in rows])


class FastLexRank(LexRankSummarizer):
    def _compute_idf(self, sentences: Sequence[Sequence[str]]) -> dict[str, float]:
        n = len(sentences)
        df = Counter(t for s in sentences for t in set(s))
        return {t: math.log(n / (1 + df[t])) for s in sentences for t in s}

    def _create_matrix(
        self,
        sentences: Sequence[Sequence[str]],
        threshold: float,
        tf_metrics: Sequence[dict[str, float]],
        idf_metrics: dict[str, float],
    ) -> np.ndarray:
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
        return self._threshold_matrix(_gram(weights), sentences, threshold, tf_metrics, idf_metrics)

    def _threshold_matrix(
        self,
        dots: np.ndarray,
        sentences: Sequence[Sequence[str]],
        threshold: float,
        tf_metrics: Sequence[dict[str, float]],
        idf_metrics: dict[str, float],
    ) -> np.ndarray:
        """In place, a block of rows at a time: cosines, 1 where above the threshold
        (within EPSILON of it, decided by sumy's scalar code), rows divided by their
        degree. The same operations as on whole matrices, so the same bits."""
        norms = np.sqrt(np.diag(dots).copy())
        zero = norms == 0
        near: list[tuple[int, int]] = []
        for start in range(0, len(dots), _BLOCK):
            rows = dots[start : start + _BLOCK]
            with np.errstate(divide="ignore", invalid="ignore"):
                np.divide(rows, np.outer(norms[start : start + _BLOCK], norms), out=rows)
            rows[zero[start : start + _BLOCK]] = 0.0
            rows[:, zero] = 0.0
            for r, c in zip(*np.nonzero(np.abs(rows - threshold) <= EPSILON), strict=True):
                near.append((start + int(r), int(c)))
            np.greater(rows, threshold, out=rows, casting="unsafe")
        for r, c in near:
            exact = self.cosine_similarity(
                sentences[r], sentences[c], tf_metrics[r], tf_metrics[c], idf_metrics
            )
            dots[r, c] = float(exact > threshold)
        degrees = dots.sum(axis=1)
        degrees[degrees == 0] = 1
        dots /= degrees[:, None]
        return dots


def _edge_weights(overlap: np.ndarray, logs: np.ndarray, *, when_norm_zero: str) -> None:
    """In place: overlap / (log len_i + log len_j), as sumy's edge functions compute
    it, row block by row block (no n x n temporaries). Where the norm is 0 (both
    sentences one word long) TextRank keeps the count and Reduction gives 0."""
    block = _BLOCK
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
        # (a block at a time: the n x n running sums are thrown away)
        totals = np.zeros(len(rows))
        for i in range(0, len(rows), _BLOCK):
            totals[i : i + _BLOCK] = np.add.accumulate(edges[i : i + _BLOCK], axis=1)[:, -1]
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
    end that is a copy. The terms are added one after another in that order, as sumy
    adds them (``np.add.accumulate`` is sequential), gathered a stretch of rows at a
    time: the rows between two copies take their edges to the later copies, a copy's
    row takes every later edge, twice for an edge to another copy."""
    members = np.asarray(copies)
    n = len(edges)
    total = np.zeros(1)

    def add(terms: np.ndarray) -> None:
        nonlocal total
        if terms.size:
            total = np.add.accumulate(np.concatenate((total, terms)))[-1:]

    row = 0
    for k, m in enumerate(copies):
        add(edges[row:m][:, members[k:]].ravel())
        times = np.ones(n - m - 1, dtype=np.intp)
        times[members[k + 1 :] - m - 1] = 2
        add(np.repeat(edges[m, m + 1 :], times))
        row = m + 1
    return float(total[0])


class FastLsa(LsaSummarizer):
    """sumy's own SVD on the same matrix (built without Python loops) up to
    ``SVD_LIMIT`` sentences and ``SVD_CELLS`` matrix cells; past either, each rank in
    closed form (see the module doc), in time and memory linear in the words: 200
    sentences of 5,000 unique words each would be a 1,000,000 x 200 matrix (1.5 GB).

    Ties are broken on purpose. In closed form every sentence whose content words each
    occur once in it, with as many distinct words, has exactly the same rank; sumy's SVD
    gives those sentences ranks that differ only by rounding noise, and that noise
    follows the order of its term matrix, which is Python's string hashing: it changes
    from run to run. Here ranks within ``TIE`` (relative) of each other are a tie, and a
    tie goes to the sentence with more words (stop words included: more said), then to
    the earlier one. :attr:`rank_key` gives the same order to summarize()'s ranks.
    """

    SVD_LIMIT: Final = 500
    TIE: Final = 1e-9

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        dictionary = self._create_dictionary(document)
        if not dictionary:
            return ()
        sentences = document.sentences
        n = len(sentences)
        if (n <= self.SVD_LIMIT and n * len(dictionary) <= SVD_CELLS) or self.REDUCTION_RATIO != 1:
            counts = self._count_matrix(document, dictionary)
            matrix = self._compute_term_frequency(counts)
            _u, sigma, v = np.linalg.svd(matrix, full_matrices=False)
            values = [float(r) for r in self._compute_ranks(sigma, v)]
        else:
            values = self._column_norms(document, dictionary)
        keys = tie_broken(values, [len(s.words) for s in sentences], self.TIE)
        by_id = {id(s): k for s, k in zip(sentences, keys, strict=True)}
        self.rank_key = lambda s: by_id[id(s)]
        ranks = iter(values)

        def best(infos: list[Any]) -> Any:
            in_order = sorted(infos, key=lambda info: info.order)
            ordered = sorted(in_order, key=lambda info: keys[info.order], reverse=True)
            return ItemsCount(sentences_count)(ordered)

        return self._get_best_sentences(sentences, best, lambda s: next(ranks))

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


def tie_broken(
    values: Sequence[float], words: Sequence[int], tie: float
) -> list[tuple[float, int]]:
    """A sort key per value (descending order: best first): values within ``tie``
    (relative) of the best of their run count as equal, then more ``words`` win. Sorted
    stably, equal keys keep document order."""
    order = sorted(range(len(values)), key=lambda i: values[i], reverse=True)
    level = [0.0] * len(values)
    top = math.nan
    for i in order:
        v = values[i]
        if not (abs(top - v) <= tie * abs(top)):
            top = v
        level[i] = top
    return [(level[i], words[i]) for i in range(len(values))]


class FastLuhn(LuhnSummarizer):
    """Luhn is linear once its significant words are a set (sumy keeps a tuple and
    tests every word against it): membership is all it asks of them."""

    def _get_significant_words(self, words: Any) -> frozenset[str]:
        return frozenset(super()._get_significant_words(words))
