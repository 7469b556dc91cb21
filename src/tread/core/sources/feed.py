"""RSS 0.9x/1.0/2.0, Atom and JSON Feed, with feedparser; XML entities refused."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from tread.core.errors import UnreadableInput
from tread.core.sanitize import sanitize

FEED_TYPES: Final = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                     "application/feed+json")
FEED_SUFFIXES: Final = frozenset({".rss", ".atom", ".xml", ".rdf"})
#: an entry with fewer words than this is a teaser: the full article is fetched
TEASER_WORDS: Final = 150
_FEED_START: Final = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b",
                                re.DOTALL)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    link: str | None
    published: str | None
    author: str | None
    text: str  # plain text of the entry's content or summary
    teaser: bool


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    link: str | None
    entries: tuple[FeedEntry, ...]


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    if content_type.startswith(FEED_TYPES):
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if _FEED_START.match(head):
        return True
    return head.lstrip().startswith(b"{") and b"jsonfeed.org" in head


def _refuse_entities(data: bytes) -> None:
    """Entity declarations (billion laughs) and external entities (XXE) are refused
    before any parser sees them; malformed XML is left to feedparser's loose mode."""
    if data.lstrip()[:1] != b"<":
        return
    import xml.etree.ElementTree as ET

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise UnreadableInput("the feed declares XML entities; refused (entity expansion "
                              "and external entities are unsafe)") from None
    except ET.ParseError:
        return


def _plain(html: str) -> str:
    """Text of an HTML fragment: lxml drops scripts, styles and tags."""
    if "<" not in html:
        return sanitize(" ".join(html.split()))
    import lxml.html
    from lxml.html.clean import Cleaner

    try:
        tree = lxml.html.fromstring(html)
        tree = Cleaner(scripts=True, javascript=True, style=True, comments=True).clean_html(tree)
        paragraphs = [" ".join(block.text_content().split())
                      for block in tree.iter("p", "li", "blockquote", "h1", "h2", "h3")]
        text = "\n\n".join(p for p in paragraphs if p) or " ".join(tree.text_content().split())
    except (ValueError, TypeError, lxml.etree.ParserError):
        return ""
    return sanitize(text)


def _entry(title: str, link: str | None, published: str | None, author: str | None,
           html: str) -> FeedEntry:
    text = _plain(html or "")
    title = sanitize(" ".join((title or "").split())) or (text[:80] or "untitled")
    return FeedEntry(title, link, published, sanitize(author or "") or None, text,
                     teaser=len(text.split()) < TEASER_WORDS)


def _json_feed(data: bytes) -> Feed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1)."""
    import json

    try:
        doc = json.loads(data.decode("utf-8-sig"))
        items = doc["items"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise UnreadableInput(f"not a readable JSON Feed ({exc})") from None
    if not isinstance(items, list) or not items:
        raise UnreadableInput("not a readable feed (no entries)")
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        author = authors[0].get("name") if authors and isinstance(authors[0], dict) else None
        html = item.get("content_html") or item.get("content_text") or item.get("summary", "")
        entries.append(_entry(str(item.get("title") or ""),
                              item.get("url") or item.get("external_url"),
                              item.get("date_published"), author, str(html)))
    title = sanitize(" ".join(str(doc.get("title") or "").split())) or "untitled feed"
    return Feed(title, doc.get("home_page_url"), tuple(entries))


def parse_feed(data: bytes) -> Feed:
    import feedparser

    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        return _json_feed(data)  # feedparser 6.0 reads XML feeds only
    _refuse_entities(data)
    parsed: Any = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise UnreadableInput("not a readable feed" + (f" ({reason})" if reason else
                                                        " (no entries)"))
    entries = []
    for e in parsed.entries:
        content = e.get("content") or []
        html = content[0].get("value", "") if content else e.get("summary", "")
        entries.append(_entry(e.get("title") or "", e.get("link"),
                              e.get("published") or e.get("updated"), e.get("author"), html))
    feed = parsed.get("feed", {})
    title = sanitize(" ".join((feed.get("title") or "").split())) or "untitled feed"
    return Feed(title, feed.get("link"), tuple(entries))
