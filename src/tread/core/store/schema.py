"""The library's schema, one migration per version, each applied in one transaction.

``isolation_level=None`` makes ``executescript`` commit statement by statement, so a
kill in the middle of one left half a schema behind ("table feeds already exists" on
the next start). Each migration is a list of statements run one by one inside
``BEGIN IMMEDIATE`` ... ``COMMIT``; the version is re-read once the write lock is held,
so two processes that start at once never both apply it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Final

from tread.core.errors import TreadError

SCHEMA_VERSION: Final = 7

_V1: Final = (
    """CREATE TABLE feeds(
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        fetch_full INTEGER NOT NULL DEFAULT 1,
        added REAL NOT NULL,
        refreshed REAL
    )""",
    """CREATE TABLE articles(
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
    )""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61'
    )""",
    """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
)

_V2: Final = (
    "ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0",
    """CREATE TABLE analysis(
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created REAL NOT NULL
    )""",
)

# A feed entry's identity (its guid within the feed) and a digest of what the feed said
# about it, so an edited entry is updated in place and an unchanged one is not fetched
# again; the search index follows an update.
_V3: Final = (
    "ALTER TABLE articles ADD COLUMN guid TEXT",
    "ALTER TABLE articles ADD COLUMN entry_hash TEXT",
    "CREATE INDEX articles_feed_guid ON articles(feed_id, guid)",
    """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
)


# Read marks of files opened from disk (library articles keep theirs in ``articles``),
# by absolute path, so the reader never writes a file of its own for them.
_V4: Final = (
    """CREATE TABLE file_marks(
        path TEXT PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        changed REAL NOT NULL
    )""",
)

# Where the reader was in each article (the character at the top of the view), for
# library articles and for files opened from disk alike, so reopening goes back there.
_V5: Final = (
    "ALTER TABLE articles ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE file_marks ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
)

# The entities of each article, by folded name (entity_index.py), so the library answers
# "which articles mention X" and "who is mentioned most". Filled from the analysis as
# articles are opened; removed with the article, and when its text is edited.
_V6: Final = (
    """CREATE TABLE article_entities(
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY(article_id, key)
    )""",
    "CREATE INDEX article_entities_key ON article_entities(key)",
    """CREATE TRIGGER articles_entities_au AFTER UPDATE OF text ON articles BEGIN
        DELETE FROM article_entities WHERE article_id = new.id;
    END""",
)


# What removing an article leaves behind. A feed entry removed from the library stays
# out of it when the feed is refreshed (its guid and link, per feed; gone with the
# feed), and an id once given is never given again (the highest id removed), so a
# script holding an id never reaches another article by it.
_V7: Final = (
    """CREATE TABLE removed_entries(
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT,
        link TEXT
    )""",
    "CREATE INDEX removed_entries_feed ON removed_entries(feed_id)",
    """CREATE TABLE id_floor(
        k INTEGER PRIMARY KEY CHECK (k = 0),
        value INTEGER NOT NULL
    )""",
    """CREATE TRIGGER articles_removed AFTER DELETE ON articles BEGIN
        INSERT INTO removed_entries(feed_id, guid, link)
        SELECT old.feed_id, old.guid, old.link
        WHERE old.feed_id IS NOT NULL AND coalesce(old.guid, old.link) IS NOT NULL;
        INSERT OR REPLACE INTO id_floor(k, value)
        VALUES (0, max(old.id, coalesce((SELECT value FROM id_floor WHERE k = 0), 0)));
    END""",
)


def _steps(statements: Sequence[str]) -> Callable[[sqlite3.Connection], None]:
    def run(db: sqlite3.Connection) -> None:
        for statement in statements:
            db.execute(statement)

    return run


MIGRATIONS: Final[list[Callable[[sqlite3.Connection], None]]] = [
    _steps(_V1),
    _steps(_V2),
    _steps(_V3),
    _steps(_V4),
    _steps(_V5),
    _steps(_V6),
    _steps(_V7),
]


class NewerSchema(TreadError):
    """The library was written by a newer tread."""


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring the schema to ``target``: each version all or nothing, and only once when
    several processes open a new library together."""
    current = _version(db)
    while True:
        if current > SCHEMA_VERSION:
            raise NewerSchema(f"the library was written by a newer tread (schema {current})")
        if current >= target:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            current = _version(db)  # another process may have migrated while we waited
            if current < target:
                MIGRATIONS[current](db)
                db.execute(f"PRAGMA user_version = {current + 1}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        current = _version(db)
