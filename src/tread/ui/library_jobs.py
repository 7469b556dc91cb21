"""Library work the reader starts: adding a source, refreshing the feeds, removing an
article, marking a list read. Plain Python, run off the event loop (background.off_loop);
what happens is told through callbacks, which the list pane posts as messages.

The reader started on files (or on the bundled samples, while the library is empty)
works on the default library: what is added there joins the list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tread.ui.data import Cancelled, ReaderData
from tread.ui.library_source import LibrarySource, article_id, is_library_path

if TYPE_CHECKING:
    from tread.core.store.ingest import Outcome

Report = Callable[["Outcome"], None]


def library_path(data: ReaderData) -> Path:
    from tread.core.store.library import default_path

    return data.library.path if data.library is not None else default_path()


def add(data: ReaderData, source: str, report: Report) -> None:
    """Add a file, folder, page or feed, as ``tread add`` does; a reader on files gains
    the library, so the new articles join its list."""
    from tread.core.store.ingest import add_source
    from tread.core.store.library import Library

    path = library_path(data)
    with Library(path) as lib:
        add_source(lib, source, report)
    if data.library is None:
        data.library = LibrarySource(path)


def refresh(data: ReaderData, report: Report, progress: Callable[[int, int], None]) -> int:
    """Fetch every feed and store its new entries; returns the number of feeds (0: none
    to refresh). ``progress(done, total)`` follows each feed."""
    from tread.core.store.errors import NoLibrary
    from tread.core.store.ingest import refresh as run
    from tread.core.store.library import Library

    try:
        with Library(library_path(data), create=False) as lib:
            total = len(lib.feeds())
            done = 0

            def step() -> None:
                nonlocal done
                done += 1
                progress(done, total)

            if total:
                progress(0, total)
                run(lib, report, progress=step)
            return total
    except NoLibrary:
        return 0


def remove(data: ReaderData, path: str) -> bool:
    """Remove a library article (a file is never touched); False when it was gone."""
    from tread.core.store.library import Library

    with Library(library_path(data), create=False) as lib:
        return lib.remove(article_id(path))


def mark_read(data: ReaderData, paths: list[str], cancelled: Cancelled) -> None:
    """Mark ``paths`` read (library articles and files alike), in one connection each."""
    from tread.core.store.library import Library
    from tread.core.store.read_marks import mark_file

    library = [article_id(p) for p in paths if is_library_path(p)]
    files = [p for p in paths if not is_library_path(p) and p != "-"]
    if library and data.library is not None:
        with Library(data.library.path) as lib:
            for number in library:
                if cancelled():
                    return
                lib.mark(number, read=True)
    if files:
        with data.marks_library(create=True) as lib:
            for path in files:
                if cancelled():
                    return
                mark_file(lib, path, True)
