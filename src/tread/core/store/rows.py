"""Rows of the library's articles table: the duplicate check, a feed entry's lookup,
insert and in-place update, all run inside the caller's write transaction."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from tread.core.article import Article
from tread.core.text.titles import title_of


@dataclass(frozen=True, slots=True)
class FeedItem:
    """A feed entry to store: its identity in the feed, a digest of what the feed said
    about it, and the article made from it (None: unchanged, only record the identity)."""

    guid: str | None
    link: str | None
    entry_hash: str
    article: Article | None = None


@dataclass(frozen=True, slots=True)
class Stored:
    new: int = 0
    known: int = 0
    updated: int = 0
    written: tuple[int, ...] = ()  # indices of the items inserted or updated
    removed: int = 0  # entries removed from the library before: kept out


def content_hash(text: str) -> str:
    """The same for texts that differ only in case and white space."""
    normal = " ".join(text.split()).casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def duplicate(
    db: sqlite3.Connection, digest: str, link: str | None, other_than: int | None = None
) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute(
        "SELECT id FROM articles WHERE (hash = ? OR (? IS NOT NULL AND link = ?)) AND id IS NOT ?",
        (digest, link, link, other_than),
    ).fetchone()
    return row


def find_entry(
    db: sqlite3.Connection, feed_id: int, guid: str | None, link: str | None
) -> tuple[int, str | None] | None:
    row = None
    if guid:
        row = db.execute(
            "SELECT id, entry_hash FROM articles WHERE feed_id = ? AND guid = ?", (feed_id, guid)
        ).fetchone()
    if row is None and link:
        row = db.execute("SELECT id, entry_hash FROM articles WHERE link = ?", (link,)).fetchone()
    return (int(row[0]), row[1]) if row is not None else None


#: past every id in use and every id removed: an id is never given twice
_NEXT_ID: Final = (
    "(SELECT max(coalesce((SELECT max(id) FROM articles), 0),"
    " coalesce((SELECT value FROM id_floor WHERE k = 0), 0)) + 1)"
)


def removed_entries(
    db: sqlite3.Connection, feed_id: int, keys: Sequence[tuple[str | None, str | None]]
) -> list[bool]:
    """For each (guid, link) of a feed's entries: was it removed from the library?"""
    rows = db.execute(
        "SELECT guid, link FROM removed_entries WHERE feed_id = ?", (feed_id,)
    ).fetchall()
    guids = {r[0] for r in rows if r[0]}
    links = {r[1] for r in rows if r[1]}
    return [bool(guid and guid in guids) or bool(link and link in links) for guid, link in keys]


def insert(
    db: sqlite3.Connection,
    article: Article,
    digest: str,
    heading: str,
    source: str | None,
    feed_id: int | None,
    guid: str | None,
    entry_hash: str | None,
) -> int:
    cur = db.execute(
        "INSERT INTO articles(id, hash, link, source, feed_id, title, author, published, added,"
        f" words, text, headings, guid, entry_hash) VALUES ({_NEXT_ID},?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            digest,
            article.link or None,
            source or article.source,
            feed_id,
            heading,
            article.author,
            article.published,
            time.time(),
            len(article.text.split()),
            article.text,
            json.dumps(article.headings),
            guid,
            entry_hash,
        ),
    )
    return int(cur.lastrowid or 0)


def update(
    db: sqlite3.Connection,
    article_id: int,
    article: Article,
    digest: str,
    heading: str,
    item: FeedItem,
) -> None:
    db.execute(
        "UPDATE articles SET hash = ?, link = coalesce(?, link), title = ?, author = ?,"
        " published = ?, words = ?, text = ?, headings = ?, guid = ?, entry_hash = ?"
        " WHERE id = ?",
        (
            digest,
            article.link or None,
            heading,
            article.author,
            article.published,
            len(article.text.split()),
            article.text,
            json.dumps(article.headings),
            item.guid,
            item.entry_hash,
            article_id,
        ),
    )


def store_feed_items(db: sqlite3.Connection, feed_id: int, items: Sequence[FeedItem]) -> Stored:
    """Add or update a feed's entries, inside the caller's write transaction."""
    new = known = updated = 0
    written: list[int] = []
    for index, item in enumerate(items):
        found = find_entry(db, feed_id, item.guid, item.link)
        if item.article is None or (found is not None and found[1] in (item.entry_hash, None)):
            if found is not None and found[1] is None:  # stored by an older tread
                db.execute(
                    "UPDATE articles SET guid = ?, entry_hash = ? WHERE id = ?",
                    (item.guid, item.entry_hash, found[0]),
                )
            known += 1
            continue
        article = item.article
        digest = content_hash(article.text)
        heading = article.title or title_of(article, article.source)
        if found is None:
            if duplicate(db, digest, article.link or None) is not None:
                known += 1
            else:
                insert(db, article, digest, heading, None, feed_id, item.guid, item.entry_hash)
                new += 1
                written.append(index)
        elif duplicate(db, digest, article.link or None, other_than=found[0]):
            # the edit would make it a copy of another article: keep it as it is
            db.execute(
                "UPDATE articles SET entry_hash = ? WHERE id = ?",
                (item.entry_hash, found[0]),
            )
            known += 1
        else:
            update(db, found[0], article, digest, heading, item)
            updated += 1
            written.append(index)
    return Stored(new, known, updated, tuple(written))


#: the largest id SQLite stores (ids outside it are refused before any query)
MAX_ID: Final = 2**63 - 1


def checked_id(article_id: int) -> int:
    """An id SQLite can take (a larger one can name no article)."""
    return article_id if -MAX_ID <= article_id <= MAX_ID else 0


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: each a quoted prefix term, all required."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"*' for w in words) or '""'


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    title: str
    source: str
    link: str | None
    author: str | None
    published: str | None
    added: float
    words: int
    read: bool
    starred: bool
    feed: str | None = None
