"""tread's fast summarisers pick exactly what sumy's own classes pick."""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE_FILES
from tread.core.article import Segmentation
from tread.core.summarizers.registry import ALGORITHMS, resolve
from tread.core.summarizers.summarize import summarize
from tread.core.text.segment import segment

FAST_ALGORITHMS = [name for name, a in ALGORITHMS.items() if a.fast]


def long_text(sentences: int, seed: int = 11) -> str:
    """A long document made from the shipped sample articles (CC BY 2.5, see
    sample_articles/SOURCES.md): each sentence joins the start of one of their sentences
    to the end of another, so the vocabulary and the overlaps between sentences are
    those of real news; one in forty repeats an earlier sentence word for word (sumy's
    dicts merge repeats, which the fast classes must reproduce)."""
    rng = random.Random(seed)
    pool = []
    for path in SAMPLE_FILES:
        seg = segment(path.read_text(encoding="utf-8"))
        pool += [seg.sentence_text(s).split() for s in seg.sentences]
    pool = [words for words in pool if len(words) >= 4]
    out: list[str] = []
    while len(out) < sentences:
        if out and rng.random() < 1 / 40:
            out.append(rng.choice(out))
            continue
        a, b = rng.choice(pool), rng.choice(pool)
        words = a[: rng.randint(2, len(a) - 1)] + b[rng.randint(1, len(b) - 2) :]
        sentence = " ".join(words).rstrip(".!?\"”'") + "."
        out.append(sentence[0].upper() + sentence[1:])
    return "\n\n".join(" ".join(out[i : i + 5]) for i in range(0, len(out), 5)) + "\n"


def same(seg: Segmentation, algorithm: str, count: int) -> None:
    fast = summarize(seg, algorithm, count)
    stock = summarize(seg, algorithm, count, fast=False)
    if algorithm == "lsa":
        # LSA's closed form equals sumy's SVD up to rounding, and tread breaks ties
        # (which sumy breaks by rounding noise) its own way: picks and ranks agree up
        # to ties, ranks within 1e-9 of each other
        score_at_rank = {rank: score for score, rank in stock.ranking}
        ours = sorted((s.score for s in fast.sentences), reverse=True)
        theirs = sorted((s.score for s in stock.sentences), reverse=True)
        assert ours == pytest.approx(theirs, rel=1e-9)
        for f in fast.sentences:
            assert score_at_rank[f.rank] == pytest.approx(f.score, rel=1e-9)
        return
    assert [s.index for s in fast.sentences] == [s.index for s in stock.sentences]
    assert [s.rank for s in fast.sentences] == [s.rank for s in stock.sentences]
    # every rank tread gives is the rank sumy gives; the sentences a fast greedy loop
    # never reached have none, and say so
    for i, ((f_score, f_rank), (s_score, s_rank)) in enumerate(
        zip(fast.ranking, stock.ranking, strict=True)
    ):
        if f_rank is None:  # never reached, or left out (as for stock sumy: a fragment)
            assert math.isnan(f_score)
            if "stops once its picks are settled" not in fast.notes[i]:
                assert s_rank is None and stock.notes[i] == fast.notes[i]
        else:
            assert f_rank == s_rank and repr(f_score) == repr(s_score)
    # sumy's LexRank gives NaN when no sentence has a content word: so does tread
    assert [repr(s.score) for s in fast.sentences] == [repr(s.score) for s in stock.sentences]


@pytest.fixture(scope="module")
def book() -> Segmentation:
    seg = segment(long_text(1_100), detect_title=False)
    assert len(seg.sentences) >= 1_000
    return seg


def cut(book: Segmentation, n: int) -> Segmentation:
    return segment(book.text[: book.sentences[n - 1].end])


def test_every_fast_class_subclasses_sumy() -> None:
    for name in FAST_ALGORITHMS:
        algo = ALGORITHMS[name]
        assert algo.fast and issubclass(resolve(algo.fast), resolve(algo.summarizer))
    assert set(FAST_ALGORITHMS) == {
        "lex-rank",
        "text-rank",
        "reduction",
        "sum-basic",
        "kl",
        "lsa",
        "luhn",
    }


@pytest.mark.parametrize("algorithm", FAST_ALGORITHMS)
@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: Path(p).stem)
def test_sample_articles(algorithm: str, path: Path) -> None:
    seg = segment(path.read_text(encoding="utf-8"))
    for count in (1, 3, 7):
        same(seg, algorithm, count)


@pytest.mark.slow
@pytest.mark.parametrize("algorithm", FAST_ALGORITHMS)
def test_long_text_300_sentences(book: Segmentation, algorithm: str) -> None:
    same(cut(book, 300), algorithm, 5)


@pytest.mark.slow
@pytest.mark.parametrize("algorithm", [a for a in FAST_ALGORITHMS if a != "kl"])
def test_long_text_1000_sentences(book: Segmentation, algorithm: str) -> None:
    # (stock KL takes over four minutes at 1,000 sentences; it is compared at 300)
    same(cut(book, 1000), algorithm, 5)


EDGE_CASES = {
    "one sentence": "Only this sentence stands here.",
    "identical sentences": "The cat sat on the mat. The cat sat on the mat. A dog barked. "
    "The cat sat on the mat. A dog barked loudly at night.",
    "no content words": "It is. So it was. And then it is not. Yes.",
    "numbers only": "1 2 3. 4 5 6. 7 8 9.",
    "repeated and long": (
        "Whales swim far in the cold northern sea. " * 3
        + "Ships follow the whales. The sea is cold. " * 4
        + "Sailors tell stories at night about whales and ships."
    ),
}


@pytest.mark.parametrize("algorithm", FAST_ALGORITHMS)
@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(algorithm: str, case: str) -> None:
    seg = segment(EDGE_CASES[case], detect_title=False)
    for count in range(1, len(seg.sentences) + 1):
        same(seg, algorithm, count)


def _loop_merged_total(edges: np.ndarray, copies: list[int]) -> float:
    """The earlier pure-Python loop: sumy's order, one pair at a time."""
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
    return float(total)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(2, 40).flatmap(
        lambda n: st.tuples(
            st.lists(st.floats(0, 50, allow_nan=False), min_size=n * n, max_size=n * n),
            st.sets(st.integers(0, n - 1), min_size=2),
        )
    )
)
def test_merged_total_adds_in_sumys_order(case: tuple[list[float], set[int]]) -> None:
    from tread.core.summarizers.fast import _merged_total

    values, members = case
    n = math.isqrt(len(values))
    edges = np.array(values).reshape(n, n)
    edges = np.triu(edges, 1) + np.triu(edges, 1).T  # symmetric, zero diagonal
    copies = sorted(members)
    assert repr(_merged_total(edges, copies)) == repr(_loop_merged_total(edges, copies))
