"""`tread eval`: ROUGE of every algorithm against reference summaries."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import click

from tread.commands.console import use_color
from tread.commands.progress import quiet_option

EPILOG = """\b
Examples:
  tread eval ../shared/eval/dev.jsonl
  tread eval dev.jsonl -a lead,lex-rank,tread -n 3 --jobs 2
  tread eval dev.jsonl --reference-length --format markdown > report.md
"""
LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeL": "R-L", "rougeLsum": "R-Lsum"}


@click.command(name="eval", epilog=EPILOG)
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option(
    "-a",
    "--algorithms",
    default="all",
    show_default=True,
    help="Comma-separated algorithm names, or 'all' (every one, lead included).",
)
@click.option(
    "-n",
    "--sentences",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Summary length in sentences.",
)
@click.option(
    "--reference-length",
    is_flag=True,
    help="Use as many sentences as each reference summary has (overrides -n).",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes.",
)
@click.option(
    "--shuffle",
    is_flag=True,
    help="Shuffle each article's sentences first: shows what relies on position.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
)
@quiet_option
def evaluate(
    dataset: Path,
    algorithms: str,
    sentences: int,
    reference_length: bool,
    limit: int | None,
    jobs: int,
    shuffle: bool,
    fmt: str,
    quiet: bool,
) -> None:
    """Score every algorithm's summaries against reference summaries.

    DATASET is JSON Lines, one article a line: "text" and "summary_sentences" (or
    "summary"). Prints ROUGE-1, ROUGE-2 and ROUGE-L(sum) F1 x 100 (rouge-score, with
    stemming) with 95% bootstrap confidence intervals, and the time per article.
    A bad line is reported and skipped; the exit code is then 1.
    """
    from tread.core.errors import TreadError
    from tread.core.evaluation import evaluate as run
    from tread.core.evaluation import load_dataset, shuffled
    from tread.core.summarizers.registry import ALGORITHMS

    names = (
        list(ALGORITHMS)
        if algorithms == "all"
        else [a.strip().lower() for a in algorithms.split(",") if a.strip()]
    )
    unknown = [a for a in names if a not in ALGORITHMS]
    if unknown:
        raise click.BadParameter(
            f"unknown algorithm(s): {', '.join(unknown)}; choose from " + ", ".join(ALGORITHMS),
            param_hint="'--algorithms'",
        )
    try:
        data = load_dataset(dataset, limit)
    except TreadError as exc:
        raise click.ClickException(f"{dataset}: {exc}") from None
    _report_skipped(dataset, data.skipped)
    articles = data.articles
    if shuffle:
        articles = shuffled(articles)
    count = None if reference_length else sentences
    results = _run_with_progress(run, articles, names, count, jobs, quiet)
    length = "reference length" if count is None else f"{count} sentences"
    from tread.core.text.sanitize import one_line_safe

    order = ", sentences shuffled" if shuffle else ""
    title = (
        f"{one_line_safe(dataset.name)}: {len(articles)} articles{order}, {length}, "
        "ROUGE F1 x 100 (95% CI)"
    )
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "dataset": str(dataset),
                    "articles": len(articles),
                    "sentences": count,
                    "results": [_record(r) for r in results],
                },
                indent=2,
            )
        )
    elif fmt == "markdown":
        click.echo(_markdown(title, results))
    else:
        _table(title, results)
    if data.skipped:  # the report is for the good records; the run still failed
        click.get_current_context().exit(1)


#: bad records reported one by one; past this many, a count
SHOWN_SKIPS = 5


def _report_skipped(dataset: Path, skipped: list[str]) -> None:
    from tread.commands.console import error

    for problem in skipped[:SHOWN_SKIPS]:
        error(f"{dataset}: {problem}; skipped")
    if len(skipped) > SHOWN_SKIPS:
        error(
            f"{dataset}: {len(skipped) - SHOWN_SKIPS:,} more bad lines skipped "
            f"({len(skipped):,} in all)"
        )


def _run_with_progress(
    run: Any, articles: Any, names: list[str], count: int | None, jobs: int, quiet: bool
) -> Any:
    from tread.commands.progress import Bar, wanted

    with Bar(wanted(quiet), "evaluating", len(articles)) as bar:
        return run(articles, names, count, jobs=jobs, progress=bar.advance)


def _record(r) -> dict[str, object]:  # type: ignore[no-untyped-def]
    def num(x: float) -> float | None:
        return None if math.isnan(x) else round(x, 3)

    out: dict[str, object] = {
        "algorithm": r.algorithm,
        "failures": r.failures,
        "ms_per_article": num(r.ms_per_article),
    }
    for metric in LABELS:
        out[metric] = {"f1": num(r.mean(metric)), "ci95": num(r.ci(metric))}
    return out


def _markdown(title: str, results) -> str:  # type: ignore[no-untyped-def]
    lines = [
        f"**{title}**",
        "",
        "| algorithm | R-1 | R-2 | R-L | R-Lsum | ms/article |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        cells = [f"{r.mean(m):.2f} ±{r.ci(m):.2f}" for m in LABELS]
        lines.append(f"| {r.algorithm} | {' | '.join(cells)} | {r.ms_per_article:.1f} |")
    return "\n".join(lines)


def _table(title: str, results) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title), title_justify="left")
    table.add_column("algorithm")
    for label in LABELS.values():
        table.add_column(label, justify="right")
    table.add_column("ms/article", justify="right")
    best = {m: max(r.mean(m) for r in results) for m in LABELS}
    for r in results:
        cells = [
            Text(f"{r.mean(m):.2f} ±{r.ci(m):.2f}", style="bold" if r.mean(m) == best[m] else "")
            for m in LABELS
        ]
        table.add_row(Text(r.algorithm), *cells, Text(f"{r.ms_per_article:.1f}"))
    Console(no_color=use_color() is False, highlight=False).print(table)
