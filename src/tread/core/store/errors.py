"""What can go wrong with the library database, as one-line errors.

Every SQLite failure leaves the store as a LibraryError naming the library and the
cause in words (damaged, full, read-only, busy), never as an sqlite3 exception.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from tread.core.errors import TreadError


class LibraryError(TreadError):
    """The library database cannot be opened or written."""


class NoLibrary(LibraryError):
    """There is no library at the path (and the command does not create one)."""


class LibraryUnusable(LibraryError):
    """The library itself fails (damaged, disk full, read-only): every later write
    would fail the same way, so commands stop instead of going on source by source."""


class LibraryDamaged(LibraryUnusable):
    """The database file is corrupt or not a database."""


class LibraryFull(LibraryUnusable):
    """The disk (or the database's size limit) is full."""


class LibraryReadOnly(LibraryUnusable):
    """The library can be read but not written."""


# SQLite's primary result codes (https://www.sqlite.org/rescode.html)
_READONLY: Final = 8
_IOERR: Final = 10
_CORRUPT: Final = 11
_FULL: Final = 13
_CANTOPEN: Final = 14
_NOTADB: Final = 26
_BUSY: Final = 5
_LOCKED: Final = 6


def retry_while_busy(step: Callable[[], object], seconds: float) -> None:
    """``step``, again after a pause while SQLite says the library is busy, for up to
    ``seconds``. SQLite's own busy handler waits in most cases but not where waiting
    could deadlock: two processes opening a new library at once both hold a shared lock
    when each asks for the exclusive one that turning on WAL needs, and one of them is
    told "busy" at once. ``step`` must be safe to repeat."""
    deadline = time.monotonic() + seconds
    pause = 0.01
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code not in (_BUSY, _LOCKED) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(0.2, pause * 2)


def _disk_full(path: Path) -> bool:
    try:
        stat = os.statvfs(path.parent)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < 64 * 1024


def library_error(path: Path, exc: sqlite3.Error | OverflowError, doing: str) -> LibraryError:
    """The LibraryError for ``exc``, raised while ``doing`` something with ``path``."""
    detail = str(exc) or type(exc).__name__
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_CORRUPT, _NOTADB) or "malformed" in detail or "not a database" in detail:
        return LibraryDamaged(
            f"{path}: the library is damaged ({detail}); move it aside and tread starts a new one"
        )
    if primary == _FULL:
        return LibraryFull(f"{path}: the disk is full ({detail})")
    if primary == _READONLY:
        return LibraryReadOnly(f"{path}: the library is read-only ({detail})")
    if primary in (_BUSY, _LOCKED):
        return LibraryError(f"{path}: the library is busy (another tread is writing it); try again")
    if primary == _IOERR:
        if _disk_full(path):  # SQLite says I/O error when it cannot even make its -shm
            return LibraryFull(f"{path}: the disk is full ({detail})")
        return LibraryUnusable(f"{path}: {doing} failed (disk I/O error: {detail})")
    if primary == _CANTOPEN:
        return LibraryError(f"{path}: cannot open the library ({detail})")
    return LibraryError(f"{path}: {doing} failed ({detail})")
