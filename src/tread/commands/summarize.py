"""`tread summarize`: extractive summaries on stdout, for pipes and scripts."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import click

from tread.commands.batch_io import input_format_option, jobs_option
from tread.commands.options import AlgorithmChoice, inputs_argument, language_option
from tread.commands.progress import quiet_option
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
  tread summarize --input-format jsonl --jobs 2 corpus.jsonl > summaries.jsonl
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
@input_format_option
@jobs_option
@quiet_option
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
    input_format: str,
    jobs: int,
    quiet: bool,
) -> None:
    """Print an extractive summary of each FILE (or of standard input).

    FILE may be plain text or Markdown (.md); '-' or no FILE with text piped in reads
    standard input. Plain output is one summary sentence per line in document order;
    JSON gives each sentence's index, character offsets, score and rank.

    With --input-format jsonl each FILE is a corpus, one article a line; the output is
    one JSON line per article, in input order, with "error" for one that failed (the
    others go on). --jobs spreads articles or FILEs over processes.
    """
    if sum(x is not None for x in (sentences, ratio, length)) > 1:
        raise click.UsageError("use only one of -n/--sentences, -r/--ratio and --length")
    if length is not None:
        sentences, ratio = _parse_length(length)
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: name a FILE, or pipe text in and use '-'")
        inputs = ("-",)

    if input_format == "jsonl":
        if explain:
            raise click.UsageError("--explain is not available with --input-format jsonl")
        from tread.batch import Task
        from tread.commands.batch_io import run_jsonl

        task = Task("summarize", algorithm.lower(), sentences, ratio, language)
        failures = run_jsonl(inputs, task, jobs=jobs, quiet=quiet)
    else:
        failures = run_summaries(
            inputs,
            algorithm=algorithm.lower(),
            count=sentences,
            ratio=ratio,
            language=language,
            fmt=fmt,
            explain=explain,
            jobs=jobs,
            quiet=quiet,
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
    jobs: int = 1,
    quiet: bool = True,
) -> int:
    """Summarise each input and print it; report each failure in one line.

    Returns the number of inputs that failed: the others are still summarised.
    """
    from tread.commands.console import error, notice
    from tread.commands.progress import Bar, wanted
    from tread.commands.summarize_output import print_summary
    from tread.core.config import load_config

    fallback = load_config()[0].language
    failures = 0
    printed = 0
    options = (algorithm, count, ratio, language, fallback)
    several = len(inputs) > 1
    total = len(inputs) if several else 1.0
    with Bar(wanted(quiet), "summarising", total, counts=several) as bar:
        if several:
            results = _in_order(inputs, options, jobs)
        else:
            staged = _Staged(bar)
            results = iter([summarize_input(inputs[0], options, staged.report, warm=True)])
        for done, (name, outcome) in enumerate(results, 1):
            if several:
                bar.update(done, description=f"summarising ({done:,} of {len(inputs):,})")
            if isinstance(outcome, str):
                error(f"{name}: {outcome}")
                failures += 1
                continue
            article, seg, summary = outcome
            if seg.language_note:  # after the work: a failure is one line, not this too
                notice(f"{name}: {seg.language_note}")
            print_summary(
                name,
                article,
                seg,
                summary,
                fmt=fmt,
                explain=explain,
                several=several,
                first=not printed,
            )
            printed += 1
    return failures


#: algorithm, sentences, ratio, language (or "auto"), the language to fall back to
Options = tuple[str, int | None, float | None, str, str]


def summarize_input(
    path: str, options: Options, progress: Any = None, *, warm: bool = False
) -> tuple[str, tuple[Any, Any, Any] | str]:
    """(name, (article, segmentation, summary)) for one input, or (name, the error).
    ``warm``: the first summary of this process, whose imports the language detection
    overlaps (it runs in a forked child meanwhile: core/text/choosing.py)."""
    from tread.core.errors import TreadError
    from tread.core.sources import STDIN_NAME, load
    from tread.core.stages import summarize_article
    from tread.core.text.choosing import start_choosing

    algorithm, count, ratio, language, fallback = options
    name = STDIN_NAME if path == "-" else path
    try:
        article = load(path)
        pending = start_choosing(article.text, language, fallback)
        if warm:
            _import_summariser(algorithm)
        # segmentation stops at the sentence limit: a million one-word sentences
        # are refused in seconds, not after minutes of work
        seg, summary = summarize_article(
            article, pending.result(), algorithm, count=count, ratio=ratio, progress=progress
        )
    except TreadError as exc:
        return name, str(exc)
    return name, (article, seg, summary)


def _summarize_many(paths: list[str], options: Options) -> list[Any]:
    return [summarize_input(p, options) for p in paths]


def _in_order(inputs: tuple[str, ...], options: Options, jobs: int) -> Iterator[Any]:
    if jobs <= 1 or "-" in inputs:
        for path in inputs:
            yield summarize_input(path, options)
        return
    from tread.batch import ordered_map

    yield from ordered_map(_summarize_many, list(inputs), jobs, options)


class _Staged:
    """One input's stages as one bar: segmenting is the first half, summarising the rest."""

    def __init__(self, bar: Any) -> None:
        self._bar = bar

    def report(self, stage: str, fraction: float) -> None:
        from tread.core.stages import STAGES

        share = 1 / len(STAGES)
        self._bar.update(STAGES.index(stage) * share + fraction * share, description=stage)


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
