"""`tread entities`: the people, organisations, places, dates and figures in a text."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from tread.commands.batch_io import input_format_option, jobs_option
from tread.commands.console import error, notice, use_color
from tread.commands.options import inputs_argument, language_option
from tread.commands.progress import Bar, quiet_option
from tread.commands.progress import wanted as progress_wanted
from tread.core.article import Entity
from tread.core.entities.groups import group_entities
from tread.core.errors import TreadError

if TYPE_CHECKING:
    from tread.core.text.detect import LanguageChoice

EPILOG = """\b
Examples:
  tread entities sample_articles/la-ice-operation.txt
  tread entities --types PERSON,ORG story.txt
  tread entities --types place --format text a.txt b.txt | sort -t$'\\t' -k3 -nr
  cat story.txt | tread entities --format json - | jq '.entities[] | .text'
  tread entities --jobs 2 book.txt                  # a long text on two processes
  tread entities --input-format jsonl --jobs 2 corpus.jsonl > entities.jsonl
"""


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
@click.option(
    "-m",
    "--model",
    default=None,
    help="spaCy pipeline to use (e.g. en_core_web_md), for texts in its language.",
)
@click.option("--raw", is_flag=True, help="The model's entities without tread's corrections.")
@language_option
@input_format_option
@jobs_option
@quiet_option
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
    language: str,
    input_format: str,
    jobs: int,
    quiet: bool,
    across: bool,
    limit: int,
) -> None:
    """List the named entities of each FILE (or of standard input).

    Same inputs as 'tread summarize'. Offsets in JSON are character offsets into the
    decoded text. Entities are found only with a model for the text's language (English
    and French); for any other language the output says so and the exit status is 0.
    With --input-format jsonl each FILE is a corpus, one article a line, and the output
    one JSON line per article, in input order.
    """
    from tread.core.config import load_config
    from tread.core.entities.kinds import parse_types
    from tread.core.errors import NerUnavailable

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
    model = model or config.model or None
    if input_format == "jsonl":
        from tread.batch import Task
        from tread.commands.batch_io import run_jsonl

        task = Task(
            "entities",
            language=language,
            backend=config.entity_backend,
            model=model,
            corrections=not raw,
            types=frozenset(wanted) if wanted is not None else None,
        )
        if run_jsonl(inputs, task, jobs=jobs, quiet=quiet):
            ctx.exit(1)
        return
    settings: Settings = (config.entity_backend, model, not raw, language, config.language)
    _EXTRACTORS.clear()  # made afresh for each command (forked workers inherit them)
    failures = 0
    several = len(inputs) > 1
    with Bar(progress_wanted(quiet), "entities", len(inputs), counts=several) as bar:
        if several and jobs > 1 and "-" not in inputs:
            from tread.batch import ordered_map

            _warm(settings)  # forked workers share the model
            results = ordered_map(_entities_many, list(inputs), jobs, settings)
        else:
            results = (
                _entities_of(path, settings, bar=None if several else bar, jobs=jobs)
                for path in inputs
            )
        for done, (name, outcome) in enumerate(results, 1):
            if several:
                bar.update(done, description=f"entities ({done:,} of {len(inputs):,})")
            if isinstance(outcome, NerUnavailable):
                error(str(outcome))
                ctx.exit(1)
            if isinstance(outcome, TreadError):
                error(f"{name}: {outcome}")
                failures += 1
                continue
            if outcome.choice.note:  # after the work: a failure is one line, not this too
                notice(f"{name}: {outcome.choice.note}")
            if outcome.notice is not None:  # no model for its language: nothing is wrong
                _print_notice(name, outcome.choice, outcome.notice, fmt, several=several)
                continue
            found = outcome.found
            if wanted is not None:
                found = [e for e in found if e.label in wanted]
            _print(
                name,
                found,
                fmt,
                several=several,
                model=outcome.model,
                choice=outcome.choice,
                about=outcome.about,
            )
    if failures:
        ctx.exit(1)


#: entity backend, model, corrections, language asked for (or "auto"), the fallback
Settings = tuple[str | None, str | None, bool, str, str]


@dataclass(frozen=True, slots=True)
class Found:
    """One input's entities, in the language chosen for it (or why there are none)."""

    found: list[Entity]
    choice: LanguageChoice
    about: dict[str, str | None]
    model: str
    notice: str | None = None


