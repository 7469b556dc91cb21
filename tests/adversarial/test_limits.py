"""Summarising limits hold: each is checked before the work it bounds, and refused in one
line naming the limit, the measured value, the variable and what can take the input.

No timing here: the costs are measured by benchmarks/limits.py. These tests check that
the expensive step is never reached, and count memory with tracemalloc where the fix is
about memory.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tread.cli import cli
from tread.core.envvars import BadSetting
from tread.core.errors import InputTooLarge
from tread.core.summarizers import summarize as summarize_module
from tread.core.summarizers.registry import ALGORITHMS, Algorithm
from tread.core.summarizers.summarize import summarize
from tread.core.text.segment import get_tokenizer, segment


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def never(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("the expensive step ran")


# --- sentences, for every algorithm ---------------------------------------------------


def test_too_many_sentences_refused_while_segmenting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TREAD_MAX_SENTENCES", "1000")
    path = tmp_path / "go.txt"
    path.write_text("Go. " * 20_000)
    yielded = 0
    spans = type(get_tokenizer("english")).iter_sentence_spans

    def counting(self: Any, text: str) -> Iterator[tuple[int, int]]:
        nonlocal yielded
        for span in spans(self, text):
            yielded += 1
            yield span

    monkeypatch.setattr(type(get_tokenizer("english")), "iter_sentence_spans", counting)
    monkeypatch.setattr(summarize_module, "summarize", never)
    code, out, err = run("summarize", str(path))
    assert code == 1 and out == ""
    assert (
        "more than 1,000 sentences: over the 1,000-sentence limit of every algorithm "
        "(TREAD_MAX_SENTENCES raises it)" in one_line(err)
    )
    assert yielded == 1_001  # it stopped at the first sentence over the limit


def test_sentence_limit_in_the_core_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_MAX_SENTENCES", "10")
    seg = segment("Go. " * 11)
    monkeypatch.setattr(summarize_module, "build_document", never)
    with pytest.raises(InputTooLarge, match="11 sentences: over the 10-sentence limit"):
        summarize(seg, "luhn", 1)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .!?;\"')]([\n", max_size=80))
def test_streamed_sentences_equal_punkts_own(text: str) -> None:
    """The one-span-ahead realignment gives exactly punkt's spans."""
    from tread.core.text.segment import _GREEK_SPLIT, _split_span

    for language in ("english", "greek"):
        tokenizer = get_tokenizer(language)
        expected = list(tokenizer._sentences.span_tokenize(text))
        if language == "greek":
            expected = [p for span in expected for p in _split_span(text, span, _GREEK_SPLIT)]
        assert list(tokenizer.iter_sentence_spans(text)) == expected


# --- characters a sentence ---------------------------------------------------------------


def test_a_line_without_spaces_is_cut_into_pieces(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("a" * 60_000)
    seg = segment(path.read_text())
    assert [s.end - s.start for s in seg.sentences] == [5_000] * 12
    code, out, err = run("summarize", str(path))
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) == 5_000


def test_long_runs_are_cut_at_whitespace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_MAX_SENTENCE_CHARS", "30")
    text = "one two three four five six seven eight nine ten eleven twelve thirteen"
    seg = segment(text)
    pieces = [seg.sentence_text(s) for s in seg.sentences]
    assert all(len(p) <= 30 for p in pieces)
    assert " ".join(pieces) == text  # cut only at spaces, nothing lost


def test_short_sentences_are_untouched() -> None:
    text = "A normal sentence. Another one, a little longer than the first one is."
    assert [(s.start, s.end) for s in segment(text).sentences] == [(0, 18), (19, len(text))]


@pytest.mark.parametrize("value", ["nan", "-1", "0", "1e400", "inf", "1.5", "lots"])
def test_bad_limit_values_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One sentence here. Another one there.")
    for name, algorithm in (
        ("TREAD_MAX_SENTENCES", "tread"),
        ("TREAD_MAX_SENTENCE_CHARS", "luhn"),
        ("TREAD_MAX_GRAPH_SENTENCES", "lex-rank"),
        ("TREAD_MAX_GREEDY_COMPARISONS", "kl"),
    ):
        monkeypatch.setenv(name, value)
        code, _, err = run("summarize", "-a", algorithm, str(path))
        assert code == 1 and f"{name}={value!r} is not usable" in one_line(err)
        monkeypatch.delenv(name)


