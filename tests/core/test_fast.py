"""tread's fast summarisers pick exactly what sumy's own classes pick."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_FILES
from tread.core.article import Segmentation
from tread.core.fast import FAST
from tread.core.segment import segment
from tread.core.summarize import ALGORITHMS, summarize

FAST_ALGORITHMS = [name for name, a in ALGORITHMS.items() if a.class_name in FAST]
LONG_TEXT = ROOT.parent / "shared" / "sample_articles" / "long" / "moby-dick.txt"


def same(seg: Segmentation, algorithm: str, count: int) -> None:
    fast = summarize(seg, algorithm, count)
    stock = summarize(seg, algorithm, count, fast=False)
    assert [s.index for s in fast.sentences] == [s.index for s in stock.sentences]
    assert [s.rank for s in fast.sentences] == [s.rank for s in stock.sentences]
    if algorithm != "lsa":  # LSA's closed form equals sumy's SVD up to rounding
        # sumy's LexRank gives NaN when no sentence has a content word: so does tread
        assert [repr(s.score) for s in fast.sentences] == [repr(s.score) for s in stock.sentences]


@pytest.fixture(scope="module")
def book() -> Segmentation:
    assert LONG_TEXT.exists(), f"the long benchmark text is expected at {LONG_TEXT}"
    return segment(LONG_TEXT.read_text(encoding="utf-8"))


def cut(book: Segmentation, n: int) -> Segmentation:
    return segment(book.text[: book.sentences[n - 1].end])


def test_every_fast_class_subclasses_sumy() -> None:
    import importlib

    for name, cls in FAST.items():
        algo = next(a for a in ALGORITHMS.values() if a.class_name == name)
        assert issubclass(cls, getattr(importlib.import_module(algo.module), name))
    assert set(FAST_ALGORITHMS) == {"lex-rank", "text-rank", "reduction", "sum-basic", "kl",
                                    "lsa", "luhn"}


@pytest.mark.parametrize("algorithm", FAST_ALGORITHMS)
@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: Path(p).stem)
def test_sample_articles(algorithm: str, path: Path) -> None:
    seg = segment(path.read_text(encoding="utf-8"))
    for count in (1, 3, 7):
        same(seg, algorithm, count)


@pytest.mark.parametrize("algorithm", FAST_ALGORITHMS)
def test_long_text_300_sentences(book: Segmentation, algorithm: str) -> None:
    same(cut(book, 300), algorithm, 5)


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
    "repeated and long": ("Whales swim far in the cold northern sea. " * 3
                          + "Ships follow the whales. The sea is cold. " * 4
                          + "Sailors tell stories at night about whales and ships."),
}


@pytest.mark.parametrize("algorithm", FAST_ALGORITHMS)
@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(algorithm: str, case: str) -> None:
    seg = segment(EDGE_CASES[case], detect_title=False)
    for count in range(1, len(seg.sentences) + 1):
        same(seg, algorithm, count)
