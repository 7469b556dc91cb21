"""Where the reader's articles come from and where its marks go: files, piped text
and the library. Plain Python; every method here reads or writes the disk or runs a
core analysis, so the screen calls them off the event loop (background.off_loop).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tread.core.article import Article, Entity, Segmentation, Summary
from tread.core.errors import TreadError
from tread.ui.library_source import LibrarySource, is_library_path
from tread.ui.models import ArticleInfo, Block, info_for

if TYPE_CHECKING:
    from tread.core.config import Config
    from tread.core.entities.registry import EntityExtractor
    from tread.core.entities.scan import EntityScan, ScanBatch
    from tread.core.store.library import Library

Cancelled = Callable[[], bool]
LIST_BATCH: Final = 64
#: one extraction at a time: a cancelled run still going must not share spaCy with
#: the next one (it stops at its next check of the flag)
_ENTITY_LOCK: Final = threading.Lock()


def blocks_for(article: Article) -> list[Block]:
    """Headings and paragraphs, as the segmentation core sees them."""
    from tread.core.text.segment import heading_spans, paragraph_spans

    paragraphs = paragraph_spans(article.text)
    headings = set(heading_spans(article.text, paragraphs, article.headings or None))
    return [Block(s, e, "heading" if (s, e) in headings else "paragraph") for s, e in paragraphs]


class ReaderData:
    def __init__(
        self, preloaded: dict[str, Article], library: LibrarySource | None, marks: Path | None
    ) -> None:
        self.preloaded = preloaded
        self.library = library
        #: the library that keeps the read marks of files (None: the default one)
        self.marks_path = marks
        self._write_lock = threading.Lock()
        self._written: dict[tuple[str, str], int] = {}

    # -- articles --------------------------------------------------------------------
    def load(self, path: str) -> tuple[Article, list[Block]]:
        if path in self.preloaded:
            article = self.preloaded[path]
        elif self.library is not None and is_library_path(path):
            article = self.library.article(path)
        else:
            from tread.core.sources import load

            article = load(path)
        return article, blocks_for(article)

    def load_parts(
        self, path: str, cancelled: Cancelled
    ) -> Iterator[tuple[Article, list[Block], int, int]]:
        """The article as it is read: (article so far, its blocks, units done, of
        total); the last is the whole article. A long PDF gives its first page at once
        and the rest page by page; every other source comes whole, in one."""
        if path in self.preloaded or (self.library is not None and is_library_path(path)):
            article, blocks = self.load(path)
            yield article, blocks, 1, 1
            return
        from tread.core.sources import load_parts

        parts = load_parts(path)
        try:
            for part in parts:
                yield part.article, blocks_for(part.article), part.done, part.total
                if cancelled():
                    return
        finally:
            parts.close()

    def segment(
        self,
        article: Article,
        language: str,
        fallback: str,
        cancelled: Cancelled | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> Segmentation:
        """``language`` may be "auto": detected, else ``fallback`` (the configured one).
        Raises tread.core.errors.Cancelled once ``cancelled()`` says so."""
        from tread.core.text.segment import segment_article

        return segment_article(
            article, language, fallback=fallback, progress=progress, cancelled=cancelled
        )

    def summary(
        self,
        path: str,
        seg: Segmentation,
        algorithm: str,
        count: int,
        cancelled: Cancelled | None = None,
    ) -> Summary:
        """The summary, from the library's analysis cache when the article is there.
        Raises tread.core.errors.Cancelled once ``cancelled()`` says so."""
        from tread.core.summarizers.summarize import sentence_count_for, summarize

        library = self.library if is_library_path(path) else None
        settings = (algorithm, count, seg.language)
        if library is not None:
            cached = library.cached_summary(path, *settings)
            if cached is not None:
                return cached
        wanted = sentence_count_for(len(seg.sentences), count=count)
        summary = summarize(seg, algorithm, wanted, cancelled=cancelled)
        if library is not None:
            library.cache_summary(path, summary, *settings)
        return summary

    def entities(
        self,
        path: str,
        text: str,
        extractor: EntityExtractor,
        cancelled: Cancelled,
        *,
        focus: tuple[int, int] = (0, 0),
        started: Callable[[EntityScan], None] | None = None,
        on_batch: Callable[[ScanBatch], None] | None = None,
    ) -> list[Entity] | None:
        """The entities, or None when cancelled first. They are found around ``focus``
        (the text on screen) first and outward from there; ``started`` is handed the
        scan (to move its focus as the reader scrolls) and ``on_batch`` each step."""
        from tread.core.entities.scan import EntityScan

        library = self.library if is_library_path(path) else None
        key = extractor.cache_key()
        found = library.cached_entities(path, key) if library and key else None
        if found is None:
            with _ENTITY_LOCK:
                if cancelled():
                    return None
                scan = EntityScan(extractor, text, focus=focus)
                if started is not None:
                    started(scan)
                found = scan.run(on_batch, cancelled)
            if found is None or cancelled():
                return None
            if library is not None and key:
                library.cache_entities(path, key, found)
        if library is not None:  # the library-wide index, filled as articles are opened
            with suppress(TreadError):  # a busy library: the entities are shown all the same
                library.index_entities(path, found)
        return found

    def infos(self, paths: list[str], cancelled: Cancelled) -> Iterator[list[ArticleInfo]]:
        """Details of the articles for the list, in batches."""
        from tread.core.sources import STDIN_NAME
        from tread.core.text.sanitize import one_line_safe

        if self.library is not None:
            yield self.library.listing()[0]
            paths = [p for p in paths if not is_library_path(p)]
        batch: list[ArticleInfo] = []
        for path in paths:
            if cancelled():
                return
            try:
                batch.append(info_for(self.load(path)[0], path))
            except TreadError as exc:
                name = STDIN_NAME if path == "-" else one_line_safe(path.rsplit("/", 1)[-1])
                batch.append(ArticleInfo(path, name, "", 0, error=str(exc)))
            if len(batch) >= LIST_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    # -- the library: search, new articles, marks ----------------------------------------
    def search(self, text: str) -> set[str]:
        """Library articles whose words match ``text`` (the full-text index)."""
        if self.library is None or len(text.strip()) < 2:
            return set()
        return self.library.search(text)

    def newest_id(self) -> int:
        return self.library.newest_id() if self.library is not None else 0

    def mentioning(self, name: str) -> set[str]:
        """Library articles whose entities include ``name`` (folded: entity_index.py)."""
        return self.library.mentioning(name) if self.library is not None else set()

    def new_articles(self, after_id: int) -> tuple[list[ArticleInfo], int]:
        """Articles another process (``tread add``, ``tread refresh``) added."""
        if self.library is None or self.library.newest_id() <= after_id:
            return [], after_id
        return self.library.listing(after_id=after_id)

    def marks_library(self, create: bool) -> Library:
        from tread.core.store.library import Library, default_path

        path = self.marks_path or (self.library.path if self.library else default_path())
        return Library(path, create=create)

    def read_paths(self, paths: list[str]) -> set[str]:
        """Which of ``paths`` (files) were marked read; library articles carry their own."""
        from tread.core.locations import data_dir
        from tread.core.store.errors import NoLibrary
        from tread.core.store.read_marks import LEGACY_NAME, read_files, take_in_legacy

        files = [p for p in paths if not is_library_path(p)]
        legacy = (data_dir() / LEGACY_NAME).exists()
        try:
            with self.marks_library(create=legacy) as lib:
                if legacy:
                    take_in_legacy(lib, data_dir())
                return read_files(lib, files)
        except NoLibrary:
            return set()

    def mark(
        self, path: str, seq: int, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Mark ``path`` read or starred. Writes run in threads that may start out of
        order: ``seq`` (larger: asked for later) keeps an older request from undoing a
        newer one."""
        with self._write_lock:
            for name, value in (("read", read), ("starred", starred)):
                if value is None or seq < self._written.get((path, name), -1):
                    continue
                if name == "read":
                    self._set_read(path, value)
                else:
                    self._set_starred(path, value)
                self._written[(path, name)] = seq

    def _set_read(self, path: str, read: bool) -> None:
        if is_library_path(path) and self.library is not None:
            self.library.mark(path, read=read)
            return
        from tread.core.store.read_marks import mark_file

        with self.marks_library(create=True) as lib:
            mark_file(lib, path, read)

    # -- reading positions ------------------------------------------------------------
    def position(self, path: str) -> int:
        """Where the reader was in ``path`` last time (0: the top; also when the library
        cannot tell now: a lost position is no reason not to show the article)."""
        from tread.core.store.errors import NoLibrary
        from tread.core.store.read_marks import file_position

        try:
            if is_library_path(path):
                return self.library.position(path) if self.library is not None else 0
            with self.marks_library(create=False) as lib:
                return file_position(lib, path)
        except (NoLibrary, TreadError):
            return 0

    def save_position(self, path: str, offset: int) -> None:
        if is_library_path(path):
            if self.library is not None:
                self.library.set_position(path, offset)
            return
        from tread.core.store.read_marks import set_file_position

        with self._write_lock, self.marks_library(create=True) as lib:
            set_file_position(lib, path, offset)

    def _set_starred(self, path: str, starred: bool) -> None:
        if self.library is None or not is_library_path(path):
            raise TreadError("stars are for library articles (tread add)")
        self.library.mark(path, starred=starred)


_SETTINGS_LOCK: Final = threading.Lock()


def save_settings(config: Config, cancelled: Cancelled) -> None:
    """Write the settings (a copy taken on the event loop) to the config file, one
    write at a time; a request overtaken by a newer one (``cancelled``) writes nothing."""
    from tread.core.config import save_config

    with _SETTINGS_LOCK:
        if not cancelled():
            save_config(config)
