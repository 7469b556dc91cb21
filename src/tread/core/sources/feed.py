"""RSS 0.9x/1.0/2.0, Atom and JSON Feed, with feedparser; XML entities refused.

A feed is decoded first (byte order mark, else the declared encoding, else the HTTP
charset, else UTF-8; an unknown encoding is refused in one line) and re-encoded as
UTF-8 with its declaration fixed, so the entity check and feedparser read the same
text whatever the encoding: a byte order mark or UTF-16 cannot hide a DOCTYPE from the
check, and multi-byte encodings (Shift_JIS, Big5...) never reach expat undecoded.
"""

from __future__ import annotations

import calendar
import codecs
import io
import re
from typing import Any, Final

from tread.core.errors import UnreadableInput
from tread.core.sources.feed_entries import (
    MAX_ENTRIES,
    TEASER_WORDS,
    Enclosure,
    Feed,
    FeedEntry,
    clean_link,
    make_entry,
    newest,
    one_line,
    timestamp,
)
from tread.core.sources.known import Known
from tread.core.text.sanitize import one_line_safe

__all__ = [
    "FEED_SUFFIXES",
    "FEED_TYPES",
    "MAX_ENTRIES",
    "TEASER_WORDS",
    "Feed",
    "FeedEntry",
    "looks_like_feed",
    "parse_feed",
    "read_feed",
]

FEED_TYPES: Final = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
)
FEED_SUFFIXES: Final = frozenset({".rss", ".atom", ".xml", ".rdf"})
#: the root element of a feed, after the prolog: a declaration, comments, processing
#: instructions and a DOCTYPE (with an internal subset: a feed that declares entities
#: must reach the feed reader, which refuses it, whether it came from a file or a URL)
_FEED_ROOT: Final = re.compile(
    r"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*<(?:[\w.-]+:)?(?:rss|feed|RDF)\b",
    re.DOTALL | re.IGNORECASE,
)
#: how much of the start of a document is read to find its root element
_SNIFF_CHARS: Final = 64 * 1024
_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_DECLARED: Final = re.compile(rb"""^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"'>]{1,60})["']""")
_DECLARATION: Final = re.compile(r"""^(<\?xml\s[^>]*?\bencoding\s*=\s*)(["'])[^"'>]*\2""")
#: codecs Python has that are not character sets a document can be written in
_NOT_CHARSETS: Final = frozenset(
    {"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined"}
)
#: characters XML 1.0 does not allow (NUL would also make feedparser guess UTF-16)
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: a DOCTYPE in the prolog (after the declaration, comments, processing instructions)
_DOCTYPE: Final = re.compile(r"(?:<\?xml[^>]*>)?(?:\s|<!--.*?-->|<\?.*?\?>)*<!DOCTYPE", re.DOTALL)
_ITEM: Final = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]")
#: an entry's date elements, the publication date first (as feedparser prefers it)
_DATES: Final = ("pubDate", "published", "date", "issued", "updated", "modified")


def _sniff(data: bytes) -> tuple[str | None, int]:
    """The encoding a byte order mark or the NUL pattern of '<' says, and the BOM's
    length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    head = data[:4]
    if len(head) == 4:
        if head[:3] == b"\0\0\0" and head[3]:
            return "utf-32-be", 0
        if head[0] and head[1:] == b"\0\0\0":
            return "utf-32-le", 0
        if head[0] == 0 and head[1] and head[2] == 0:
            return "utf-16-be", 0
        if head[0] and head[1] == 0 and head[3] == 0:
            return "utf-16-le", 0
    return None, 0


def _codec(name: str, what: str = "feed") -> str:
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise UnreadableInput(
            f"the {what} declares an unknown encoding ({one_line_safe(name)!r})"
        ) from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        raise UnreadableInput(
            f"the {what} declares an encoding that is not a character set ({one_line_safe(name)!r})"
        )
    return info.name


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def decode_feed(data: bytes, content_type: str = "", what: str = "feed") -> str:
    """The text of an XML document (a feed; ``what`` names it in messages): byte order
    mark, else declared encoding, else HTTP charset, else UTF-8 (Windows-1252 when that
    fails and nothing was declared)."""
    sniffed, skip = _sniff(data)
    body = data[skip:]
    declared = None
    if sniffed is None:
        match = _DECLARED.match(body[:1024])
        declared = match.group(1).decode("ascii", "replace") if match else None
        if declared and _codec(declared, what).startswith(("utf-16", "utf-32")):
            declared = None  # 8-bit bytes that claim UTF-16: the declaration is wrong
    charset = _charset(content_type)
    encoding = _codec(sniffed or declared or charset or "utf-8", what)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        text = _lenient(body, encoding, named=bool(sniffed or declared or charset))
    except ValueError as exc:  # a codec that fails on its own terms
        raise UnreadableInput(f"the {what} cannot be decoded as {encoding} ({exc})") from None
    return _NOT_XML.sub("", text.lstrip("\ufeff \t\r\n"))


def _lenient(body: bytes, encoding: str, *, named: bool) -> str:
    """Bytes that are not in the encoding a feed names: often UTF-8 all along (else
    Windows-1252 when nothing was named, else the named one with replacements)."""
    if encoding != "utf-8":
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return body.decode(encoding if named else "cp1252", errors="replace")


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Whether ``data`` is a feed by what it says (its root element, or a JSON Feed's
    version URL), or by the feed media type ``content_type`` names."""
    if content_type.startswith(FEED_TYPES):
        return True
    encoding, skip = _sniff(data)
    head = data[skip : skip + _SNIFF_CHARS].decode(encoding or "utf-8", "ignore")
    if _FEED_ROOT.match(head):
        return True
    start = head.lstrip()[:4096]
    return start.startswith("{") and "jsonfeed.org" in start


