"""The full article behind a feed entry that is only a teaser, fetched as the feed allows.

A feed is someone else's data: its links are followed only as absolute http(s) URLs
(relative ones resolved against the feed's own URL), through ``load_url``, which never
reads a path, '-', a device or a FIFO. Whether they may lead to private or loopback
addresses is decided once for the feed (``Links.of``): only when the feed itself is on
one. Pages are fetched ``WORKERS`` at a time, each within TREAD_TIMEOUT, and all of them
within TREAD_FEED_TIMEOUT; an entry whose page is refused, fails or is late keeps the
feed's own text.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import Final

from tread.core.article import Article
from tread.core.envvars import env_number
from tread.core.errors import TreadError
from tread.core.sources.feed import FeedEntry

#: teaser pages fetched at once: enough to hide latency, few enough to be polite
WORKERS: Final = 4
DEFAULT_FEED_TIMEOUT: Final = 60.0


def feed_timeout() -> float:
    """Seconds all of one feed's teaser pages may take (TREAD_FEED_TIMEOUT)."""
    return env_number("TREAD_FEED_TIMEOUT", DEFAULT_FEED_TIMEOUT, unit="seconds", maximum=3600)


@dataclass(frozen=True, slots=True)
class Links:
    """How one feed's links are followed."""

    base: str | None = None  # the feed's URL (after redirects), for relative links
    allow_private: bool = False  # the feed is itself on a private or loopback address

    @classmethod
    def of(cls, source: str | None, final_url: str | None = None) -> Links:
        """For a feed read from ``source`` (a URL or a path), fetched from ``final_url``.
        A feed read from a file has no address: its links must be absolute and may not
        lead to private addresses."""
        from tread.core.sources import url

        if not source or not url.is_url(source):
            return cls()
        return cls(final_url or source, url.private_allowed_for(source))

    def resolve(self, entry: FeedEntry) -> tuple[FeedEntry, str | None]:
        """``entry`` with its link made an absolute http(s) URL, or with no link and the
        reason it was dropped (a path, '-', file:, javascript: ... is data, not a link)."""
        from tread.core.sources.url import absolute_http

        if not entry.link or not isinstance(entry.link, str):
            return replace(entry, link=None), None
        try:
            return replace(entry, link=absolute_http(entry.link, self.base)), None
        except TreadError as exc:
            return replace(entry, link=None), str(exc)


def fetch_pages(urls: Iterable[str], links: Links) -> dict[str, Article | str]:
    """The page at each URL, or the one-line reason it was not read."""
    from tread.core.sources import load_url

    budget = feed_timeout()
    deadline = time.monotonic() + budget
    late = f"not fetched within the feed's {budget:g} s (TREAD_FEED_TIMEOUT)"

    def page(url: str) -> Article | str:
        try:
            return load_url(url, allow_private=links.allow_private, deadline=deadline)
        except TreadError as exc:
            return late if time.monotonic() >= deadline else str(exc)

    pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="tread-teaser")
    try:
        futures: dict[str, Future[Article | str]] = {
            url: pool.submit(page, url) for url in dict.fromkeys(urls)
        }
        done, _ = wait(futures.values(), timeout=max(0.0, deadline - time.monotonic()))
        return {url: future.result() if future in done else late for url, future in futures.items()}
    finally:
        # a page still being parsed finishes on its own; its result is not waited for
        pool.shutdown(wait=False, cancel_futures=True)


def entry_article(entry: FeedEntry, feed_title: str, page: Article | None) -> Article:
    """The entry as an article: the linked page's main text when it was fetched,
    otherwise the feed's own text for it."""
    if page is not None:
        return Article(
            text=page.text,
            source=feed_title,
            title=page.title or entry.title,
            headings=page.headings,
            author=page.author or entry.author,
            published=entry.published or page.published,
            link=entry.link,
        )
    body = entry.text or entry.title
    text = f"{entry.title}\n\n{body}" if body != entry.title else entry.title
    return Article(
        text=text,
        source=feed_title,
        title=entry.title,
        headings=((0, len(entry.title)),),
        author=entry.author,
        published=entry.published,
        link=entry.link,
    )
