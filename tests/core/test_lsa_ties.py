"""LSA's ties are broken on purpose: the longer sentence first, then the earlier
(issue 14, item 6). sumy breaks them by rounding noise that follows Python's string
hashing, so its picks change from run to run; tread's do not."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tread.core.summarizers.fast import FastLsa, tie_broken
from tread.core.summarizers.summarize import summarize
from tread.core.text.segment import segment

_CONSONANTS = "bcdfghjklmnpqrtvwxz"  # no vowels, no "s": nothing for a stemmer to cut


def unique_words() -> itertools.chain[str]:
    pairs = itertools.product(_CONSONANTS, repeat=3)
    return itertools.chain(f"k{a}{b}{c}" for a, b, c in pairs)


def tied_text(sentences: int, longer: dict[int, int]) -> str:
    """``sentences`` sentences of four content words each, every word used once in the
    whole text, so every sentence has the same LSA rank; sentence i gets ``longer[i]``
    stop words more."""
    words = unique_words()
    out = []
    for i in range(sentences):
        body = [next(words) for _ in range(4)]
        extra = ["the", "of", "and", "with"][: longer.get(i, 0)]
        out.append(" ".join([body[0].capitalize(), *extra, *body[1:]]) + ".")
    return " ".join(out)


def test_tie_broken_orders_runs_of_near_equal_values_by_words() -> None:
    values = [1.0, 2.0, 2.0 + 1e-14, 2.0 - 1e-14, 0.5]
    words = [9, 3, 4, 5, 9]
    keys = tie_broken(values, words, 1e-9)
    order = sorted(range(5), key=lambda i: keys[i], reverse=True)
    assert order == [3, 2, 1, 0, 4]  # the three near-2 values: by words; then 1.0, 0.5
    assert tie_broken([2.0, 2.0], [4, 4], 1e-9)[0] == tie_broken([2.0, 2.0], [4, 4], 1e-9)[1]


@pytest.mark.parametrize("sentences", [60, FastLsa.SVD_LIMIT + 100])
def test_ties_go_to_the_longer_sentence_then_the_earlier(sentences: int) -> None:
    """Below 500 sentences (sumy's SVD, where the tie shows as rounding noise) and
    above (the closed form, where the tie is exact), alike."""
    seg = segment(tied_text(sentences, {40: 2, 15: 2, 50: 1}), detect_title=False)
    assert len(seg.sentences) == sentences
    summary = summarize(seg, "lsa", 4)
    assert [s.index for s in summary.sentences] == [0, 15, 40, 50]
    assert [s.rank for s in summary.sentences] == [4, 1, 2, 3]
    ranks = [rank for _, rank in summary.ranking]
    assert ranks[:3] == [4, 5, 6]  # then the rest in document order


def test_the_same_picks_whatever_the_hash_seed() -> None:
    script = (
        "import json; from tread.core.text.segment import segment; "
        "from tread.core.summarizers.summarize import summarize; "
        "from tests.core.test_lsa_ties import tied_text; "
        "seg = segment(tied_text(80, {}), detect_title=False); "
        "print(json.dumps([s.index for s in summarize(seg, 'lsa', 5).sentences]))"
    )
    picks = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        picks.add(tuple(json.loads(out.stdout)))
    assert picks == {(0, 1, 2, 3, 4)}
