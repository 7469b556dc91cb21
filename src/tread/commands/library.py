"""Library commands: add, list, refresh, remove, mark (feeds: commands/feeds.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from tread.commands.console import error, print_columns
from tread.commands.library_access import (
    ArticleId,
    entry_progress,
    existing_library,
    library_option,
    open_library,
    report_to_terminal,
    when,
)
from tread.core.text.sanitize import one_line_safe


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

    report, failures = report_to_terminal()
    with open_library(library_path) as library, entry_progress() as progress:
        for source in sources:
            add_source(library, source, report, fetch_full=not teasers, progress=progress)
    if failures[0]:
        ctx.exit(1)


@click.command()
@library_option
@click.pass_context
def refresh(ctx: click.Context, library_path: Path | None) -> None:
    """Fetch every feed and add its new entries (a result line per feed)."""
    from tread.core.store.errors import NoLibrary
    from tread.core.store.ingest import refresh as run

    report, failures = report_to_terminal()
    try:
        with open_library(library_path, create=False) as library:
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
@click.option(
    "-e",
    "--entity",
    default=None,
    metavar="NAME",
    help="Only articles mentioning NAME (case and U.S./US folded; see tread entities --library).",
)
@click.option("-n", "--limit", type=click.IntRange(min=1), default=None)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@library_option
def list_(
    unread: bool,
    search: str | None,
    entity: str | None,
    limit: int | None,
    fmt: str,
    library_path: Path | None,
) -> None:
    """List the library's articles, unread first, newest first."""
    from tread.core.store.entity_index import articles_mentioning
    from tread.core.store.errors import NoLibrary

    try:
        with open_library(library_path, create=False) as library:
            entries = library.entries(unread_only=unread, search=search)
            if entity is not None:
                mentioning = articles_mentioning(library, entity)
                entries = [e for e in entries if e.id in mentioning]
            entries = entries[:limit] if limit else entries
    except NoLibrary as exc:
        click.echo("[]" if fmt == "json" else f"{exc} yet: tread add FILE|URL|FEED")
        return
    if fmt == "json":
        click.echo(json.dumps([_entry_dict(e) for e in entries], indent=2))
        return
    print_columns(
        ["id", "", "title", "source", "words", "added"],
        [
            [
                e.id,
                ("●" if not e.read else " ") + ("★" if e.starred else " "),
                e.title,
                e.feed or _short_source(e.source),
                e.words,
                when(e.added, date_only=True),
            ]
            for e in entries
        ],
        empty=_nothing_listed(unread, search, entity),
    )


def _nothing_listed(unread: bool, search: str | None, entity: str | None) -> str:
    """Why the list is empty: the filters asked for, or an empty library."""
    among = " unread" if unread else ""
    if entity is not None:
        return (
            f"no{among} article mentions {entity!r} (entities are known of the articles "
            "opened in the reader; tread entities --library finds the rest)"
        )
    if search is not None:
        return f"no{among} article matches {search!r}"
    if unread:
        return "no unread article (tread list shows them all)"
    return "nothing in the library yet: tread add FILE|URL|FEED"


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
    with existing_library(library_path) as library:
        for article_id in ids:
            if library.remove(article_id):
                click.echo(f"removed #{article_id}")
            else:
                missing += 1
                error(f"#{article_id}: no such article")
    if missing:
        ctx.exit(1)


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
    with existing_library(library_path) as library:
        for article_id in ids:
            if not library.mark(article_id, **MARKS[state]):
                missing += 1
                error(f"#{article_id}: no such article")
    if missing:
        ctx.exit(1)
