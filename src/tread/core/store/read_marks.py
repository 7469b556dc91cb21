"""Read marks and reading positions of files opened from disk, kept in the library
beside the articles' own.

The reader opens files by path; a mark is kept under the absolute path, so the same
file reached through another relative path keeps its mark. Piped text has no identity
and is never marked. Marks were once kept in ``read.json`` in the data directory: that
file is taken in once, then removed.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from tread.core.store.library import Library

LEGACY_NAME = "read.json"


def mark_key(path: str) -> str | None:
    """What a file's mark is kept under; None for piped text."""
    return None if path == "-" else os.path.abspath(path)


def read_files(library: Library, paths: Iterable[str]) -> set[str]:
    """Those of ``paths`` marked read (as given, not as kept)."""
    wanted = {key: path for path in paths if (key := mark_key(path)) is not None}
    if not wanted:
        return set()
    rows = library.file_marks_read()
    return {wanted[key] for key in rows if key in wanted}


def mark_file(library: Library, path: str, read: bool) -> None:
    """Mark ``path`` read or unread (piped text: nothing to keep)."""
    key = mark_key(path)
    if key is not None:
        library.set_file_mark(key, read, time.time())


def file_position(library: Library, path: str) -> int:
    """Where the reader was in ``path`` (a character offset; 0: the top, or unknown)."""
    key = mark_key(path)
    return library.position(key) if key is not None else 0


def set_file_position(library: Library, path: str, offset: int) -> None:
    key = mark_key(path)
    if key is not None:
        library.set_position(key, offset)


def take_in_legacy(library: Library, data_dir: Path) -> int:
    """Move the marks of an old ``read.json`` into the library; returns how many."""
    legacy = data_dir / LEGACY_NAME
    try:
        paths = json.loads(legacy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    kept = [p for p in paths if isinstance(p, str)] if isinstance(paths, list) else []
    now = time.time()
    for key in kept:
        library.set_file_mark(key, True, now)
    legacy.unlink(missing_ok=True)
    return len(kept)
