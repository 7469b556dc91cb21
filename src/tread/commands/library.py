"""Library commands: add, feeds, refresh, list, remove, mark."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from tread.cli import error
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
def _open(path: Path | None, *, create: bool = True) -> Iterator[Any]:
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
def _entry_progress() -> Iterator[Any]:
    """A transient bar on a terminal's stderr while a feed's entries are stored."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("feed entries", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _report_to_terminal() -> Any:
    failures = [0]

    def report(outcome: Any) -> None:
        if outcome.ok:
            click.echo(one_line_safe(f"{outcome.source}: {outcome.message}"))
        else:
            failures[0] += 1
            error(f"{outcome.source}: {outcome.message}")

    return report, failures


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--teasers",
    is_flag=True,
    help="For feeds: keep entries as the feed gives them; do not fetch the full "
    "article behind a teaser.",
)
@library_option
@click.pass_context
def add(
    ctx: click.Context, sources: tuple[str, ...], teasers: bool, library_path: Path | None
) -> None:
    """Add files, folders, web pages or feeds (URLs or files) to the library.

    A feed is remembered for 'tread refresh'; its entries become articles (the newest
    1,000 of a feed; the count of older ones skipped is shown), and an entry that is only
    a teaser is replaced by the full text of the page it links to. Articles already in
    the library (same entry, same text or same link) are not added twice; an entry the
    feed has edited is updated in place.
    """
    from tread.core.store.ingest import add_source

    report, failures = _report_to_terminal()
    with _open(library_path) as library, _entry_progress() as progress:
        for source in sources:
            add_source(library, source, report, fetch_full=not teasers, progress=progress)
    if failures[0]:
        ctx.exit(1)


@click.command()
@click.argument("action", type=click.Choice(["list", "remove"]), default="list")
@click.argument("feed", required=False)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@library_option
def feeds(action: str, feed: str | None, fmt: str, library_path: Path | None) -> None:
    """List the library's feeds, or remove one.

    'tread feeds remove URL' (or its id) forgets a feed; the articles it brought stay.
    """
    from tread.core.store.errors import NoLibrary

    if action == "remove" and not feed:
        raise click.UsageError("name the feed to remove (its URL or id)")
    try:
        rows = _feeds(action, feed, library_path)
    except NoLibrary as exc:
        if action == "remove":
            raise click.ClickException(str(exc)) from None
        rows = []
    if rows is None:
        return
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {k: one_line_safe(v) if isinstance(v, str) else v for k, v in r.items()}
                    for r in rows
                ],
                indent=2,
            )
        )
        return
    _table(
        ["id", "feed", "url", "articles", "unread", "refreshed"],
        [
            [r["id"], r["title"] or "", r["url"], r["articles"], r["unread"], _when(r["refreshed"])]
            for r in rows
        ],
        empty="no feeds: add one with tread add URL",
    )


def _feeds(action: str, feed: str | None, library_path: Path | None) -> list[dict[str, Any]] | None:
    with _open(library_path, create=False) as library:
        if action == "remove":
            if not library.remove_feed(feed or ""):
                raise click.ClickException(f"no feed {feed!r} in the library")
            click.echo(f"removed feed {feed}")
            return None
        rows: list[dict[str, Any]] = library.feeds()
        return rows


@click.command()
@library_option
@click.pass_context
def refresh(ctx: click.Context, library_path: Path | None) -> None:
    """Fetch every feed and add its new entries (a result line per feed)."""
    from tread.core.store.errors import NoLibrary
    from tread.core.store.ingest import refresh as run

    report, failures = _report_to_terminal()
    try:
        with _open(library_path, create=False) as library:
            count = len(library.feeds())
            if not count:
                click.echo("no feeds: add one with tread add URL")
                return
            if sys.stderr.isatty():
                from rich.progress import Progress

                with Progress(transient=True) as bar:
                    task = bar.add_task("refreshing", total=count)
                    entries = bar.add_task("entries", total=None)
                    run(
                        library,
                        report,
                        progress=lambda: bar.advance(task),
                        entries=lambda done, total: bar.update(
                            entries, completed=done, total=total
                        ),
                    )
            else:
                run(library, report)
    except NoLibrary:
        click.echo("no feeds: add one with tread add URL")
        return
    if failures[0]:
        ctx.exit(1)


