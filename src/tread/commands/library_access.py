"""What the library commands share: the --library option, opening the library with
one-line errors, article ids as a parameter type, and reporting outcomes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from tread.commands.console import error
from tread.core.text.sanitize import one_line_safe

library_option = click.option(
    "--library",
    "library_path",
    type=click.Path(path_type=Path),
    envvar="TREAD_LIBRARY",
    default=None,
    help="The library database.  [default: library.sqlite3 in the data "
    "directory; env TREAD_LIBRARY]",
)


@contextmanager
def open_library(path: Path | None, *, create: bool = True) -> Iterator[Any]:
    """The library, closed after use; a failure to open or use it is one line. Without
    ``create`` a missing library raises NoLibrary and nothing is made on the disk."""
    from tread.core.store.errors import NoLibrary
    from tread.core.store.library import Library, LibraryError

    try:
        library = Library(path, create=create)
    except NoLibrary:
        raise
    except LibraryError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield library
    except LibraryError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        library.close()


class ArticleId(click.ParamType[int]):
    """An article id: a positive integer SQLite can hold (one-line usage error else)."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from tread.core.store.library import MAX_ID

        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not an article id (a whole number)", param, ctx)
        if not 1 <= number <= MAX_ID:
            self.fail(f"{value} is not an article id (ids run from 1 to {MAX_ID})", param, ctx)
        return number


@contextmanager
def entry_progress() -> Iterator[Any]:
    """A transient bar on a terminal's stderr while a feed's entries are stored."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("feed entries", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def report_to_terminal() -> Any:
    failures = [0]

    def report(outcome: Any) -> None:
        if outcome.ok:
            click.echo(one_line_safe(f"{outcome.source}: {outcome.message}"))
        else:
            failures[0] += 1
            error(f"{outcome.source}: {outcome.message}")

    return report, failures


@contextmanager
def existing_library(path: Path | None) -> Iterator[Any]:
    """The library, which must exist (one-line error else)."""
    from tread.core.store.errors import NoLibrary

    try:
        with open_library(path, create=False) as library:
            yield library
    except NoLibrary as exc:
        raise click.ClickException(str(exc)) from None


def when(timestamp: float | None, *, date_only: bool = False) -> str:
    if not timestamp:
        return ""
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d" if date_only else "%Y-%m-%d %H:%M")
