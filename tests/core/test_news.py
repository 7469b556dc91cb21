from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest
from sumy.summarizers._summarizer import AbstractSummarizer

from tests.conftest import SAMPLE_FILES
from tread.core.news import FEATURES, TreadSummarizer, default_model, select
from tread.core.segment import segment
from tread.core.summarize import summarize

FILLER = "The weather was mild on Tuesday. Birds sang in the park. Traffic was light. "
TOPIC = ("The city council approved a new budget for public transport. "
         "The transport budget adds twelve new bus lines. "
         "Council members said the bus lines will serve the northern districts. "
         "Critics of the council said the budget ignores cyclists. "
         "The mayor defended the transport budget at a press conference. "
         "Bus fares will stay the same under the new budget.")


def test_is_a_sumy_summarizer_with_a_shipped_model() -> None:
    assert issubclass(TreadSummarizer, AbstractSummarizer)
    raw = json.loads(resources.files("tread.core.data").joinpath("news_model.json").read_text())
    assert tuple(raw["features"]) == FEATURES
    assert len(raw["coef"]) == len(FEATURES)
    assert raw["cross_validated"]["rouge2"] > raw["cross_validated"]["lead3_rouge2"]


def test_picks_the_topic_not_an_off_topic_lead() -> None:
    seg = segment(FILLER + TOPIC, detect_title=False)
    picked = [s.index for s in summarize(seg, "tread", 3).sentences]
    assert all(i >= 3 for i in picked), picked


def _shuffled_picks_centrality(algorithm: str) -> float:
    """Mean centrality rank (1 = most central) of the sentences ``algorithm`` picks
    from the sample articles with their sentences shuffled."""
    import random

    from tread.core.news import sentence_features
    from tread.core.summarize import _stemmer, _stop_words, build_document

    column = FEATURES.index("centroid_rank")
    values = []
    for seed, path in enumerate(SAMPLE_FILES):
        seg = segment(path.read_text(encoding="utf-8"), detect_title=False)
        pieces = [seg.sentence_text(s) for s in seg.sentences]
        random.Random(seed).shuffle(pieces)
        shuffled = segment(" ".join(pieces), detect_title=False)
        _, ordered = build_document(shuffled)
        x = sentence_features(ordered, [], _stemmer("english"),
                              frozenset(_stop_words("english")))
        values += [x[s.index, column] for s in summarize(shuffled, algorithm, 3).sentences]
    return float(np.mean(values))


def test_not_lead_in_disguise_on_shuffled_text() -> None:
    """With the sentences shuffled, position says nothing: lead's picks are as central
    as chance; tread's stay central."""
    tread, lead = _shuffled_picks_centrality("tread"), _shuffled_picks_centrality("lead")
    assert lead < 0.6
    assert tread >= 0.7 and tread - lead >= 0.2


def test_contributions_add_up_to_the_score() -> None:
    seg = segment(SAMPLE_FILES[0].read_text(encoding="utf-8"))
    summary = summarize(seg, "tread", 3)
    assert summary.contributions is not None
    intercept = default_model().intercept
    for (score, _), parts in zip(summary.ranking, summary.contributions, strict=True):
        assert score == pytest.approx(sum(parts.values()) + intercept)


def test_select_blocks_repeated_trigrams_when_asked() -> None:
    words = [["a", "b", "c", "d"], ["a", "b", "c", "e"], ["x", "y", "z"]]
    chosen, blocked = select(np.array([3.0, 2.0, 1.0]), words, 2, blocking=True)
    assert chosen == [0, 2] and blocked == {1: 0}
    chosen, _ = select(np.array([3.0, 2.0, 1.0]), words, 2, blocking=False)
    assert chosen == [0, 1]


def test_short_documents() -> None:
    one = segment("Only one sentence here.")
    assert [s.index for s in summarize(one, "tread", 3).sentences] == [0]
