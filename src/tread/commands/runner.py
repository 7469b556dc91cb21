"""The work behind `tread summarize`, kept apart from option parsing."""

from __future__ import annotations

import click

from tread.cli import error, use_color
from tread.core.errors import TreadError
from tread.core.sources import STDIN_NAME, load
from tread.core.text.sanitize import one_line_safe


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
    from tread.core.limits import max_sentences
    from tread.core.summarizers.summarize import sentence_count_for, summarize
    from tread.core.text.segment import segment
    from tread.output import (
        explanation_records,
        render_explanation,
        render_json,
        render_markdown,
        render_plain,
        summary_record,
    )

    failures = 0
    printed = 0
    several = len(inputs) > 1
    for path in inputs:
        name = STDIN_NAME if path == "-" else path
        try:
            article = load(path)
            # segmentation stops at the sentence limit: a million one-word sentences
            # are refused in seconds, not after minutes of work
            seg = segment(
                article.text,
                language,
                headings=article.headings or None,
                max_sentences=max_sentences(),
            )
            if not seg.sentences:
                raise TreadError("no sentences to summarise")
            n = sentence_count_for(len(seg.sentences), count=count, ratio=ratio)
            summary = summarize(seg, algorithm, n)
        except TreadError as exc:
            error(f"{name}: {exc}")
            failures += 1
            continue
        if fmt == "json":
            record = summary_record(article, seg, summary)
            if explain:
                record["sentences"] = explanation_records(seg, summary)
            click.echo(render_json(record, lines=several))
        elif fmt == "markdown":
            if printed:
                click.echo()
            click.echo(render_markdown(article, seg, summary))
        else:
            if several:
                if printed:
                    click.echo()
                header = click.style(f"==> {one_line_safe(name)} <==", bold=True)
                click.echo(header, color=use_color())
            click.echo(render_plain(seg, summary))
        if explain and fmt != "json":
            click.echo()
            click.echo(render_explanation(seg, summary))
        printed += 1
    return failures
