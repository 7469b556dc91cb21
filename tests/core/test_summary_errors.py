"""Every algorithm either summarises a text or says in one line why not (issue 14,
item 7): a TreadError, never another exception, whatever the text."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sumy.summarizers._summarizer import AbstractSummarizer

from tread.cli import cli
from tread.core.errors import EmptyDocument, SummaryFailed, TreadError
from tread.core.summarizers.registry import ALGORITHMS, Algorithm
from tread.core.summarizers.summarize import summarize
from tread.core.text.segment import segment

#: words and marks that make odd texts: stop words only, numbers only, capitals,
#: repeats, headings, fragments, scripts sumy's word filter drops
ATOMS = [
    "the", "a", "is", "it", "and", "so", "The", "Whale", "whale", "ships", "sea",
    "1", "42", "3.5", ".", "!", "?", ",", "--", "'", '"', "...", "\n", "\n\n",
    "CHAPTER 1.", "# Head", "U.S.", "I", "OK", "é", "ß", "🐋", "\u200b", "北京",
]  # fmt: skip
odd_texts = st.lists(st.sampled_from(ATOMS), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=odd_texts, count=st.integers(1, 4), language=st.sampled_from(["english", "german"]))
def test_every_algorithm_summarises_or_raises_a_tread_error(
    text: str, count: int, language: str
) -> None:
    seg = segment(text, language)
    for name in ALGORITHMS:
        for fast in (True, False):
            try:
                summary = summarize(seg, name, count, fast=fast)
            except TreadError as exc:
                assert "\n" not in str(exc) and str(exc)
                continue
            assert len(summary.sentences) <= count


def test_edmundson_without_content_words_is_one_line() -> None:
    """sumy raises ValueError('Set of bonus words is empty') here: tread says why."""
    seg = segment("It is. So it was. And then it is not.", detect_title=False)
    with pytest.raises(EmptyDocument, match="edmundson has no key words"):
        summarize(seg, "edmundson", 1)
    result = CliRunner().invoke(
        cli, ["summarize", "-a", "edmundson", "-"], input="It is. So it was."
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "edmundson has no key words" in result.stderr
    assert "Traceback" not in result.stderr


class Complaining(AbstractSummarizer):  # type: ignore[misc]
    """Raises as sumy's summarisers do when their inputs do not suit them."""

    error: type[Exception] = ValueError

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        raise self.error("Set of stigma words is empty. Please set attribute 'stigma_words'")


class Dividing(Complaining):
    error = ZeroDivisionError


@pytest.mark.parametrize("cls", [Complaining, Dividing])
def test_a_summarisers_own_error_becomes_one_line(
    cls: type[Complaining], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        ALGORITHMS, "complaining", Algorithm("complaining", "raises", f"{__name__}:{cls.__name__}")
    )
    seg = segment("The whale swam far away. The ship followed it at night.", detect_title=False)
    with pytest.raises(SummaryFailed, match=r"^complaining cannot summarise this text: Set of"):
        summarize(seg, "complaining", 1)
    result = CliRunner().invoke(
        cli, ["summarize", "-a", "complaining", "-"], input="The whale swam far away."
    )
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("tread: <stdin>: complaining cannot summarise this text")
    assert result.stderr.count("\n") == 1
