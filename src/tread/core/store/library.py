"""The library: articles and feeds in an embedded SQLite database.

WAL mode, one transaction per write (the duplicate check inside it, so racing writers
agree on what is new), versioned migrations (schema.py), full-text search with
FTS5, and an analysis cache keyed by content and versions. A second process (a refresh
while the reader is open) works through SQLite's locking. A library that cannot be
written (read-only file, folder or file system) is opened read-only; every SQLite
failure becomes a one-line LibraryError (errors.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from tread.core.article import Article
from tread.core.store.errors import (
    LibraryError,
    LibraryReadOnly,
    NoLibrary,
    library_error,
    retry_while_busy,
)
from tread.core.store.rows import (
    MAX_ID,
    Entry,
    FeedItem,
    Stored,
    content_hash,
    duplicate,
    find_entry,
    fts_query,
    insert,
    removed_entries,
    store_feed_items,
)
from tread.core.store.rows import checked_id as _id
from tread.core.store.schema import MIGRATIONS, SCHEMA_VERSION, NewerSchema, migrate
from tread.core.text.titles import title_of

__all__ = [
    "MAX_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Entry",
    "FeedItem",
    "Library",
    "LibraryError",
    "Stored",
    "content_hash",
    "default_path",
    "fts_query",
    "migrate",
]

_BUSY_MS: Final = 10_000


def default_path() -> Path:
    override = os.environ.get("TREAD_LIBRARY")
    if override:
        return Path(override).expanduser()
    from tread.core.locations import data_dir

    return data_dir() / "library.sqlite3"


class Library:
    def __init__(self, path: Path | None = None, *, create: bool = True) -> None:
        """Open (with ``create``, make) the library at ``path``; without ``create`` a
        missing library raises NoLibrary and nothing is written to the disk."""
        self.path = path or default_path()
        self.read_only = False
        self._unwritable: sqlite3.Error | None = None  # why it was opened read-only
        if not create and not self.path.exists():
            parent = self.path.parent
            if not parent.exists() or parent.is_dir():
                raise NoLibrary(f"no library at {self.path}")
            raise LibraryError(f"{self.path}: cannot open the library ({parent} is not a folder)")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect(create)
        except OSError as exc:
            raise LibraryError(
                f"{self.path}: cannot open the library ({exc.strerror or exc})"
            ) from None
        except NewerSchema as exc:
            raise LibraryError(f"{self.path}: {exc}") from None
        except sqlite3.Error as exc:
            raise library_error(self.path, exc, "opening the library") from None

    def _connect(self, create: bool) -> sqlite3.Connection:
        uri = "file:" + quote(str(self.path.absolute()), safe="/")
        try:
            db = self._session(f"{uri}?mode={'rwc' if create else 'rw'}")
            retry_while_busy(lambda: db.execute("PRAGMA journal_mode=WAL"), _BUSY_MS / 1000)
            retry_while_busy(lambda: migrate(db), _BUSY_MS / 1000)
            return db
        except sqlite3.Error as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            # READONLY, CANTOPEN, IOERR, FULL
            if code not in (8, 14, 10, 13) or not self.path.is_file():
                raise
            failure = exc
        # A read-only file, folder or file system (or a full disk): read what is there.
        # WAL needs a -shm file beside the database; when it cannot be made, read the
        # file as immutable.
        for mode in ("mode=ro", "immutable=1"):
            try:
                db = self._session(f"{uri}?{mode}")
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.Error:
                continue
            if version != SCHEMA_VERSION:
                db.close()
                raise LibraryReadOnly(
                    f"{self.path}: the library is read-only and needs an "
                    "update to this tread's schema: open it once where "
                    "it can be written"
                )
            self.read_only = True
            self._unwritable = failure
            return db
        raise failure

    @staticmethod
    def _session(uri: str) -> sqlite3.Connection:
        db = sqlite3.connect(uri, uri=True, timeout=_BUSY_MS / 1000, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
        return db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _guard(self, doing: str = "reading the library") -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OverflowError) as exc:
            raise library_error(self.path, exc, doing) from None

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._guard():
            return self.db.execute(sql, params).fetchall()

    def _row(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._guard():
            row: sqlite3.Row | None = self.db.execute(sql, params).fetchone()
            return row

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: checks made inside it hold until it commits."""
        if self.read_only:
            code = getattr(self._unwritable, "sqlite_errorcode", 0) & 0xFF
            if self._unwritable is not None and code in (10, 13):  # IOERR, FULL
                raise library_error(self.path, self._unwritable, "write")
            raise LibraryReadOnly(
                f"{self.path}: the library is read-only (the file or its folder cannot be written)"
            )
        try:
            self.db.execute("BEGIN IMMEDIATE")
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                with suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error | OverflowError):
                raise library_error(self.path, exc, "write") from None
            raise

    # -- articles --------------------------------------------------------------------
    def add(
        self,
        article: Article,
        *,
        source: str | None = None,
        feed_id: int | None = None,
        title: str | None = None,
    ) -> tuple[int, bool]:
        """Store ``article``; returns (id, True) when new, (existing id, False) when the
        same text or the same link is already there."""
        digest = content_hash(article.text)
        link = article.link or None
        heading = article.title or title or title_of(article, article.source)
        with self.write() as db:
            row = duplicate(db, digest, link)
            if row is not None:
                return int(row["id"]), False
            new_id = insert(db, article, digest, heading, source, feed_id, None, None)
        return new_id, True

    def entries(
        self,
        *,
        unread_only: bool = False,
        search: str | None = None,
        limit: int | None = None,
        unread_first: bool = True,
    ) -> list[Entry]:
        where, params = [], []
        if unread_only:
            where.append("a.read = 0")
        if search:
            where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(search))
        sql = (
            "SELECT a.id, a.title, a.source, a.link, a.author, a.published, a.added,"
            " a.words, a.read, a.starred, f.title AS feed FROM articles a"
            " LEFT JOIN feeds f ON f.id = a.feed_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + ("a.read, " if unread_first else "") + "a.added DESC, a.id DESC"
        if limit:
            sql += f" LIMIT {min(int(limit), MAX_ID)}"
        with self._guard("search" if search else "reading the library"):
            rows = self.db.execute(sql, params).fetchall()
        return [
            Entry(
                r["id"],
                r["title"],
                r["source"],
                r["link"],
                r["author"],
                r["published"],
                r["added"],
                r["words"],
                bool(r["read"]),
                bool(r["starred"]),
                r["feed"],
            )
            for r in rows
        ]

    def article(self, article_id: int) -> Article:
        row = self._row("SELECT * FROM articles WHERE id = ?", (_id(article_id),))
        if row is None:
            raise LibraryError(f"no article {article_id} in the library")
        headings = tuple(tuple(h) for h in json.loads(row["headings"]))
        return Article(
            text=row["text"],
            source=row["source"],
            title=row["title"],
            headings=headings,
            author=row["author"],
            published=row["published"],
            link=row["link"],
        )

    def hash_of(self, article_id: int) -> str | None:
        row = self._row("SELECT hash FROM articles WHERE id = ?", (_id(article_id),))
        return str(row["hash"]) if row else None

    def remove(self, article_id: int) -> bool:
        with self.write() as db:
            return db.execute("DELETE FROM articles WHERE id = ?", (_id(article_id),)).rowcount > 0

    def mark(
        self, article_id: int, *, read: bool | None = None, starred: bool | None = None
    ) -> bool:
        sets = [
            f"{col} = {int(v)}"
            for col, v in (("read", read), ("starred", starred))
            if v is not None
        ]
        with self.write() as db:
            return (
                db.execute(
                    f"UPDATE articles SET {', '.join(sets)} WHERE id = ?", (_id(article_id),)
                ).rowcount
                > 0
            )

    def count(self) -> int:
        row = self._row("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    def newest_id(self) -> int:
        row = self._row("SELECT coalesce(max(id), 0) FROM articles")
        return int(row[0]) if row else 0

    # -- read marks of files (read_marks.py names them) -------------------------------
    def file_marks_read(self) -> set[str]:
        return {str(r["path"]) for r in self.rows("SELECT path FROM file_marks WHERE read")}

    def set_file_mark(self, key: str, read: bool, when: float) -> None:
        with self.write() as db:  # an upsert: the reading position stays
            db.execute(
                "INSERT INTO file_marks(path, read, changed) VALUES (?,?,?) ON CONFLICT(path)"
                " DO UPDATE SET read = excluded.read, changed = excluded.changed",
                (key, int(read), when),
            )

    # -- reading positions: the character at the top of the view when the reader left --
    def position(self, where: int | str) -> int:
        """Where the reader was in article ``where`` (an id) or file (its mark key)."""
        table, column = ("file_marks", "path") if isinstance(where, str) else ("articles", "id")
        key = where if isinstance(where, str) else _id(where)
        row = self._row(f"SELECT position FROM {table} WHERE {column} = ?", (key,))
        return int(row["position"]) if row else 0

    def set_position(self, where: int | str, offset: int) -> None:
        with self.write() as db:
            if isinstance(where, str):  # a file: an upsert, its read mark stays
                db.execute(
                    "INSERT INTO file_marks(path, position, changed) VALUES (?,?,?) ON CONFLICT"
                    "(path) DO UPDATE SET position = excluded.position, changed = excluded.changed",
                    (where, max(0, offset), time.time()),
                )
            else:
                db.execute(
                    "UPDATE articles SET position = ? WHERE id = ?", (max(0, offset), _id(where))
                )

    # -- feeds -----------------------------------------------------------------------
    def add_feed(self, url: str, title: str, *, fetch_full: bool = True) -> tuple[int, bool]:
        with self.write() as db:
            row = db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is not None:
                return int(row["id"]), False
            cur = db.execute(
                "INSERT INTO feeds(url, title, fetch_full, added) VALUES (?,?,?,?)",
                (url, title, int(fetch_full), time.time()),
            )
        return int(cur.lastrowid or 0), True

    def feeds(self) -> list[dict[str, Any]]:
        rows = self.rows(
            "SELECT f.*, (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS articles,"
            " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0) AS unread"
            " FROM feeds f ORDER BY f.title"
        )
        return [dict(r) for r in rows]

    def remove_feed(self, key: str) -> bool:
        with self.write() as db:
            return (
                db.execute(
                    "DELETE FROM feeds WHERE url = ? OR CAST(id AS TEXT) = ?", (key, key)
                ).rowcount
                > 0
            )

    def feed_refreshed(self, feed_id: int, title: str) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE feeds SET refreshed = ?, title = ? WHERE id = ?",
                (time.time(), title, feed_id),
            )

    def entry_states(
        self, feed_id: int, keys: Sequence[tuple[str | None, str | None]]
    ) -> tuple[list[tuple[int, str | None] | None], list[bool]]:
        """For each (guid, link) of a feed's entries: the stored (id, entry digest) or
        None, and whether it was removed from the library (a read: no lock is taken)."""
        with self._guard():
            found = [find_entry(self.db, feed_id, guid, link) for guid, link in keys]
            return found, removed_entries(self.db, feed_id, keys)

    def store_entries(self, feed_id: int, items: Sequence[FeedItem]) -> Stored:
        """Add or update a feed's entries in one transaction: an entry is the same when
        its guid (in this feed), else its link, else its text is already there; an
        entry whose digest changed is updated in place (the search index follows)."""
        with self.write() as db:
            return store_feed_items(db, feed_id, items)

    # -- analysis cache --------------------------------------------------------------
    def cached(self, key: str) -> Any:
        row = self._row("SELECT value FROM analysis WHERE key = ?", (key,))
        return json.loads(row["value"]) if row else None

    def cache(self, key: str, value: Any) -> None:
        """Keep an analysis result; a library opened read-only keeps nothing (the cache
        only saves time: the result is computed again next time)."""
        if self.read_only:
            return
        with self.write() as db:
            db.execute(
                "INSERT OR REPLACE INTO analysis(key, value, created) VALUES (?,?,?)",
                (key, json.dumps(value), time.time()),
            )
