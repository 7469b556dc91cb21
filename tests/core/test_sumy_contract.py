"""What tread relies on in sumy beyond its public API, checked so that a sumy upgrade
fails here, in CI, and not silently in the scores users see.

tread reads each sentence's rating by shadowing sumy's private static method
``AbstractSummarizer._get_best_sentences`` on each summariser instance
(tread.core.summarizers.sumy_adapter.record_scores), and its fast classes override
private methods of sumy's summarisers. Both hold for sumy 0.13, which pyproject.toml
pins (``sumy>=0.13,<0.14``). Moving the pin means reading sumy's changes, then these.
"""

from __future__ import annotations

import inspect
import math
import tomllib
from importlib.metadata import version

import pytest

from tests.conftest import ROOT, SEED
from tread.core.summarizers.registry import ALGORITHMS
from tread.core.summarizers.summarize import summarize
from tread.core.text.segment import segment

PIN = "sumy>=0.13,<0.14"


def test_sumy_is_the_pinned_version() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert PIN in pyproject["project"]["dependencies"]
    installed = tuple(int(part) for part in version("sumy").split(".")[:2])
    assert installed == (0, 13), f"sumy {version('sumy')}: see this module's docstring"


def test_get_best_sentences_is_the_static_method_tread_shadows() -> None:
    from sumy.summarizers._summarizer import AbstractSummarizer

    method = inspect.getattr_static(AbstractSummarizer, "_get_best_sentences")
    assert isinstance(method, staticmethod)
    parameters = inspect.signature(AbstractSummarizer._get_best_sentences).parameters
    assert [(p.name, p.kind) for p in parameters.values()] == [
        ("sentences", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        ("count", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        ("rating", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        ("args", inspect.Parameter.VAR_POSITIONAL),
        ("kwargs", inspect.Parameter.VAR_KEYWORD),
    ]


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "sumy"])
@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_rates_every_sentence_through_it(algorithm: str, fast: bool) -> None:
    """A summariser that stopped calling ``_get_best_sentences`` would leave every score
    unknown (nan): the ranking users see with --explain would be empty."""
    seg = segment(SEED.read_text(encoding="utf-8"))
    summary = summarize(seg, algorithm, 3, fast=fast)
    assert len(summary.ranking) == len(seg.sentences)
    # (the fast greedy classes leave the sentences they never reached unranked)
    ranked = [score for score, rank in summary.ranking if rank is not None]
    assert ranked and not any(math.isnan(score) for score in ranked)