@click.command(name="list")
@click.option("--unread", is_flag=True, help="Only unread articles.")
@click.option("-s", "--search", default=None, help="Full-text search in titles and texts.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=None)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@library_option
def list_(
    unread: bool, search: str | None, limit: int | None, fmt: str, library_path: Path | None
) -> None:
    """List the library's articles, unread first, newest first."""
    from tread.core.store.errors import NoLibrary

    try:
        with _open(library_path, create=False) as library:
            entries = library.entries(unread_only=unread, search=search, limit=limit)
    except NoLibrary as exc:
        click.echo("[]" if fmt == "json" else f"{exc} yet: tread add FILE|URL|FEED")
        return
    if fmt == "json":
        click.echo(json.dumps([_entry_dict(e) for e in entries], indent=2))
        return
    _table(
        ["id", "", "title", "source", "words", "added"],
        [
            [
                e.id,
                ("●" if not e.read else " ") + ("★" if e.starred else " "),
                e.title,
                e.feed or _short_source(e.source),
                e.words,
                _when(e.added, date_only=True),
            ]
            for e in entries
        ],
        empty="nothing in the library yet: tread add FILE|URL|FEED",
    )


def _short_source(source: str) -> str:
    from urllib.parse import urlparse

    if source.startswith(("http://", "https://")):
        return urlparse(source).netloc
    return Path(source).name


def _entry_dict(e: Any) -> dict[str, Any]:
    """The entry for JSON: texts one safe line each (a library written by an older tread
    may hold escape bytes that ``jq -r`` would print raw)."""
    values = {k: getattr(e, k) for k in e.__slots__}
    return {k: one_line_safe(v) if isinstance(v, str) else v for k, v in values.items()}


@click.command()
@click.argument("ids", nargs=-1, type=ArticleId(), required=True)
@library_option
@click.pass_context
def remove(ctx: click.Context, ids: tuple[int, ...], library_path: Path | None) -> None:
    """Remove articles from the library by id."""
    missing = 0
    with _existing(library_path) as library:
        for article_id in ids:
            if library.remove(article_id):
                click.echo(f"removed #{article_id}")
            else:
                missing += 1
                error(f"#{article_id}: no such article")
    if missing:
        ctx.exit(1)


@contextmanager
def _existing(path: Path | None) -> Iterator[Any]:
    """The library, which must exist (one-line error else)."""
    from tread.core.store.errors import NoLibrary

    try:
        with _open(path, create=False) as library:
            yield library
    except NoLibrary as exc:
        raise click.ClickException(str(exc)) from None


MARKS = {
    "read": {"read": True},
    "unread": {"read": False},
    "star": {"starred": True},
    "unstar": {"starred": False},
}


@click.command()
@click.argument("state", type=click.Choice(list(MARKS)))
@click.argument("ids", nargs=-1, type=ArticleId(), required=True)
@library_option
@click.pass_context
def mark(ctx: click.Context, state: str, ids: tuple[int, ...], library_path: Path | None) -> None:
    """Mark articles read, unread, starred or not: 'tread mark read 3 4'."""
    missing = 0
    with _existing(library_path) as library:
        for article_id in ids:
            if not library.mark(article_id, **MARKS[state]):
                missing += 1
                error(f"#{article_id}: no such article")
    if missing:
        ctx.exit(1)


def _when(timestamp: float | None, *, date_only: bool = False) -> str:
    if not timestamp:
        return ""
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d" if date_only else "%Y-%m-%d %H:%M")


def _table(columns: list[str], rows: list[list[Any]], *, empty: str) -> None:
    """Aligned columns, one line a row, cut to the terminal's width: plain text (fast for
    ten thousand rows; nothing in it is ever read as markup)."""
    import shutil

    from rich.cells import cell_len, set_cell_size

    if not rows:
        click.echo(empty)
        return
    width = shutil.get_terminal_size((100, 24)).columns
    wide = {"title", "feed", "url"}
    numeric = {"id", "words", "articles", "unread"}
    widths = {
        c: min(20 if c == "source" else 99, max(cell_len(c), *(cell_len(str(r[i])) for r in rows)))
        for i, c in enumerate(columns)
    }
    rest = sum(w for c, w in widths.items() if c not in wide) + 2 * (len(columns) - 1)
    share = max(12, (width - rest) // max(1, len(wide & set(columns))))
    for c in wide & set(columns):
        widths[c] = min(widths[c], share)

    def cell(column: str, value: Any) -> str:
        text = one_line_safe(str(value))
        w = widths[column]
        if cell_len(text) > w:
            text = set_cell_size(text, w - 1) + "…"
        return text.rjust(w) if column in numeric else set_cell_size(text, w)

    lines = [
        "  ".join(cell(c, c) for c in columns).rstrip(),
        "  ".join("-" * widths[c] for c in columns),
    ]
    lines += [
        "  ".join(cell(c, v) for c, v in zip(columns, row, strict=True)).rstrip() for row in rows
    ]
    click.echo("\n".join(lines))
