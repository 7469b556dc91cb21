"""The one table of source formats, and the one dispatcher every input goes through.

A reader takes bytes plus what is known about them (``Known``: a name, a suffix, the
media type and charset a server gave, the URL) and returns an Article (or, for an
incremental one, a series of ``Part``s; for a feed, a ``Feed``). ``pick`` chooses it:

1. what the bytes say for certain (magic numbers, a feed's or a page's root element),
2. the media type a server gave,
3. the file's suffix,
4. a weaker look at the bytes (a page without a doctype),
5. plain text.

``tread summarize``/``entities`` (``load``), ``tread add`` (``store.ingest``) and the
reader all go through here. Adding a format is its module and one ``Reader`` line in
READERS; folders are then searched for its suffixes too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Final

from tread.core.article import Article
from tread.core.errors import EmptyDocument, UnreadableInput
from tread.core.sources import epub, feed, html, opml, pdf, plaintext
from tread.core.sources.feed_entries import Feed
from tread.core.sources.known import Known, Part
from tread.core.sources.textbuild import normalized

ArticleReader = Callable[[bytes, Known], Article]
PartsReader = Callable[[bytes, Known], Iterator[Part]]
FeedReader = Callable[[bytes, Known], Feed]


@dataclass(frozen=True, slots=True)
class Reader:
    """One source format: how it is recognised and what reads it."""

    name: str
    suffixes: frozenset[str] = frozenset()
    media_types: tuple[str, ...] = ()
    #: True when the bytes certainly are this format (checked before anything else)
    magic: Callable[[bytes], bool] | None = None
    #: a weaker look, asked only when neither the media type nor the suffix decided
    looks: Callable[[bytes], bool] | None = None
    article: ArticleReader | None = None
    #: an incremental reader (the first text soon, the rest as it is read)
    parts: PartsReader | None = None
    #: a reader of many articles: a feed's entries
    feed: FeedReader | None = None
    #: why the format is not an article to read, when it is none (``load`` says this)
    refusal: str | None = None


READERS: Final[list[Reader]] = [
    Reader(
        "pdf",
        frozenset({".pdf"}),
        ("application/pdf", "application/x-pdf"),
        magic=pdf.is_pdf,
        parts=pdf.read_pdf_parts,
    ),
    Reader(
        "epub",
        frozenset({".epub"}),
        ("application/epub+zip",),
        magic=epub.is_epub,
        article=epub.read_epub,
    ),
    Reader(
        "feed",
        feed.FEED_SUFFIXES,
        (*feed.FEED_TYPES, "application/xml", "text/xml"),
        magic=feed.looks_like_feed,
        feed=feed.read_feed,
        refusal="a feed, not an article: add it with 'tread add' to read its entries",
    ),
    Reader(
        "opml",
        frozenset({".opml"}),
        ("text/x-opml", "application/opml+xml"),
        magic=opml.looks_like_opml,
        refusal="a subscription list (OPML), not an article: import its feeds with "
        "'tread feeds import'",
    ),
    Reader(
        "html",
        frozenset({".html", ".htm", ".xhtml"}),
        ("text/html", "application/xhtml+xml"),
        magic=html.starts_as_html,
        looks=html.looks_like_html,
        article=html.read_html,
    ),
    Reader(
        "markdown",
        frozenset({".md", ".markdown"}),
        ("text/markdown", "text/x-markdown"),
        article=plaintext.read_markdown,
    ),
    Reader("text", frozenset({".txt"}), ("text/plain",), article=plaintext.read_text),
]


def _text_reader() -> Reader:
    return next(r for r in READERS if r.name == "text")


def readable_suffixes() -> frozenset[str]:
    """The suffixes of the files a folder is searched for."""
    return frozenset(s for r in READERS for s in r.suffixes)


def media_types() -> tuple[str, ...]:
    """The media types some reader reads (a download of any other type is refused)."""
    return tuple(t for r in READERS for t in r.media_types)


def pick(data: bytes, known: Known) -> Reader:
    """The reader for ``data``: see the module's docstring for the order."""
    readers = list(READERS)
    for reader in readers:
        if reader.magic is not None and reader.magic(data):
            return reader
    if known.media_type:
        for reader in readers:
            if known.media_type in reader.media_types:
                return reader
    if known.suffix:
        for reader in readers:
            if known.suffix in reader.suffixes:
                return reader
    for reader in readers:
        if reader.looks is not None and reader.looks(data):
            return reader
    return _text_reader()


def read_parts(data: bytes, known: Known, reader: Reader | None = None) -> Iterator[Part]:
    """The article in ``data`` as it is read: one Part, or (from an incremental reader)
    several, each a prefix of the next; the last is complete. Raises UnreadableInput
    (with the reader's refusal for a feed or a subscription list) or EmptyDocument."""
    reader = reader or pick(data, known)
    if reader.parts is not None:
        parts = reader.parts(data, known)
    elif reader.article is not None:
        parts = iter([Part(reader.article(data, known))])
    else:
        raise UnreadableInput(reader.refusal or f"not an article ({reader.name})")
    for part in parts:
        article = _entered(part.article, known)
        if not article.text.strip():
            if part.complete:
                raise EmptyDocument("no text once the markup is removed")
            continue
        yield replace(part, article=article)


def read_article(data: bytes, known: Known, reader: Reader | None = None) -> Article:
    """The whole article in ``data`` (an incremental reader is read to its end)."""
    last = deque(read_parts(data, known, reader), maxlen=1)
    return last[0].article  # read_parts yields at least once, or raises


def _entered(article: Article, known: Known) -> Article:
    """What every article gets where it enters, whichever reader made it: composed
    characters (NFC, heading offsets moved to match) and the URL it came from."""
    text, headings = normalized(article.text, article.headings)
    if text is not article.text:
        article = replace(article, text=text, headings=headings)
    if known.url is not None and article.link is None:
        article = replace(article, link=known.url)
    return article