# --- graph algorithms -------------------------------------------------------------------


def test_graph_refusal_names_the_algorithms_that_can_take_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TREAD_MAX_GRAPH_SENTENCES", "20")
    monkeypatch.setattr(summarize_module, "build_document", never)
    seg = segment(" ".join(f"Sentence number {i} is here." for i in range(21)))
    able = [n for n, a in ALGORITHMS.items() if a.cost != "graph" and a.chooser is None]
    with pytest.raises(InputTooLarge) as info:
        summarize(seg, "text-rank", 3)
    assert str(info.value) == (
        "21 sentences is over the 20-sentence limit of text-rank (it compares every pair; "
        f"TREAD_MAX_GRAPH_SENTENCES raises it); use one of {', '.join(able)}"
    )


def test_graph_refusal_follows_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_MAX_GRAPH_SENTENCES", "2")
    extra = Algorithm("new-one", "x", "tread.core.summarizers.lead:LeadSummarizer")
    monkeypatch.setitem(ALGORITHMS, "new-one", extra)
    with pytest.raises(InputTooLarge, match=r"use one of .*\bnew-one\b"):
        summarize(segment("One is here. Two is here. Three is here."), "lex-rank", 1)


def word(k: int) -> str:
    """A distinct made-up word for each k, letters only (sumy keeps it)."""
    letters = "bcdfghjklmnpqrstvwz"
    out = ""
    while True:
        k, r = divmod(k, len(letters))
        out += letters[r] + "aeiou"[r % 5]
        if not k:
            return out + "x"


