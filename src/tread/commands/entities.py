"""`tread entities`: the people, organisations, places, dates and figures in a text."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import click

from tread.commands.console import error, use_color
from tread.commands.options import inputs_argument
from tread.core.article import Entity
from tread.core.entities.kinds import KINDS
from tread.core.errors import TreadError

EPILOG = """\b
Examples:
  tread entities sample_articles/la-ice-operation.txt
  tread entities --types PERSON,ORG story.txt
  tread entities --types place --format text a.txt b.txt | sort -t$'\\t' -k3 -nr
  cat story.txt | tread entities --format json - | jq '.entities[] | .text'
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
@click.option(
    "--library",
    "across",
    is_flag=True,
    help="No FILE: the entities mentioned most across the library (env TREAD_LIBRARY), "
    "with mention and article counts; names folded by case and U.S./US.",
)
@click.option(
    "-n", "--limit", type=click.IntRange(min=1), default=20, help="With --library: how many."
)
@click.pass_context
def entities(
    ctx: click.Context,
    inputs: tuple[str, ...],
    fmt: str | None,
    types: str | None,
    model: str | None,
    raw: bool,
    across: bool,
    limit: int,
) -> None:
    """List the named entities of each FILE (or of standard input).

    Same inputs as 'tread summarize'. Offsets in JSON are character offsets into the
    decoded text.
    """
    from tread.core.config import load_config
    from tread.core.entities.kinds import parse_types
    from tread.core.entities.registry import make_extractor
    from tread.core.errors import NerUnavailable
    from tread.core.sources import STDIN_NAME, load
    from tread.core.sources.known import metadata

    if across:
        _across(ctx, inputs, fmt, types, model, limit)
        return
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
    extractor = make_extractor(
        config.entity_backend, model=model or config.model or None, corrections=not raw
    )
    failures = 0
    for path in inputs:
        name = STDIN_NAME if path == "-" else path
        try:
            article = load(path)
            found = extractor.extract(article.text)
        except NerUnavailable as exc:
            error(str(exc))
            ctx.exit(1)
        except TreadError as exc:
            error(f"{name}: {exc}")
            failures += 1
            continue
        if wanted is not None:
            found = [e for e in found if e.label in wanted]
        about = {"title": article.title, **metadata(article)}
        _print(name, found, fmt, several=len(inputs) > 1, model=extractor.model_name, about=about)
    if failures:
        ctx.exit(1)


def _print(
    name: str,
    found: list[Entity],
    fmt: str,
    *,
    several: bool,
    model: str,
    about: dict[str, str | None],
) -> None:
    if fmt == "json":
        record = {
            "file": name,
            **about,
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


def _across(
    ctx: click.Context,
    inputs: tuple[str, ...],
    fmt: str | None,
    types: str | None,
    model: str | None,
    limit: int,
) -> None:
    from tread.commands.entities_library import library_entities
    from tread.core.entities.kinds import kind_of_label, parse_types

    if inputs:
        raise click.UsageError("--library takes no FILE: it looks across the library")
    try:
        kinds = {kind_of_label(label) for label in parse_types(types)} if types else None
    except TreadError as exc:
        raise click.BadParameter(str(exc), param_hint="'--types'") from None
    fmt = fmt or ("table" if sys.stdout.isatty() else "text")
    library_entities(ctx, kinds, limit, fmt, model)
