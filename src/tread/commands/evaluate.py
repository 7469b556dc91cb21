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
  tread eval dev_dailymail.jsonl --extra-references dev_dailymail_crowd_refs.jsonl
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
    "--extra-references",
    type=click.Path(path_type=Path),
    default=None,
    help='JSON Lines of more reference summaries by article id ({"id", "crowd_summaries"}): '
    "each article is scored against all of its references.",
)
@click.option(
    "--combine",
    type=click.Choice(["mean", "max"]),
    default="mean",
    show_default=True,
    help="With several references: the mean of the F1 against each, or the best one.",
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
    extra_references: Path | None,
    combine: str,
    fmt: str,
    quiet: bool,
) -> None:
    """Score every algorithm's summaries against reference summaries.

    DATASET is JSON Lines, one article a line: "text" and "summary_sentences" (or
    "summary"). Prints ROUGE-1, ROUGE-2 and ROUGE-L(sum) F1 x 100 (rouge-score, with
    stemming) with 95% bootstrap confidence intervals, and the time per article; and
    the same per "category" (news style) when the records have more than one.
    A bad line is reported and skipped; the exit code is then 1.
    """
    from tread.core.errors import TreadError
    from tread.core.evaluation import evaluate as run
    from tread.core.evaluation import load_dataset, shuffled
    from tread.core.summarizers.registry import (
        ALGORITHMS,
        canonical_name,
        unknown_algorithm_message,
    )

    asked = [a.strip() for a in algorithms.split(",") if a.strip()]
    names = (
        list(ALGORITHMS)
        if algorithms == "all"
        else list(dict.fromkeys(canonical_name(a) or a for a in asked))
    )
    unknown = [a for a in names if a not in ALGORITHMS]
    if unknown:
        raise click.BadParameter(unknown_algorithm_message(unknown[0]), param_hint="'--algorithms'")
    try:
        data = load_dataset(dataset, limit)
    except TreadError as exc:
        raise click.ClickException(f"{dataset}: {exc}") from None
    _report_skipped(dataset, data.skipped)
    articles = data.articles
    skipped = bool(data.skipped)
    references = ""
    if extra_references is not None:
        articles, with_more, bad = _with_extra(extra_references, articles)
        skipped = skipped or bad
        references = f", {combine} over all references ({with_more} with extra ones)"
    if shuffle:
        articles = shuffled(articles)
    count = None if reference_length else sentences
    results = _run_with_progress(run, articles, names, count, jobs, combine, quiet)
    length = "reference length" if count is None else f"{count} sentences"
    from tread.core.evaluation import categories
    from tread.core.text.sanitize import one_line_safe

    order = ", sentences shuffled" if shuffle else ""
    title = (
        f"{one_line_safe(dataset.name)}: {len(articles)} articles{order}, {length}, "
        f"ROUGE F1 x 100 (95% CI){references}"
    )
    groups = [c for c in categories(results) if c is not None]
    per = [(c, [r.of_category(c) for r in results]) for c in groups] if len(groups) > 1 else []
    if fmt == "json":
        record: dict[str, object] = {
            "dataset": str(dataset),
            "articles": len(articles),
            "sentences": count,
            "combine": combine if extra_references is not None else None,
            "results": [_record(r) for r in results],
        }
        if per:
            record["categories"] = {c: [_record(r) for r in rs] for c, rs in per}
        click.echo(json.dumps(record, indent=2))
    else:
        show = _markdown if fmt == "markdown" else _table
        show(title, results)
        for c, rs in per:
            n = len(rs[0].categories) if rs else 0
            click.echo()
            show(f"category {one_line_safe(c)}: {n} article{'' if n == 1 else 's'}", rs)
    if skipped:  # the report is for the good records; the run still failed
        click.get_current_context().exit(1)


def _with_extra(path: Path, articles: Any) -> tuple[Any, int, bool]:
    """The articles with the extra references of ``path``, how many have some, and
    whether any line of it was bad (reported)."""
    from tread.core.errors import TreadError
    from tread.core.evaluation_refs import load_extra_references, with_extra

    try:
        extra = load_extra_references(path)
    except TreadError as exc:
        raise click.ClickException(f"{path}: {exc}") from None
    _report_skipped(path, extra.skipped)
    out, with_more = with_extra(articles, extra)
    return out, with_more, bool(extra.skipped)


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
    run: Any,
    articles: Any,
    names: list[str],
    count: int | None,
    jobs: int,
    combine: str,
    quiet: bool,
) -> Any:
    from tread.commands.progress import Bar, wanted

    with Bar(wanted(quiet), "evaluating", len(articles)) as bar:
        return run(articles, names, count, jobs=jobs, combine=combine, progress=bar.advance)


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


def _markdown(title: str, results) -> None:  # type: ignore[no-untyped-def]
    lines = [
        f"**{title}**",
        "",
        "| algorithm | R-1 | R-2 | R-L | R-Lsum | ms/article |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        cells = [f"{r.mean(m):.2f} ±{r.ci(m):.2f}" for m in LABELS]
        lines.append(f"| {r.algorithm} | {' | '.join(cells)} | {r.ms_per_article:.1f} |")
    click.echo("\n".join(lines))


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
