"""`tread feeds`: the library's feeds: list (the default), remove, import, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from click_default_group import DefaultGroup

from tread.commands.console import print_columns
from tread.commands.library_access import (
    entry_progress,
    library_option,
    open_library,
    report_to_terminal,
    when,
)
from tread.core.text.counts import counted
from tread.core.text.sanitize import one_line_safe

NO_FEEDS = "no feeds: add one with tread add URL"


@click.group(cls=DefaultGroup, default="list", invoke_without_command=True)
@click.pass_context
def feeds(ctx: click.Context) -> None:
    """List, remove, import or export the library's feeds.

    With no command, lists them: 'tread feeds' is 'tread feeds list'.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_feeds)


@click.command(name="list")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@library_option
def list_feeds(fmt: str = "table", library_path: Path | None = None) -> None:
    """List the library's feeds: articles, unread, last refreshed."""
    from tread.core.store.errors import NoLibrary

    try:
        with open_library(library_path, create=False) as library:
            rows: list[dict[str, Any]] = library.feeds()
    except NoLibrary:
        rows = []
    if fmt == "json":
        safe = [
            {k: one_line_safe(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows
        ]
        click.echo(json.dumps(safe, indent=2))
        return
    print_columns(
        ["id", "feed", "url", "articles", "unread", "refreshed"],
        [
            [r["id"], r["title"] or "", r["url"], r["articles"], r["unread"], when(r["refreshed"])]
            for r in rows
        ],
        empty=NO_FEEDS,
    )


@click.command()
@click.argument("feed")
@library_option
def remove(feed: str, library_path: Path | None) -> None:
    """Forget a feed, named by its URL or id; the articles it brought stay."""
    from tread.core.store.errors import NoLibrary

    try:
        with open_library(library_path, create=False) as library:
            removed = library.remove_feed(feed)
    except NoLibrary as exc:
        raise click.ClickException(str(exc)) from None
    if not removed:
        raise click.ClickException(f"no feed {feed!r} in the library")
    click.echo(f"removed feed {feed}")


@click.command(name="import")
@click.argument("opml_file", metavar="FILE.opml", type=click.Path())
@click.option(
    "--teasers",
    is_flag=True,
    help="Keep entries as each feed gives them; do not fetch the article behind a teaser.",
)
@library_option
@click.pass_context
def import_(ctx: click.Context, opml_file: str, teasers: bool, library_path: Path | None) -> None:
    """Add every feed an OPML file lists, as 'tread add URL' does (a line for each).

    Only http(s) feed URLs are followed; folders are flattened. '-' reads the list from
    standard input.
    """
    from tread.core.errors import TreadError
    from tread.core.sources import STDIN_NAME, read_bytes
    from tread.core.sources.opml import read_opml
    from tread.core.store.ingest import import_feeds

    try:
        subscriptions = read_opml(read_bytes(opml_file))
    except TreadError as exc:
        name = STDIN_NAME if opml_file == "-" else opml_file
        raise click.ClickException(f"{name}: {exc}") from None
    if not subscriptions:
        click.echo(f"{one_line_safe(opml_file)}: no feeds in it")
        return
    report, failures = report_to_terminal()
    with open_library(library_path) as library, entry_progress() as progress:
        import_feeds(library, subscriptions, report, fetch_full=not teasers, progress=progress)
    if failures[0]:
        ctx.exit(1)


@click.command()
@library_option
def export(library_path: Path | None) -> None:
    """Print the library's web feeds as an OPML 2.0 subscription list.

    Feeds added from files have no address another reader could use: they are left
    out, and counted on standard error.
    """
    from tread.core.sources.opml import Subscription, write_opml
    from tread.core.sources.url import is_url
    from tread.core.store.errors import NoLibrary

    try:
        with open_library(library_path, create=False) as library:
            rows = library.feeds()
    except NoLibrary:
        rows = []
    web = [r for r in rows if is_url(r["url"])]
    document = write_opml(Subscription(r["url"], r["title"] or r["url"]) for r in web)
    click.echo(document, nl=False)
    if len(web) < len(rows):
        left_out = len(rows) - len(web)
        click.echo(
            f"tread: {counted(left_out, 'feed')} read from files left out (OPML lists web feeds)",
            err=True,
        )


def _safe(value: Any) -> Any:
    return one_line_safe(value) if isinstance(value, str) else value


for _command in (list_feeds, remove, import_, export):
    feeds.add_command(_command)
