"""`tread entities`: the people, organisations, places, dates and figures in a text."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import click

from tread.commands.batch_io import input_format_option, jobs_option
from tread.commands.console import error, use_color
from tread.commands.options import inputs_argument
from tread.commands.progress import Bar, quiet_option
from tread.commands.progress import wanted as progress_wanted
from tread.core.article import Entity
from tread.core.entities.kinds import KINDS
from tread.core.errors import TreadError

EPILOG = """\b
Examples:
  tread entities sample_articles/la-ice-operation.txt
  tread entities --types PERSON,ORG story.txt
  tread entities --types place --format text a.txt b.txt | sort -t$'\\t' -k3 -nr
  cat story.txt | tread entities --format json - | jq '.entities[] | .text'
  tread entities --jobs 2 book.txt                  # a long text on two processes
  tread entities --input-format jsonl --jobs 2 corpus.jsonl > entities.jsonl
"""


@dataclass(frozen=True, slots=True)
class Group:
    label: str
    text: str
    count: int
    first: int

    @property
    def kind(self) -> str:
        from tread.core.entities.kinds import kind_of_label

        return kind_of_label(self.label)


def group_entities(entities: Sequence[Entity]) -> list[Group]:
    """Entities with the same label and text, counted; by kind, then most frequent."""
    counts: dict[tuple[str, str], list[int]] = {}
    for e in entities:
        key = (e.label, " ".join(e.text.split()))
        counts.setdefault(key, []).append(e.start)
    order = {kind: i for i, kind in enumerate(KINDS)}
    groups = [
        Group(label, text, len(starts), min(starts)) for (label, text), starts in counts.items()
    ]
    return sorted(groups, key=lambda g: (order[g.kind], -g.count, g.first))


@click.command(epilog=EPILOG)
@inputs_argument
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "text"]),
    default=None,
    help="Output format.  [default: table on a terminal, else text]",
)
@click.option(
    "-t",
    "--types",
    default=None,
    metavar="TYPES",
    help="Only these, comma-separated: labels (PERSON,ORG,GPE...) or kinds "
    "(person, organisation, place, date, number, other).",
)
@click.option("-m", "--model", default=None, help="spaCy pipeline to use (e.g. en_core_web_md).")
@click.option("--raw", is_flag=True, help="The model's entities without tread's corrections.")
@input_format_option
@jobs_option
@quiet_option
@click.pass_context
def entities(
    ctx: click.Context,
    inputs: tuple[str, ...],
    fmt: str | None,
    types: str | None,
    model: str | None,
    raw: bool,
    input_format: str,
    jobs: int,
    quiet: bool,
) -> None:
    """List the named entities of each FILE (or of standard input).

    Same inputs as 'tread summarize'. Offsets in JSON are character offsets into the
    decoded text. With --input-format jsonl each FILE is a corpus, one article a line,
    and the output one JSON line per article, in input order.
    """
    from tread.batch import ordered_map
    from tread.core.config import load_config
    from tread.core.entities.kinds import parse_types
    from tread.core.entities.registry import make_extractor
    from tread.core.errors import NerUnavailable

    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: name a FILE, or pipe text in and use '-'")
        inputs = ("-",)
    try:
        wanted = parse_types(types) if types else None
    except TreadError as exc:
        raise click.BadParameter(str(exc), param_hint="'--types'") from None
    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "text"
    config = load_config()[0]
    model = model or config.model or None
    if input_format == "jsonl":
        from tread.batch import Task
        from tread.commands.batch_io import run_jsonl

        task = Task(
            "entities",
            backend=config.entity_backend,
            model=model,
            corrections=not raw,
            types=frozenset(wanted) if wanted is not None else None,
        )
        if run_jsonl(inputs, task, jobs=jobs, quiet=quiet):
            ctx.exit(1)
        return
    settings = (config.entity_backend, model, not raw)
    extractor = make_extractor(config.entity_backend, model=model, corrections=not raw)
    failures = 0
    with Bar(progress_wanted(quiet), "entities", len(inputs), counts=len(inputs) > 1) as bar:
        if len(inputs) > 1 and jobs > 1 and "-" not in inputs:
            extractor.extract("Ada Lovelace lived in London.")  # forked workers share the model
            results = ordered_map(_entities_many, list(inputs), jobs, settings)
        else:
            results = (
                _entities_of(path, extractor, bar=bar if len(inputs) == 1 else None, jobs=jobs)
                for path in inputs
            )
        for done, (name, found) in enumerate(results, 1):
            if len(inputs) > 1:
                bar.update(done, description=f"entities ({done:,} of {len(inputs):,})")
            if isinstance(found, NerUnavailable):
                error(str(found))
                ctx.exit(1)
            if isinstance(found, TreadError):
                error(f"{name}: {found}")
                failures += 1
                continue
            if wanted is not None:
                found = [e for e in found if e.label in wanted]
            _print(name, found, fmt, several=len(inputs) > 1, model=extractor.model_name)
    if failures:
        ctx.exit(1)


def _entities_of(
    path: str, extractor: Any, *, bar: Bar | None = None, jobs: int = 1
) -> tuple[str, list[Entity] | TreadError]:
    """(name, entities) of one input, or (name, the error)."""
    from tread.core.sources import STDIN_NAME, load

    name = STDIN_NAME if path == "-" else path
    try:
        article = load(path)
        if bar is None or not _takes_progress(extractor):
            return name, extractor.extract(article.text)
        return name, extractor.extract(
            article.text,
            progress=lambda done, total: bar.update(done, total, "entities"),
            processes=jobs,
        )
    except TreadError as exc:
        return name, exc


def _takes_progress(extractor: Any) -> bool:
    """A registered backend need only take ``extract(text, cancelled)`` (the registry's
    EntityExtractor); progress and processes go to those that accept them (spaCy's)."""
    import inspect

    params = inspect.signature(extractor.extract).parameters
    return "progress" in params and "processes" in params


def _entities_many(paths: list[str], settings: tuple[str | None, str | None, bool]) -> list[Any]:
    from tread.batch import extractor_for

    extractor = extractor_for(*settings)
    return [_entities_of(p, extractor) for p in paths]


def _print(name: str, found: list[Entity], fmt: str, *, several: bool, model: str) -> None:
    if fmt == "json":
        record = {
            "file": name,
            "model": model,
            "entities": [
                {"start": e.start, "end": e.end, "label": e.label, "kind": e.kind, "text": e.text}
                for e in found
            ],
        }
        click.echo(json.dumps(record, ensure_ascii=False, indent=None if several else 2))
    elif fmt == "text":
        for g in group_entities(found):
            click.echo(f"{g.label}\t{g.text}\t{g.count}")
    else:
        _print_table(name, found)


def _print_table(name: str, found: list[Entity]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tread.core.entities.kinds import KIND_COLOURS

    console = Console(no_color=use_color() is False, highlight=False)
    from tread.core.text.sanitize import one_line_safe

    name = one_line_safe(name)
    table = Table(title=Text(name), title_justify="left", show_edge=False, pad_edge=False)
    for column, justify in (
        ("kind", "left"),
        ("entity", "left"),
        ("label", "left"),
        ("count", "right"),
        ("first", "right"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    previous = None
    for g in group_entities(found):
        colour = KIND_COLOURS[g.kind]
        kind = Text(g.kind if g.kind != previous else "", style=f"bold {colour}")
        previous = g.kind
        table.add_row(
            kind, Text(g.text, style=colour), Text(g.label), Text(str(g.count)), Text(str(g.first))
        )
    if not found:
        console.print(Text(f"{name}: no entities found"))
        return
    console.print(table)
