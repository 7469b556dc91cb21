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
from tread.core.teasers import Links, entry_article, fetch_pages


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    message: str
    ok: bool = True
    new: int = 0


Report = Callable[[Outcome], None]


def _entry_articles(feed: Feed, entries: list[tuple[FeedEntry, str | None]], links: Links,
                    fetch_full: bool) -> list[tuple[Article, str | None]]:
    """Each entry as an article, with why a teaser was kept (its link refused, failed or
    late); teaser pages are fetched together, as ``teasers`` allows."""
    wanted = [e.link for e, _ in entries if fetch_full and e.teaser and e.link]
    pages = fetch_pages(wanted, links) if wanted else {}
    articles = []
    for entry, refused in entries:
        page = pages.get(entry.link) if entry.link else None
        why = page if isinstance(page, str) else refused
        kept = why if fetch_full and entry.teaser else None
        articles.append((entry_article(entry, feed.title,
                                       page if isinstance(page, Article) else None), kept))
    return articles


def ingest_feed(library: Library, feed_id: int, feed: Feed, *, fetch_full: bool,
                links: Links | None = None, report: Report | None = None) -> tuple[int, int]:
    """Add a feed's entries not yet in the library: (new, already known).

    ``links`` says how the feed's links are followed (by default: absolute public
    http(s) links only); ``report`` hears, for each new entry that kept its teaser, why.
    """
    links = links or Links()
    new = known = 0
    fresh = []
    for entry, refused in map(links.resolve, feed.entries):
        if entry.link and library.db.execute(
                "SELECT 1 FROM articles WHERE link = ?", (entry.link,)).fetchone():
            known += 1
            continue
        fresh.append((entry, refused))
    for article, kept in _entry_articles(feed, fresh, links, fetch_full):
        _, created = library.add(article, feed_id=feed_id)
        new += created
        known += not created
        if created and kept and report is not None:
            title = article.title or ""
            title = title if len(title) <= 60 else title[:59] + "…"
            report(Outcome(feed.title, f"kept the teaser of {title!r}: {kept}"))
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
        content_type, base, charset = "", None, None
        if is_url(source):
            fetched = fetch(source)
            data, content_type = fetched.data, fetched.content_type
            base, charset = fetched.url, fetched.charset
        else:
            data = read_bytes(source)
        if suffix in FEED_SUFFIXES or looks_like_feed(data, content_type):
            feed = parse_feed(data)
            key = source if is_url(source) else str(Path(source).resolve())
            feed_id, _ = library.add_feed(key, feed.title, fetch_full=fetch_full)
            new, known = ingest_feed(library, feed_id, feed, fetch_full=fetch_full,
                                     links=Links.of(source, base), report=report)
            report(Outcome(name, f"feed {feed.title}: {new} new, {known} already here",
                           new=new))
            return
        article = article_from(data, name, suffix=suffix, content_type=content_type,
                               url=source if is_url(source) else None, charset=charset)
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
            fetched = fetch(url) if is_url(url) else None
            data = fetched.data if fetched else read_bytes(url)
            parsed = parse_feed(data)
            new, known = ingest_feed(library, feed["id"], parsed,
                                     fetch_full=bool(feed["fetch_full"]),
                                     links=Links.of(url, fetched.url if fetched else None),
                                     report=report)
            report(Outcome(url, f"{parsed.title}: {new} new, {known} already here", new=new))
        except TreadError as exc:
            report(Outcome(url, str(exc), ok=False))
        if progress is not None:
            progress()
