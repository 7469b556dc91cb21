"""The reader's view of the library: articles as 'library:ID' paths.

SQLite connections belong to one thread, so each call opens its own (cheap). What is
kept, and how, is the store's business (tread.core.store); this only names articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from tread.core.article import Article, Entity, Summary
from tread.ui.models import ArticleInfo, host

if TYPE_CHECKING:
    from tread.core.store.library import Library

PREFIX: Final = "library:"


def is_library_path(path: str) -> bool:
    return path.startswith(PREFIX)


def article_id(path: str) -> int:
    return int(path[len(PREFIX) :])


class LibrarySource:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _open(self) -> Library:
        from tread.core.store.library import Library

        return Library(self.path)

    def listing(self, after_id: int = 0) -> tuple[list[ArticleInfo], int]:
        """List details of the articles after ``after_id`` (unread first), newest id."""
        with self._open() as lib:
            entries = [e for e in lib.entries() if e.id > after_id]
            newest = lib.newest_id()
        infos = [
            ArticleInfo(
                f"{PREFIX}{e.id}",
                e.title,
                e.feed or host(e.link) or host(e.source) or Path(e.source).name,
                e.words,
                read=e.read,
                starred=e.starred,
            )
            for e in entries
        ]
        return infos, newest

    def search(self, text: str) -> set[str]:
        """Paths of the articles whose title or text match ``text`` (FTS5)."""
        with self._open() as lib:
            return {f"{PREFIX}{e.id}" for e in lib.entries(search=text)}

    def article(self, path: str) -> Article:
        with self._open() as lib:
            return lib.article(article_id(path))

    def mark(self, path: str, *, read: bool | None = None, starred: bool | None = None) -> None:
        with self._open() as lib:
            lib.mark(article_id(path), read=read, starred=starred)

    def position(self, path: str) -> int:
        with self._open() as lib:
            return lib.position(article_id(path))

    def set_position(self, path: str, offset: int) -> None:
        with self._open() as lib:
            lib.set_position(article_id(path), offset)

    def newest_id(self) -> int:
        with self._open() as lib:
            return lib.newest_id()

    # the store's analysis cache is imported on first use, not at the reader's start
    def cached_summary(self, path: str, *settings: object) -> Summary | None:
        from tread.core.store.analysis_cache import cached_summary

        with self._open() as lib:
            return cached_summary(lib, article_id(path), *settings)

    def cache_summary(self, path: str, summary: Summary, *settings: object) -> None:
        from tread.core.store.analysis_cache import cache_summary

        with self._open() as lib:
            cache_summary(lib, article_id(path), summary, *settings)

    def cached_entities(self, path: str, model_key: str) -> list[Entity] | None:
        from tread.core.store.analysis_cache import cached_entities

        with self._open() as lib:
            return cached_entities(lib, article_id(path), model_key)

    def cache_entities(self, path: str, model_key: str, entities: list[Entity]) -> None:
        from tread.core.store.analysis_cache import cache_entities

        with self._open() as lib:
            cache_entities(lib, article_id(path), model_key, entities)

    def index_entities(self, path: str, entities: list[Entity]) -> None:
        """Keep the article's entities for the library-wide questions (entity_index.py)."""
        from tread.core.store.entity_index import index_article

        with self._open() as lib:
            index_article(lib, article_id(path), entities)

    def mentioning(self, name: str) -> set[str]:
        """Paths of the articles that mention ``name``."""
        from tread.core.store.entity_index import articles_mentioning

        with self._open() as lib:
            return {f"{PREFIX}{i}" for i in articles_mentioning(lib, name)}
