"""The library: articles and feeds in an embedded SQLite database.

WAL mode, one transaction per write, versioned migrations (PRAGMA user_version),
full-text search with FTS5, and an analysis cache keyed by content and versions.
A second process (a refresh while the reader is open) works through SQLite's locking.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from tread.core.analysis import title_of
from tread.core.article import Article
from tread.core.errors import TreadError

SCHEMA_VERSION: Final = 2


class LibraryError(TreadError):
    """The library database cannot be opened or written."""


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


def default_path() -> Path:
    override = os.environ.get("TREAD_LIBRARY")
    if override:
        return Path(override).expanduser()
    from tread.core.locations import data_dir

    return data_dir() / "library.sqlite3"


def content_hash(text: str) -> str:
    """The same for texts that differ only in case and white space."""
    normal = " ".join(text.split()).casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _v1(db: sqlite3.Connection) -> None:
    db.executescript("""
        CREATE TABLE feeds(
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            fetch_full INTEGER NOT NULL DEFAULT 1,
            added REAL NOT NULL,
            refreshed REAL
        );
        CREATE TABLE articles(
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            link TEXT UNIQUE,
            source TEXT NOT NULL,
            feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
            title TEXT NOT NULL,
            author TEXT,
            published TEXT,
            added REAL NOT NULL,
            words INTEGER NOT NULL,
            text TEXT NOT NULL,
            headings TEXT NOT NULL DEFAULT '[]',
            read INTEGER NOT NULL DEFAULT 0
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='id', tokenize='unicode61'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
    """)


def _v2(db: sqlite3.Connection) -> None:
    db.executescript("""
        ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE analysis(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            created REAL NOT NULL
        );
    """)


MIGRATIONS: Final[list[Callable[[sqlite3.Connection], None]]] = [_v1, _v2]


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring the schema to ``target``, one version per transaction."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise LibraryError(f"the library was written by a newer tread (schema {current})")
    for version in range(current + 1, target + 1):
        with db:
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")


class Library:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            migrate(self.db)
        except (OSError, sqlite3.Error) as exc:
            raise LibraryError(f"{self.path}: cannot open the library ({exc})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise LibraryError(f"{self.path}: write failed ({exc})") from None

    # -- articles --------------------------------------------------------------------
    def add(self, article: Article, *, source: str | None = None, feed_id: int | None = None,
            title: str | None = None) -> tuple[int, bool]:
        """Store ``article``; returns (id, True) when new, (existing id, False) when the
        same text or the same link is already there."""
        digest = content_hash(article.text)
        link = article.link
        row = self.db.execute(
            "SELECT id FROM articles WHERE hash = ? OR (link IS NOT NULL AND link = ?)",
            (digest, link)).fetchone()
        if row is not None:
            return int(row["id"]), False
        heading = article.title or title or title_of(article, article.source)
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO articles(hash, link, source, feed_id, title, author, published,"
                " added, words, text, headings) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (digest, link, source or article.source, feed_id, heading, article.author,
                 article.published, time.time(), len(article.text.split()), article.text,
                 json.dumps(article.headings)))
        return int(cur.lastrowid or 0), True

    def entries(self, *, unread_only: bool = False, search: str | None = None,
                limit: int | None = None, unread_first: bool = True) -> list[Entry]:
        where, params = [], []
        if unread_only:
            where.append("a.read = 0")
        if search:
            where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(search))
        sql = ("SELECT a.id, a.title, a.source, a.link, a.author, a.published, a.added,"
               " a.words, a.read, a.starred, f.title AS feed FROM articles a"
               " LEFT JOIN feeds f ON f.id = a.feed_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + ("a.read, " if unread_first else "") + "a.added DESC, a.id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        try:
            rows = self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise LibraryError(f"search failed ({exc})") from None
        return [Entry(r["id"], r["title"], r["source"], r["link"], r["author"],
                      r["published"], r["added"], r["words"], bool(r["read"]),
                      bool(r["starred"]), r["feed"]) for r in rows]

    def article(self, article_id: int) -> Article:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise LibraryError(f"no article {article_id} in the library")
        headings = tuple(tuple(h) for h in json.loads(row["headings"]))
        return Article(text=row["text"], source=row["source"], title=row["title"],
                       headings=headings, author=row["author"],
                       published=row["published"], link=row["link"])

    def hash_of(self, article_id: int) -> str | None:
        row = self.db.execute("SELECT hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row["hash"]) if row else None

    def remove(self, article_id: int) -> bool:
        with self._write() as db:
            return db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    def mark(self, article_id: int, *, read: bool | None = None,
             starred: bool | None = None) -> bool:
        sets = [f"{col} = {int(v)}" for col, v in (("read", read), ("starred", starred))
                if v is not None]
        with self._write() as db:
            return db.execute(f"UPDATE articles SET {', '.join(sets)} WHERE id = ?",
                              (article_id,)).rowcount > 0

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def newest_id(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])

    # -- feeds -----------------------------------------------------------------------
    def add_feed(self, url: str, title: str, *, fetch_full: bool = True) -> tuple[int, bool]:
        row = self.db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is not None:
            return int(row["id"]), False
        with self._write() as db:
            cur = db.execute("INSERT INTO feeds(url, title, fetch_full, added) VALUES (?,?,?,?)",
                             (url, title, int(fetch_full), time.time()))
        return int(cur.lastrowid or 0), True

    def feeds(self) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT f.*, (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS articles,"
            " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0) AS unread"
            " FROM feeds f ORDER BY f.title").fetchall()
        return [dict(r) for r in rows]

    def remove_feed(self, key: str) -> bool:
        with self._write() as db:
            return db.execute("DELETE FROM feeds WHERE url = ? OR CAST(id AS TEXT) = ?",
                              (key, key)).rowcount > 0

    def feed_refreshed(self, feed_id: int, title: str) -> None:
        with self._write() as db:
            db.execute("UPDATE feeds SET refreshed = ?, title = ? WHERE id = ?",
                       (time.time(), title, feed_id))

    # -- analysis cache --------------------------------------------------------------
    def cached(self, key: str) -> Any:
        row = self.db.execute("SELECT value FROM analysis WHERE key = ?", (key,)).fetchone()
        return json.loads(row["value"]) if row else None

    def cache(self, key: str, value: Any) -> None:
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO analysis(key, value, created) VALUES (?,?,?)",
                       (key, json.dumps(value), time.time()))


def cache_key(digest: str, kind: str, *parts: object) -> str:
    """Analysis cache key: content, what was computed, its settings, and the versions
    of tread (and of the model, for entities) that computed it."""
    from tread import __version__

    return "|".join([digest, kind, __version__, *map(str, parts)])


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: each a quoted prefix term, all required."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"*' for w in words) or '""'


