"""Putting sources into the library: files, folders, pages, and feeds' entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tread.core.analysis import title_of
from tread.core.article import Article
from tread.core.errors import TreadError
from tread.core.library import Library
from tread.core.sources.feed import Feed, FeedEntry


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    message: str
    ok: bool = True
    new: int = 0


Report = Callable[[Outcome], None]


def _entry_article(entry: FeedEntry, feed: Feed, fetch_full: bool) -> Article:
    """The entry as an article; a teaser is replaced by the linked page's main text."""
    if entry.teaser and fetch_full and entry.link:
        from tread.core.sources import load

        try:
            page = load(entry.link)
            return Article(text=page.text, source=feed.title, title=page.title or entry.title,
                           headings=page.headings, author=page.author or entry.author,
                           published=entry.published or page.published, link=entry.link)
        except TreadError:
            pass  # keep the teaser: better than nothing
    body = entry.text or entry.title
    text = f"{entry.title}\n\n{body}" if body != entry.title else entry.title
    return Article(text=text, source=feed.title, title=entry.title,
                   headings=((0, len(entry.title)),), author=entry.author,
                   published=entry.published, link=entry.link)


def ingest_feed(library: Library, feed_id: int, feed: Feed, *, fetch_full: bool) -> tuple[int, int]:
    """Add a feed's entries not yet in the library: (new, already known)."""
    new = known = 0
    for entry in feed.entries:
        if entry.link and library.db.execute(
                "SELECT 1 FROM articles WHERE link = ?", (entry.link,)).fetchone():
            known += 1
            continue
        _, created = library.add(_entry_article(entry, feed, fetch_full), feed_id=feed_id)
        new += created
        known += not created
    library.feed_refreshed(feed_id, feed.title)
    return new, known


def add_source(library: Library, source: str, report: Report, *,
               fetch_full: bool = True) -> None:
    """Add one file, folder, page URL or feed (URL or file), reporting each result."""
    from tread.core.files import collect_paths
    from tread.core.sources import STDIN_NAME, article_from, read_bytes
    from tread.core.sources.feed import FEED_SUFFIXES, looks_like_feed, parse_feed
    from tread.core.sources.url import fetch, is_url

    name = STDIN_NAME if source == "-" else source
    try:
        if source != "-" and not is_url(source) and Path(source).is_dir():
            for path in collect_paths([source]):
                add_source(library, path, report, fetch_full=fetch_full)
            return
        suffix = "" if source == "-" or is_url(source) else Path(source).suffix.lower()
        content_type = ""
        if is_url(source):
            fetched = fetch(source)
            data, content_type = fetched.data, fetched.content_type
        else:
            data = read_bytes(source)
        if suffix in FEED_SUFFIXES or looks_like_feed(data, content_type):
            feed = parse_feed(data)
            key = source if is_url(source) else str(Path(source).resolve())
            feed_id, _ = library.add_feed(key, feed.title, fetch_full=fetch_full)
            new, known = ingest_feed(library, feed_id, feed, fetch_full=fetch_full)
            report(Outcome(name, f"feed {feed.title}: {new} new, {known} already here",
                           new=new))
            return
        article = article_from(data, name, suffix=suffix, content_type=content_type,
                               url=source if is_url(source) else None)
        article_id, created = library.add(article)
        verb = "added" if created else "already in the library as"
        title = title_of(article, name)
        report(Outcome(name, f"{verb} #{article_id}: {title}", new=int(created)))
    except TreadError as exc:
        report(Outcome(name, str(exc), ok=False))


def refresh(library: Library, report: Report,
            progress: Callable[[], None] | None = None) -> None:
    """Fetch every feed and add its new entries; a failing feed does not stop the rest."""
    from tread.core.sources import read_bytes
    from tread.core.sources.feed import parse_feed
    from tread.core.sources.url import fetch, is_url

    for feed in library.feeds():
        url = feed["url"]
        try:
            data = fetch(url).data if is_url(url) else read_bytes(url)
            parsed = parse_feed(data)
            new, known = ingest_feed(library, feed["id"], parsed,
                                     fetch_full=bool(feed["fetch_full"]))
            report(Outcome(url, f"{parsed.title}: {new} new, {known} already here", new=new))
        except TreadError as exc:
            report(Outcome(url, str(exc), ok=False))
        if progress is not None:
            progress()
