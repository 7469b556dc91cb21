"""Rows of the library's articles table: the duplicate check, a feed entry's lookup,
insert and in-place update, all run inside the caller's write transaction."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass

from tread.core.article import Article


@dataclass(frozen=True, slots=True)
class FeedItem:
    """A feed entry to store: its identity in the feed, a digest of what the feed said
    about it, and the article made from it (None: unchanged, only record the identity)."""

    guid: str | None
    link: str | None
    entry_hash: str
    article: Article | None = None


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
        "INSERT INTO articles(hash, link, source, feed_id, title, author, published, added,"
        " words, text, headings, guid, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
