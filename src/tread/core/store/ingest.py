"""Putting sources into the library: files, folders, pages, and feeds' entries.

A feed's entries are matched to the library by guid, else link, else text; only new or
edited entries are turned into articles (teaser pages fetched together, as ``teasers``
allows), and they are stored in one transaction. A feed that fails is reported in one
line and the next one goes on; a library that cannot be written (damaged, full,
read-only) stops the command.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tread.core.article import Article
from tread.core.errors import TreadError, UnreadableInput
from tread.core.sources.feed import MAX_ENTRIES, Feed, FeedEntry
from tread.core.sources.opml import Subscription
from tread.core.sources.teasers import Links, entry_article, fetch_pages
from tread.core.store.errors import LibraryUnusable
from tread.core.store.library import FeedItem, Library, Stored
from tread.core.text.titles import title_of


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    message: str
    ok: bool = True
    new: int = 0


Report = Callable[[Outcome], None]
#: (entries done, entries to do) while a feed's new or edited entries are stored
Progress = Callable[[int, int], None]


def _entry_articles(
    feed: Feed, entries: list[tuple[FeedEntry, str | None]], links: Links, fetch_full: bool
) -> list[tuple[Article, str | None]]:
    """Each entry as an article, with why a teaser was kept (its link refused, failed or
    late); teaser pages are fetched together, as ``teasers`` allows."""
    wanted = [e.link for e, _ in entries if fetch_full and e.teaser and e.link]
    pages = fetch_pages(wanted, links) if wanted else {}
    articles = []
    for entry, refused in entries:
        page = pages.get(entry.link) if entry.link else None
        why = page if isinstance(page, str) else refused
        kept = why if fetch_full and entry.teaser else None
        articles.append(
            (entry_article(entry, feed.title, page if isinstance(page, Article) else None), kept)
        )
    return articles


def _entry_hash(entry: FeedEntry) -> str:
    """What the feed says about an entry: when it changes, the entry was edited."""
    said = "\x00".join((entry.title, entry.text, entry.link or "", entry.author or ""))
    return hashlib.sha256(said.encode("utf-8")).hexdigest()


def ingest_feed(
    library: Library,
    feed_id: int,
    feed: Feed,
    *,
    fetch_full: bool,
    links: Links | None = None,
    report: Report | None = None,
    progress: Progress | None = None,
) -> Stored:
    """Add a feed's new entries and update its edited ones; an unchanged entry costs one
    lookup (no fetch).

    ``links`` says how the feed's links are followed (by default: absolute public
    http(s) links only); ``report`` hears, for each entry stored with its teaser, why.
    """
    links = links or Links()
    resolved = [links.resolve(entry) for entry in feed.entries]
    keys = [(e.guid, e.link) for e, _ in resolved]
    states, removed = library.entry_states(feed_id, keys)
    known, left_out, seen = 0, 0, set()
    items: list[FeedItem] = []
    todo: list[tuple[FeedEntry, str | None]] = []
    for (entry, refused), state, gone in zip(resolved, states, removed, strict=True):
        digest = _entry_hash(entry)
        identity = entry.guid or entry.link or digest
        if state is None and gone:
            left_out += 1  # removed from the library: it stays out
        elif identity in seen or (state is not None and state[1] == digest):
            known += 1  # a repeat within the feed, or unchanged since the last refresh
        elif state is not None and state[1] is None:  # stored by an older tread: adopt it
            items.append(FeedItem(entry.guid, entry.link, digest))
        else:
            todo.append((entry, refused))
        seen.add(identity)
    built = _entry_articles(feed, todo, links, fetch_full)
    kept_why = {}
    for done, ((article, kept), (entry, _)) in enumerate(zip(built, todo, strict=True), 1):
        if kept:
            kept_why[len(items)] = (article.title or "", kept)
        items.append(FeedItem(entry.guid, entry.link, _entry_hash(entry), article))
        if progress is not None:
            progress(done, len(todo))
    stored = library.store_entries(feed_id, items)
    if report is not None:
        for index in stored.written:
            if index in kept_why:
                title, kept = kept_why[index]
                title = title if len(title) <= 60 else title[:59] + "…"
                report(Outcome(feed.title, f"kept the teaser of {title!r}: {kept}"))
    library.feed_refreshed(feed_id, feed.title)
    return Stored(stored.new, stored.known + known, stored.updated, stored.written, left_out)


def _tally(feed: Feed, stored: Stored) -> str:
    parts = [f"{stored.new} new", f"{stored.known} already here"]
    if stored.updated:
        parts.append(f"{stored.updated} updated")
    if stored.removed:
        parts.append(f"{stored.removed} removed before, left out")
    if feed.empty:
        parts.append(f"{feed.empty} with nothing to read skipped")
    if feed.older:
        parts.append(
            f"{feed.older} older skipped (only the newest {MAX_ENTRIES:,} entries are taken)"
        )
    return ", ".join(parts)


@contextmanager
def _one_feed() -> Iterator[None]:
    """A parser's own failure on one feed's bytes (feedparser, lxml, the page behind a
    teaser) becomes that feed's one-line error instead of ending the command."""
    try:
        yield
    except (ValueError, LookupError, RecursionError) as exc:
        raise UnreadableInput(f"not a readable feed ({type(exc).__name__}: {exc})") from None


