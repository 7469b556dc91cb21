"""`tread summarize`: extractive summaries on stdout, for pipes and scripts."""

from __future__ import annotations

import sys

import click

from tread.commands.options import AlgorithmChoice, inputs_argument, language_option
from tread.core.summarizers.kind import LONG_SENTENCES
from tread.core.summarizers.registry import DEFAULT_ALGORITHM, DEFAULT_SENTENCES

EPILOG = """\b
Examples:
  tread summarize article.txt                # auto: tread for news, luhn for a book
  tread summarize -a text-rank -n 3 a.txt b.md
  curl -s https://example.org/story.txt | tread summarize -
  tread summarize --ratio 0.2 --format json notes.md | jq '.summary[].text'
  tread summarize --length 20% --format markdown report.txt > summary.md
  tread summarize --explain article.txt     # why each sentence was (not) chosen
"""


def _parse_length(value: str) -> tuple[int | None, float | None]:
    """'20%' -> ratio 0.2; '7' -> 7 sentences."""
    value = value.strip()
    try:
        if value.endswith("%"):
            pct = float(value[:-1])
            if not 0 < pct <= 100:
                raise ValueError
            return None, pct / 100
        n = int(value)
        if n < 1:
            raise ValueError
        return n, None
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is neither a sentence count nor a percentage such as 20%",
            param_hint="'--length'",
        ) from None


def _finite_ratio(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    """click's FloatRange lets NaN through (every comparison with it is false)."""
    if value is not None and not 0 < value <= 1:
        raise click.BadParameter(f"{value} is not in the range 0<x<=1.", ctx, param)
    return value


@click.command(epilog=EPILOG)
@inputs_argument
@click.option(
    "-a",
    "--algorithm",
    type=AlgorithmChoice(),
    default=DEFAULT_ALGORITHM,
    show_default=True,
    help="Summarisation algorithm (sumy's names); auto picks one by the kind of text.",
)
@click.option(
    "-n",
    "--sentences",
    type=click.IntRange(min=1),
    default=None,
    help=f"Number of summary sentences.  [default: {DEFAULT_SENTENCES}; auto: "
    f"{LONG_SENTENCES} for a long text]",
)
@click.option(
    "-r",
    "--ratio",
    type=click.FloatRange(0, 1, min_open=True),
    default=None,
    callback=_finite_ratio,
    help="Share of the document's sentences, e.g. 0.2.",
)
@click.option(
    "--length",
    "length",
    default=None,
    metavar="N|P%",
    help="sumy-style length: a count (7) or a percentage (20%).",
)
@language_option
@click.option(
    "--explain",
    is_flag=True,
    help="Also say what auto chose and why, and give every sentence's score and rank "
    "(and, for tread, what each feature added).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["plain", "json", "markdown"]),
    default="plain",
    show_default=True,
    help="Output format.",
)
@click.pass_context
def summarize(
    ctx: click.Context,
    inputs: tuple[str, ...],
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    length: str | None,
    language: str,
    explain: bool,
    fmt: str,
) -> None:
    """Print an extractive summary of each FILE (or of standard input).

    FILE may be plain text or Markdown (.md); '-' or no FILE with text piped in reads
    standard input. Plain output is one summary sentence per line in document order;
    JSON gives each sentence's index, character offsets, score and rank.
    """
    if sum(x is not None for x in (sentences, ratio, length)) > 1:
        raise click.UsageError("use only one of -n/--sentences, -r/--ratio and --length")
    if length is not None:
        sentences, ratio = _parse_length(length)
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: name a FILE, or pipe text in and use '-'")
        inputs = ("-",)

    failures = run_summaries(
        inputs,
        algorithm=algorithm.lower(),
        count=sentences,
        ratio=ratio,
        language=language,
        fmt=fmt,
        explain=explain,
    )
    if failures:
        ctx.exit(1)


def run_summaries(
    inputs: tuple[str, ...],
    *,
    algorithm: str,
    count: int | None,
    ratio: float | None,
    language: str,
    fmt: str,
    explain: bool = False,
) -> int:
    """Summarise each input and print it; report each failure in one line.

    Returns the number of inputs that failed: the others are still summarised.
    """
    from tread.commands.console import error, notice
    from tread.commands.summarize_output import print_summary
    from tread.core.config import load_config
    from tread.core.errors import TreadError
    from tread.core.sources import STDIN_NAME, load
    from tread.core.summarizers.summarize import sentence_count_for, summarize
    from tread.core.text.choosing import start_choosing
    from tread.core.text.segment import segment_article

    fallback = load_config()[0].language
    failures = 0
    printed = 0
    for path in inputs:
        name = STDIN_NAME if path == "-" else path
        try:
            article = load(path)
            # the language is detected in a forked child while the summariser's imports
            # run here (core/text/choosing.py)
            pending = start_choosing(article.text, language, fallback)
            if not printed and not failures:
                _import_summariser(algorithm)
            choice = pending.result()
            # segmentation stops at the sentence limit: a million one-word sentences
            # are refused in seconds, not after minutes of work
            seg = segment_article(article, choice)
            if not seg.sentences:
                raise TreadError("no sentences to summarise")
            n = None  # the algorithm's default (auto's depends on the text)
            if count is not None or ratio is not None:
                n = sentence_count_for(len(seg.sentences), count=count, ratio=ratio)
            summary = summarize(seg, algorithm, n)
        except TreadError as exc:
            error(f"{name}: {exc}")  # one line: not the language's note as well
            failures += 1
            continue
        if choice.note:
            notice(f"{name}: {choice.note}")
        print_summary(
            name,
            article,
            seg,
            summary,
            fmt=fmt,
            explain=explain,
            several=len(inputs) > 1,
            first=not printed,
        )
        printed += 1
    return failures


def _import_summariser(algorithm: str) -> None:
    """Import what the first summary needs (NLTK, Punkt, sumy, NumPy)."""
    import contextlib

    from tread.core.errors import UnknownAlgorithm
    from tread.core.summarizers.registry import get_algorithm
    from tread.core.text._nltk import import_nltk

    import_nltk()
    import punkt  # noqa: F401
    from sumy.nlp.stemmers import Stemmer  # noqa: F401
    from sumy.nlp.tokenizers import Tokenizer  # noqa: F401

    with contextlib.suppress(UnknownAlgorithm):  # refused, with its message, later
        chosen = get_algorithm(algorithm)
        if chosen.summarizer:  # auto has none: it picks one by the text, later
            chosen.load()
