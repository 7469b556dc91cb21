"""A feed's entries as tread keeps them, whatever the format gave: every field checked
for its type, made one safe line (no escape bytes reach a terminal or ``jq -r``), links
free of control characters (``teasers.Links`` then keeps only absolute http(s) ones), at
most MAX_ENTRIES entries (the newest) per feed."""

from __future__ import annotations

import email.utils
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Final
from urllib.parse import urlsplit

from tread.core.sources.textbuild import one_paragraph
from tread.core.text.sanitize import one_line_safe, sanitize

#: an entry with fewer words than this is a teaser: the full article is fetched
TEASER_WORDS: Final = 150
#: entries taken from one feed (the newest); the rest are counted and skipped, so a
#: feed of 100,000 entries costs seconds, not minutes
MAX_ENTRIES: Final = 1000
_MAX_LINK: Final = 2048
_MAX_ENCLOSURES: Final = 5


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    link: str | None
    published: str | None
    author: str | None
    text: str  # plain text of the entry's content or summary
    teaser: bool
    guid: str | None = None  # the entry's id in its feed (RSS guid, Atom id, JSON id)


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    link: str | None
    entries: tuple[FeedEntry, ...]
    older: int = 0  # entries beyond MAX_ENTRIES, not taken
    empty: int = 0  # entries with nothing to read (no title, text or enclosure), skipped


@dataclass(frozen=True, slots=True)
class Enclosure:
    url: object
    kind: object = None
    size: object = None


def one_line(value: object, limit: int) -> str | None:
    """A text field as one safe line, or None when it is missing or not text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return one_line_safe(value[: limit * 4])[:limit] or None


def raw_link(value: object) -> str | None:
    """A feed's link as it was given, when it can be one: text without control
    characters or spaces (an escape byte in a link is not a link). Resolving it and
    refusing what is not http(s) is ``teasers.Links``' work, which says why."""
    if not isinstance(value, str):
        return None
    link = value.strip()
    if (
        not link
        or len(link) > _MAX_LINK
        or sanitize(link) != link
        or any(c.isspace() for c in link)
    ):
        return None
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return None  # 'http://' or 'http:/x': urljoin would make it the feed's own host
    return link


def clean_link(value: object) -> str | None:
    """An absolute http(s) URL with a host, else None (for links shown, never fetched:
    a feed's home page, an enclosure)."""
    link = raw_link(value)
    if link is None:
        return None
    try:
        parts = urlsplit(link)
        host = parts.hostname
    except ValueError:
        return None
    return link if parts.scheme.lower() in ("http", "https") and host else None


def timestamp(value: object) -> float | None:
    """Seconds since the epoch for an RFC 822 or ISO 8601 date, else None."""
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    text = value.strip()
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return when.timestamp()
    except (OverflowError, ValueError, OSError):
        return None


def newest(times: Sequence[float | None], cap: int = MAX_ENTRIES) -> list[int]:
    """Indices of the ``cap`` entries to take, in feed order: the newest by date when
    every entry has one, else the first (feeds list the newest first)."""
    if len(times) <= cap:
        return list(range(len(times)))
    if all(t is not None for t in times):
        order = sorted(range(len(times)), key=lambda i: -(times[i] or 0.0))
        return sorted(order[:cap])
    return list(range(cap))


def plain(html: object) -> str:
    """Text of an entry's HTML, paragraph by paragraph (see ``blocks``)."""
    if not isinstance(html, str):
        return ""
    if "<" not in html and "&" not in html:
        return one_paragraph(html)
    from tread.core.sources.blocks import html_fragment_text

    return html_fragment_text(html)


def _enclosure_lines(enclosures: Sequence[Enclosure]) -> list[str]:
    lines = []
    for enclosure in enclosures[:_MAX_ENCLOSURES]:
        url = clean_link(enclosure.url)
        if url is None:
            continue
        details = [d for d in (one_line(enclosure.kind, 80), _size(enclosure.size)) if d]
        lines.append(f"Enclosure: {url}" + (f" ({', '.join(details)})" if details else ""))
    return lines


def _size(value: object) -> str | None:
    try:
        size = int(str(value))
    except ValueError:
        return None
    return f"{size / 1e6:.1f} MB" if size > 0 else None


def make_entry(
    *,
    title: object,
    link: object,
    guid: object,
    published: object,
    author: object,
    html: object,
    enclosures: Sequence[Enclosure] = (),
) -> FeedEntry | None:
    """The entry, or None when it has nothing to read. An entry with no text but an
    enclosure (a podcast episode) says what the enclosure is and where."""
    text = plain(html)
    name = one_line(title, 500)
    if not text:
        lines = _enclosure_lines(enclosures)
        text = "\n\n".join(lines)
        if lines and not name:
            path = urlsplit(lines[0].split()[1]).path
            name = PurePosixPath(path).name or urlsplit(lines[0].split()[1]).netloc
    elif not name:
        name = one_line(text[:80], 80)
    if not name and not text:
        return None
    return FeedEntry(
        name or "untitled",
        raw_link(link),
        one_line(published, 64),
        one_line(author, 200),
        text,
        teaser=len(text.split()) < TEASER_WORDS,
        guid=one_line(guid, 1000),
    )
