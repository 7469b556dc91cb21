"""`--input-format jsonl` for `tread summarize` and `tread entities`: a corpus in, one
JSON line out per record, in input order (``tread.batch`` does the work)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import click

from tread.commands.console import error
from tread.commands.progress import Bar, wanted

input_format_option = click.option(
    "--input-format",
    type=click.Choice(["auto", "jsonl"]),
    default="auto",
    show_default=True,
    help='jsonl: each FILE is JSON Lines, one article a line ({"text": ..., "id": ..., '
    '"title": ...}); out comes one JSON line per article, in input order.',
)
jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes, for many articles (and for one long text, in 'entities').",
)


def run_jsonl(inputs: tuple[str, ...], task: Any, *, jobs: int, quiet: bool) -> int:
    """Every record of every input through ``task``, printed as JSON Lines; returns how
    many failed (each also one line on stderr, and a JSON line with "error")."""
    from tread.batch import run_local, warm_up

    failures = 0
    with Bar(wanted(quiet), f"{task.kind}: articles") as bar:
        results = run_local(
            _records(inputs), task, jobs, prepare=(lambda: warm_up(task)) if jobs > 1 else None
        )
        for done, result in enumerate(results, 1):
            if "error" in result:
                failures += 1
                error(f"{result.get('file', '-')}: {result['error']}")
            click.echo(json.dumps(result, ensure_ascii=False))
            bar.update(done)
    return failures


def _records(inputs: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """The records of each input in turn, each marked with its file; a file that cannot
    be read is one record with an error."""
    from tread.batch import read_jsonl
    from tread.core.errors import unreadable
    from tread.core.sources import STDIN_NAME

    for path in inputs:
        name = STDIN_NAME if path == "-" else path
        try:
            stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        except OSError as exc:
            yield {"file": name, "error": str(unreadable(exc))}
            continue
        try:
            for record in read_jsonl(stream):
                record["file"] = name
                yield record
        finally:
            if path != "-":
                stream.close()