def _refuse_entities(text: str, utf8: bytes) -> None:
    """Entity declarations (billion laughs) and external entities (XXE) are refused
    before any parser sees them, in well-formed and malformed XML alike."""
    root = re.search(r"<[A-Za-z_:]", text)
    if "<!ENTITY" in text[: root.start() if root else len(text)] or (
        _DOCTYPE.match(text) and "<!ENTITY" in text
    ):
        raise UnreadableInput(
            "the feed declares XML entities; refused (entity expansion "
            "and external entities are unsafe)"
        )
    import xml.etree.ElementTree as ET

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    try:
        for _ in iterparse(
            io.BytesIO(utf8),
            events=("start",),
            forbid_dtd=False,
            forbid_entities=True,
            forbid_external=True,
        ):
            break  # entities are declared before the root element: the rest is feedparser's
    except DefusedXmlException:
        raise UnreadableInput(
            "the feed declares XML entities; refused (entity expansion "
            "and external entities are unsafe)"
        ) from None
    except ET.ParseError:
        return


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _entries_pass(utf8: bytes, keep: set[int] | None) -> tuple[list[float | None], Any]:
    """One lxml pass over the feed's entries (items or entries, children or grandchildren
    of the root). Without ``keep``: each entry's date, and each entry dropped once read;
    with it: the entries not kept dropped as they end. Memory holds the kept entries only.
    Returns the dates and the root of what is left."""
    from lxml import etree

    events = etree.iterparse(
        io.BytesIO(utf8),
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    times: list[float | None] = []
    index = 0
    for _, element in events:
        parent = element.getparent()
        if (
            _local(element.tag) not in ("item", "entry")
            or parent is None
            or (parent.getparent() is not None and parent.getparent().getparent() is not None)
        ):
            continue
        if keep is None:
            dates = {_local(c.tag): c.text for c in element if _local(c.tag) in _DATES}
            times.append(next((timestamp(dates[t]) for t in _DATES if t in dates), None))
        if keep is None or index not in keep:
            parent.remove(element)
        index += 1
    return times, events.root


def _trim(utf8: bytes) -> tuple[bytes, int]:
    """A feed of more than MAX_ENTRIES entries cut to the newest before feedparser reads
    it (lxml reads 100,000 entries in a fraction of the time feedparser takes): one pass
    for the dates, one to keep the chosen entries. XML that lxml cannot read is left
    whole, to feedparser's loose mode and the cap after it."""
    from lxml import etree

    try:
        times, _ = _entries_pass(utf8, None)
        keep = set(newest(times, MAX_ENTRIES))
        _, root = _entries_pass(utf8, keep)
    except etree.XMLSyntaxError:
        return utf8, 0
    return etree.tostring(root.getroottree(), encoding="utf-8", xml_declaration=True), (
        len(times) - len(keep)
    )


def _when(entry: Any) -> float | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return float(calendar.timegm(parsed)) if parsed else None
    except (TypeError, ValueError, OverflowError):
        return None


def read_feed(data: bytes, known: Known) -> Feed:
    """The feed reader of the source registry."""
    return parse_feed(data, charset=known.charset)


def parse_feed(data: bytes, *, content_type: str = "", charset: str | None = None) -> Feed:
    """The feed in ``data``; ``charset`` (or the one ``content_type`` names) is the
    HTTP header's. Links are kept as given; ``teasers.Links`` resolves them against the
    feed's URL."""
    if charset:
        content_type = f"application/xml; charset={charset}"
    text = decode_feed(data, content_type)
    if text.startswith("{"):
        from tread.core.sources.feed_json import json_feed

        return json_feed(text)  # feedparser 6.0 reads XML feeds only
    text = _DECLARATION.sub(r'\g<1>"utf-8"', text, count=1)
    utf8 = text.encode("utf-8")
    _refuse_entities(text, utf8)
    del text  # a copy of the feed less while lxml and feedparser read it
    older = 0
    if sum(1 for _ in _ITEM.finditer(utf8)) > MAX_ENTRIES:
        utf8, older = _trim(utf8)
    import feedparser

    headers = {"content-type": "application/xml; charset=utf-8"}
    try:
        parsed: Any = feedparser.parse(
            utf8, response_headers=headers, sanitize_html=True, resolve_relative_uris=True
        )
    except (ValueError, LookupError, RecursionError) as exc:
        raise UnreadableInput(f"not a readable feed ({exc})") from None
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        found = parsed.get("version") or parsed.get("feed", {}).get("title")
        raise UnreadableInput(
            "not a readable feed" + (f" ({reason})" if reason and not found else " (no entries)")
        )
    chosen = newest([_when(e) for e in parsed.entries], MAX_ENTRIES)
    entries: list[FeedEntry] = []
    empty = 0
    for index in chosen:
        entry = _entry(parsed.entries[index])
        if entry is None:
            empty += 1
        else:
            entries.append(entry)
    feed = parsed.get("feed", {})
    title = one_line(feed.get("title"), 500) or "untitled feed"
    return Feed(
        title,
        clean_link(feed.get("link")),
        tuple(entries),
        older=older + len(parsed.entries) - len(chosen),
        empty=empty,
    )


def _entry(e: Any) -> FeedEntry | None:
    content = e.get("content") or []
    html = content[0].get("value", "") if content else e.get("summary", "")
    enclosures = [
        Enclosure(x.get("href"), x.get("type"), x.get("length"))
        for x in e.get("enclosures") or []
        if hasattr(x, "get")
    ]
    return make_entry(
        title=e.get("title"),
        link=e.get("link"),
        guid=e.get("id"),
        published=e.get("published") or e.get("updated"),
        author=e.get("author"),
        html=html,
        enclosures=enclosures,
    )
