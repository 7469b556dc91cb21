"""Where articles come from: files, standard input and URLs, read into bytes and handed
to the one dispatcher (``registry``), whose table says which reader reads what."""

from __future__ import annotations

import sys
from collections.abc import Generator
from pathlib import Path
from typing import BinaryIO, Final

from tread.core.article import Article
from tread.core.envvars import env_number
from tread.core.errors import InputTooLarge, UnreadableInput, unreadable
from tread.core.sources.known import Known, Part

#: Inputs larger than this are refused up front (override with TREAD_MAX_INPUT_MB): at
#: about 2.5 s per MB for a summary, 16 MB stays well under a minute.
DEFAULT_MAX_INPUT_MB: Final = 16
#: a sanity bound on TREAD_MAX_INPUT_MB: the input is held in memory several times over
MAX_INPUT_MB: Final = 1024
STDIN_NAME: Final = "<stdin>"


def max_input_bytes() -> int:
    """The input cap in bytes; a bad TREAD_MAX_INPUT_MB is a BadSetting (one line)."""
    mb = env_number("TREAD_MAX_INPUT_MB", DEFAULT_MAX_INPUT_MB, unit="MB", maximum=MAX_INPUT_MB)
    return max(1, int(mb * 1024 * 1024))


def read_bytes(path: str, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of ``path`` ('-' is standard input), refusing what is over the limit."""
    limit = max_input_bytes()
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(limit + 1)
    else:
        p = Path(path)
        try:
            if p.is_dir():
                raise UnreadableInput("is a directory")
            with p.open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise unreadable(exc) from None
    if len(data) > limit:
        from tread.core.summarizers.registry import linear_algorithms

        mb = f"{limit / (1024 * 1024):g}"
        raise InputTooLarge(
            f"larger than the {mb} MB input limit (set TREAD_MAX_INPUT_MB to raise it; "
            f"{', '.join(linear_algorithms())} summarise texts up to it in linear time)"
        )
    return data


def known_for(path: str) -> Known:
    """What is known about a file named on the command line ('-': standard input)."""
    if path == "-":
        return Known(STDIN_NAME)
    return Known.for_path(path)


def load(path: str, stdin: BinaryIO | None = None) -> Article:
    """Read one input (a file, '-' or a URL) into an Article, whatever its format.

    Raises UnreadableInput, InputTooLarge or EmptyDocument with a message that does not
    repeat the input's name (callers prefix it). Feeds are refused with a pointer to
    `tread add`, which reads their entries.
    """
    from tread.core.sources.registry import read_article

    return read_article(*_bytes_of(path, stdin))


def load_parts(path: str, stdin: BinaryIO | None = None) -> Generator[Part, None, None]:
    """The input as it is read: a first Part soon, then larger ones, the last complete
    (one Part for every format but PDF). Each Part's text is a prefix of the next's,
    so a reader can show the first and append what each later one adds. Errors are
    those of ``load``, raised as the iterator is advanced; closing it early stops the
    reading."""
    from tread.core.sources.registry import read_parts

    yield from read_parts(*_bytes_of(path, stdin))


def _bytes_of(path: str, stdin: BinaryIO | None) -> tuple[bytes, Known]:
    from tread.core.sources.url import fetch, is_url

    if is_url(path):
        fetched = fetch(path)
        return fetched.data, fetched.known(path)
    return read_bytes(path, stdin), known_for(path)


def load_url(
    url: str, *, allow_private: bool | None = None, deadline: float | None = None
) -> Article:
    """The article at ``url``, which must be an http(s) URL: never a path, '-' or a device.

    This is the only loader for links that come from the network (a feed's entries):
    ``allow_private`` and ``deadline`` are passed to ``url.fetch``.
    """
    from tread.core.sources.registry import read_article
    from tread.core.sources.url import fetch

    fetched = fetch(url, allow_private=allow_private, deadline=deadline)
    return read_article(fetched.data, fetched.known(url))