_EXTRACTORS: dict[tuple[str | None, str | None, bool], Any] = {}


def _extractors(settings: Settings) -> Any:
    """One ExtractorsByLanguage per process and settings (each model loads once)."""
    from tread.core.entities.languages import ExtractorsByLanguage

    backend, model, corrections = settings[:3]
    key = (backend, model, corrections)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = ExtractorsByLanguage(backend, model, corrections=corrections)
    return _EXTRACTORS[key]


def _warm(settings: Settings) -> None:
    """Load the configured language's model before forking, so workers share it."""
    import contextlib

    with contextlib.suppress(TreadError):  # each input reports it
        _extractors(settings).for_language(settings[4]).extract("Ada Lovelace lived in London.")


def _entities_of(
    path: str, settings: Settings, *, bar: Bar | None = None, jobs: int = 1
) -> tuple[str, Found | TreadError]:
    """(name, what was found) of one input, or (name, the error)."""
    from tread.core.entities.languages import NoEntityModel
    from tread.core.sources import STDIN_NAME, load
    from tread.core.sources.known import metadata
    from tread.core.text.detect import LanguageChoice, choose_language

    language, fallback = settings[3], settings[4]
    name = STDIN_NAME if path == "-" else path
    choice = LanguageChoice(fallback, detected=False)
    try:
        article = load(path)
        about = {"title": article.title, **metadata(article)}
        choice = choose_language(article.text, language, fallback)
        extractor = _extractors(settings).for_language(choice.language)
        if bar is None or not _takes_progress(extractor):
            found = extractor.extract(article.text)
        else:
            found = extractor.extract(
                article.text,
                progress=lambda done, total: bar.update(done, total, "entities"),
                processes=jobs,
            )
    except NoEntityModel as exc:
        return name, Found([], choice, {}, "", notice=str(exc))
    except TreadError as exc:
        return name, exc
    return name, Found(found, choice, about, extractor.model_name)


def _takes_progress(extractor: Any) -> bool:
    """A registered backend need only take ``extract(text, cancelled)`` (the registry's
    EntityExtractor); progress and processes go to those that accept them (spaCy's)."""
    import inspect

    params = inspect.signature(extractor.extract).parameters
    return "progress" in params and "processes" in params


def _entities_many(paths: list[str], settings: Settings) -> list[Any]:
    return [_entities_of(p, settings) for p in paths]


def _language_fields(choice: LanguageChoice) -> dict[str, object]:
    return {
        "language": choice.language,
        "language_detected": choice.detected,
        "language_note": choice.note,
    }


def _print_notice(
    name: str, choice: LanguageChoice, message: str, fmt: str, *, several: bool
) -> None:
    """No entity model for the text's language: said where the output's reader looks
    (the JSON record, the table's place), and on stderr for tab-separated text."""
    from tread.core.text.sanitize import one_line_safe

    if fmt == "json":
        record = {"file": name, **_language_fields(choice), "model": None, "entities": []}
        record["notice"] = message
        click.echo(json.dumps(record, ensure_ascii=False, indent=None if several else 2))
    elif fmt == "text":
        notice(f"{name}: {message}")
    else:
        click.echo(f"{one_line_safe(name)}: {message}")


def _print(
    name: str,
    found: list[Entity],
    fmt: str,
    *,
    several: bool,
    model: str,
    choice: LanguageChoice,
    about: dict[str, str | None],
) -> None:
    if fmt == "json":
        record = {
            "file": name,
            **about,
            **_language_fields(choice),
            "model": model,
            "entities": [
                {"start": e.start, "end": e.end, "label": e.label, "kind": e.kind, "text": e.text}
                for e in found
            ],
        }
        click.echo(json.dumps(record, ensure_ascii=False, indent=None if several else 2))
    elif fmt == "text":
        for g in group_entities(found):
            click.echo(f"{g.label}\t{g.name}\t{g.count}")
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
            kind, Text(g.name, style=colour), Text(g.label), Text(str(g.count)), Text(str(g.first))
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