@pytest.mark.parametrize("algorithm", ["lex-rank", "text-rank", "reduction"])
def test_graph_algorithms_hold_one_n_by_n_matrix(
    algorithm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Peak memory of the summariser itself stays under twice one n x n float matrix
    (lex-rank made five: similarities, the outer product of norms, copies per step;
    text-rank and reduction a nearly dense sparse product beside it)."""
    from tread.core.summarizers import fast

    monkeypatch.setattr(fast, "_BLOCK", 64, raising=False)  # small blocks at this size
    n = 1_200
    vocabulary = [word(k) for k in range(300)]  # 40 words of 300: most pairs overlap
    text = " ".join(
        " ".join(vocabulary[(i * 7 + k * 13) % 300] for k in range(40)).capitalize() + "."
        for i in range(n)
    )
    seg = segment(text)
    assert len(seg.sentences) == n
    summarize(seg, algorithm, 3)  # warm the tokenizer and the imports
    tracemalloc.start()
    try:
        summarize(seg, algorithm, 3)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * n * n * 8


# --- LSA --------------------------------------------------------------------------------


def test_lsa_on_unique_words_never_builds_the_dense_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    """200 sentences of 60 words each used once: 12,000 x 200 cells, past SVD_CELLS.
    The closed form ranks them without the matrix or the SVD."""
    from tread.core.summarizers import fast

    text = " ".join(
        " ".join(word(i * 60 + j) for j in range(60)).capitalize() + "." for i in range(200)
    )
    seg = segment(text)
    assert len(seg.sentences) == 200
    monkeypatch.setattr(fast.FastLsa, "_count_matrix", never)
    monkeypatch.setattr(fast.np.linalg, "svd", never)
    summary = summarize(seg, "lsa", 3)
    assert len(summary.sentences) == 3


# --- greedy algorithms ------------------------------------------------------------------


def test_greedy_limit_counts_the_summary_length(monkeypatch: pytest.MonkeyPatch) -> None:
    from tread.core.summarizers import fast_greedy

    monkeypatch.setenv("TREAD_MAX_GREEDY_COMPARISONS", "1000")
    monkeypatch.setattr(fast_greedy.FastKL, "_compute_ratings", never)
    monkeypatch.setattr(fast_greedy.FastSumBasic, "_compute_ratings", never)
    seg = segment(" ".join(f"Sentence number {i} is here today." for i in range(100)))
    with pytest.raises(InputTooLarge) as info:
        summarize(seg, "kl", 10)
    assert str(info.value).startswith(
        "a 10-sentence summary of 100 sentences takes kl 5,500 sentence comparisons, over "
        "its limit of 1,000 (TREAD_MAX_GREEDY_COMPARISONS raises it; ask for at most 4); "
        "use one of luhn, edmundson, lsa, lex-rank, text-rank, sum-basic, reduction, "
        "random, lead, tread"
    )
    with pytest.raises(InputTooLarge, match=r"sum-basic 1,100 .*ask for at most 10\)"):
        summarize(seg, "sum-basic", 11)


def test_greedy_limit_lets_short_summaries_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_MAX_GREEDY_COMPARISONS", "1000")
    seg = segment(" ".join(f"Sentence number {i} is here today." for i in range(100)))
    assert len(summarize(seg, "kl", 4).sentences) == 4  # 100 x 4 x 5 / 2 = 1,000
    assert len(summarize(seg, "sum-basic", 10).sentences) == 10  # 100 x 10 = 1,000


@pytest.mark.parametrize("algorithm", ["kl", "sum-basic"])
def test_repeated_sentences_cannot_run_the_greedy_loop_past_its_budget(
    monkeypatch: pytest.MonkeyPatch, algorithm: str
) -> None:
    """A short summary passes the check, but copies of a chosen sentence keep the loop
    going until each is placed: 'Go home now.' x 200000 ran kl for over five minutes.
    The loop counts its comparisons and stops at the limit."""
    monkeypatch.setenv("TREAD_MAX_GREEDY_COMPARISONS", "2000")
    seg = segment("Go home now. " * 100)
    with pytest.raises(InputTooLarge) as info:
        summarize(seg, algorithm, 3)
    message = str(info.value)
    assert message.startswith(f"{algorithm} passed its limit of 2,000 sentence comparisons after ")
    assert "for a 3-sentence summary of 100 sentences: repeated sentences" in message
    assert message.endswith(
        "use one of luhn, edmundson, lsa, lex-rank, text-rank, reduction, random, lead, tread"
    )


def test_edmundson_without_key_words_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "go.txt"
    path.write_text("Go. Go. Go.")
    code, out, err = run("summarize", "-a", "edmundson", str(path))
    assert code == 1 and out == ""
    assert "edmundson has no key words to weigh sentences by" in one_line(err)


def test_bad_setting_is_a_tread_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_MAX_GRAPH_SENTENCES", "nan")
    with pytest.raises(BadSetting):
        summarize(segment("One here. Two here."), "lex-rank", 1)


# --- the summary length -----------------------------------------------------------------


@pytest.mark.parametrize("ratio", ["nan", "-nan", "inf", "-0.5", "1.5", "0", "1e400"])
def test_ratio_out_of_range_is_a_usage_error(tmp_path: Path, ratio: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One sentence here. Another one there.")
    code, out, err = run("summarize", "--ratio", ratio, str(path))
    assert code == 2 and out == ""
    assert "'--ratio'" in one_line(err) and "is not in the range 0<x<=1" in err


def test_the_input_size_message_names_the_linear_algorithms_from_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tread.core.summarizers.registry import linear_algorithms

    monkeypatch.setenv("TREAD_MAX_INPUT_MB", "0.001")
    big = tmp_path / "big.txt"
    big.write_text("A sentence of plain words here. " * 100, encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", str(big)])
    assert result.exit_code == 1
    assert ", ".join(linear_algorithms()) + " summarise texts up to it" in result.output
    assert "tread" in linear_algorithms() and "lex-rank" not in linear_algorithms()


async def test_the_reader_refuses_a_text_over_the_sentence_limit_while_segmenting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader segments through the same limit as the CLI: the error shows in place
    (it used to segment every sentence first, about 20 s for a million)."""
    from tests.ui.conftest import settle
    from tread.ui.app import Tread
    from tread.ui.widgets.article_view import ArticleView

    monkeypatch.setenv("TREAD_MAX_SENTENCES", "50")
    many = tmp_path / "many.txt"
    many.write_text("Short sentence here. " * 60, encoding="utf-8")
    app = Tread([str(many)])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "50-sentence limit" in errors[0]
        assert app.query_one(ArticleView).line_count > 1  # the text is still there to read