def add_source(
    library: Library,
    source: str,
    report: Report,
    *,
    fetch_full: bool = True,
    progress: Progress | None = None,
    feeds_only: bool = False,
) -> None:
    """Add one file, folder, page URL or feed (URL or file), reporting each result;
    with ``feeds_only``, a source that is not a feed is reported and not added."""
    from tread.core.sources import STDIN_NAME, known_for, read_bytes
    from tread.core.sources.files import collect_paths, readable_suffixes
    from tread.core.sources.registry import pick, read_article
    from tread.core.sources.url import fetch, is_url

    name = STDIN_NAME if source == "-" else source
    try:
        if source != "-" and not is_url(source) and Path(source).is_dir():
            paths = collect_paths([source])
            if not paths:
                kinds = ", ".join(sorted(readable_suffixes()))
                raise UnreadableInput(f"a folder with nothing readable in it (no {kinds} files)")
            for path in paths:
                add_source(library, path, report, fetch_full=fetch_full, progress=progress)
            return
        base = None
        if is_url(source):
            fetched = fetch(source)
            data, known, base = fetched.data, fetched.known(source), fetched.url
        else:
            data, known = read_bytes(source), known_for(source)
        reader = pick(data, known)
        if reader.feed is not None:
            with _one_feed():
                feed = reader.feed(data, known)
                key = source if is_url(source) else str(Path(source).resolve())
                feed_id, _ = library.add_feed(key, feed.title, fetch_full=fetch_full)
                stored = ingest_feed(
                    library,
                    feed_id,
                    feed,
                    fetch_full=fetch_full,
                    links=Links.of(source, base),
                    report=report,
                    progress=progress,
                )
            report(Outcome(name, f"feed {feed.title}: {_tally(feed, stored)}", new=stored.new))
            return
        if feeds_only:
            raise UnreadableInput("not a feed (nothing added)")
        article = read_article(data, known, reader)
        article_id, created = library.add(article)
        verb = "added" if created else "already in the library as"
        title = title_of(article, name)
        report(Outcome(name, f"{verb} #{article_id}: {title}", new=int(created)))
    except LibraryUnusable:
        raise
    except TreadError as exc:
        report(Outcome(name, str(exc), ok=False))


def import_feeds(
    library: Library,
    subscriptions: Iterable[Subscription],
    report: Report,
    *,
    fetch_full: bool = True,
    progress: Progress | None = None,
) -> None:
    """Add each feed of a subscription list as ``tread add URL`` adds it (remembered
    for refresh, its entries stored), reporting each; a URL that does not give a feed
    is reported and not added."""
    for sub in subscriptions:
        add_source(
            library, sub.url, report, fetch_full=fetch_full, progress=progress, feeds_only=True
        )


def refresh(
    library: Library,
    report: Report,
    progress: Callable[[], None] | None = None,
    entries: Progress | None = None,
) -> None:
    """Fetch every feed and add its new entries; a failing feed does not stop the rest
    (``progress`` is called after each feed, ``entries`` while one is stored)."""
    from tread.core.sources import read_bytes
    from tread.core.sources.feed import parse_feed
    from tread.core.sources.url import fetch, is_url

    for feed in library.feeds():
        url = feed["url"]
        try:
            fetched = fetch(url) if is_url(url) else None
            data = fetched.data if fetched else read_bytes(url)
            with _one_feed():
                parsed = parse_feed(data, charset=fetched.charset if fetched else None)
                stored = ingest_feed(
                    library,
                    feed["id"],
                    parsed,
                    fetch_full=bool(feed["fetch_full"]),
                    links=Links.of(url, fetched.url if fetched else None),
                    report=report,
                    progress=entries,
                )
            report(Outcome(url, f"{parsed.title}: {_tally(parsed, stored)}", new=stored.new))
        except LibraryUnusable:
            raise
        except TreadError as exc:
            report(Outcome(url, str(exc), ok=False))
        if progress is not None:
            progress()
