"""Summaries that stop when asked: from inside summarize(), for every algorithm, and
the same summaries when nobody asks. No timing here: the flag says yes after a given
number of questions (benchmarks/cancel_latency.py measures the latency on a book)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tread.core.article import Article, Segmentation
from tread.core.cancel import Checkpoint
from tread.core.errors import Cancelled
from tread.core.summarizers.fast_greedy import FastKL, FastSumBasic
from tread.core.summarizers.registry import ALGORITHMS
from tread.core.summarizers.summarize import summarize
from tread.core.summarizers.sumy_adapter import build_document, stop_words
from tread.core.text.segment import segment_article
from tread.core.text.stemmers import stemmer

MOBY = Path(__file__).resolve().parents[1] / "data" / "moby-dick-excerpt.txt"


class Flag:
    """A ``cancelled()`` that says yes from its ``after``-th call on (never: None)."""

    def __init__(self, after: int | None = None) -> None:
        self.after = after
        self.calls = 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.after is not None and self.calls >= self.after


@pytest.fixture(scope="module")
def seg() -> Segmentation:
    return segment_article(Article(MOBY.read_text(encoding="utf-8"), "moby"), "english")


def picks(summary: object) -> object:
    """What a summary decided, nan-safe (nan != nan): picks, scores, ranks, notes."""
    from dataclasses import astuple

    return repr(astuple(summary))  # type: ignore[call-overload]


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_a_flag_never_raised_changes_nothing_and_one_raised_midway_stops_it(
    seg: Segmentation, algorithm: str
) -> None:
    random.seed(7)  # the same draws for the random summariser
    plain = summarize(seg, algorithm, 5)
    quiet = Flag()
    random.seed(7)
    assert picks(summarize(seg, algorithm, 5, cancelled=quiet)) == picks(plain)
    assert quiet.calls > len(seg.sentences) // 2  # asked all along, not once or twice
    midway = Flag(after=quiet.calls // 2)
    with pytest.raises(Cancelled):
        summarize(seg, algorithm, 5, cancelled=midway)
    assert midway.calls == quiet.calls // 2  # stopped at the first yes


def test_auto_passes_the_flag_to_the_algorithm_it_chose(seg: Segmentation) -> None:
    quiet = Flag()
    summarize(seg, "auto", 5, cancelled=quiet)
    chosen = summarize(seg, "auto", 5).choice
    assert chosen is not None
    alone = Flag()
    summarize(seg, chosen.algorithm, chosen.count, cancelled=alone)
    assert quiet.calls == alone.calls + 1  # auto's own check, then the chosen one's


@pytest.mark.parametrize("cls", [FastKL, FastSumBasic])
def test_greedy_rounds_are_checked(seg: Segmentation, cls: type) -> None:
    """A round of KL rates every sentence again (a second on a book), and sumy's code
    in it calls no hook of tread's: the loop checks for itself."""
    document, _ = build_document(seg)
    summarizer = cls(stemmer("english"))
    summarizer.stop_words = stop_words("english")
    sentences = document.sentences
    counted = Flag()
    summarizer.checkpoint = Checkpoint(counted)
    summarizer(document, 5)
    # one check per sentence before the rounds; one past that is inside a round
    assert counted.calls > len(sentences) + 1
    summarizer.checkpoint = Checkpoint(Flag(after=len(sentences) + 2))
    with pytest.raises(Cancelled):
        summarizer(document, 5)


def test_checkpoint_asks_every_nth_call() -> None:
    flag = Flag(after=2)
    check = Checkpoint(flag).every(3)
    check()
    check()
    assert flag.calls == 0
    check()  # the third: asked, no
    assert flag.calls == 1
    check()
    check()
    with pytest.raises(Cancelled):
        check()  # the sixth: asked again, yes
    assert flag.calls == 2
