"""Where articles come from. Each kind of input is an entry in ``SOURCES``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Final

from tread.core.article import Article
from tread.core.errors import EmptyDocument, InputTooLarge, UnreadableInput
from tread.core.sanitize import sanitize
from tread.core.sources.decode import decode

#: Inputs larger than this are refused up front (override with TREAD_MAX_INPUT_MB): at
#: about 2.5 s per MB for a summary, 16 MB stays well under a minute.
DEFAULT_MAX_INPUT_MB: Final = 16
STDIN_NAME: Final = "<stdin>"


def max_input_bytes() -> int:
    raw = os.environ.get("TREAD_MAX_INPUT_MB")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_INPUT_MB
    except ValueError:
        mb = DEFAULT_MAX_INPUT_MB
    return int(mb * 1024 * 1024)


def _plain(text: str, name: str, encoding: str) -> Article:
    return Article(text=text, source=name, encoding=encoding)


def _markdown(text: str, name: str, encoding: str) -> Article:
    from tread.core.sources.markdown import markdown_to_text

    plain, headings = markdown_to_text(text)
    title = plain[headings[0][0] : headings[0][1]] if headings and headings[0][0] == 0 else None
    return Article(text=plain, source=name, title=title, headings=headings, encoding=encoding)


#: file suffix -> how to turn decoded text into an Article
SOURCES: Final[dict[str, Callable[[str, str, str], Article]]] = {
    ".md": _markdown,
    ".markdown": _markdown,
    ".txt": _plain,
}


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
        except FileNotFoundError:
            raise UnreadableInput("no such file") from None
        except PermissionError:
            raise UnreadableInput("permission denied") from None
        except IsADirectoryError:
            raise UnreadableInput("is a directory") from None
        except OSError as exc:
            raise UnreadableInput(exc.strerror or "cannot be read") from None
    if len(data) > limit:
        mb = limit // (1024 * 1024)
        raise InputTooLarge(
            f"larger than the {mb} MB input limit (set TREAD_MAX_INPUT_MB to raise it; "
            "luhn, lsa, sum-basic, kl, edmundson and random summarise texts up to it "
            "in linear time)"
        )
    return data


def load(path: str, stdin: BinaryIO | None = None) -> Article:
    """Read, decode, sanitise and parse one input into an Article.

    Raises UnreadableInput, InputTooLarge or EmptyDocument with a message that does not
    repeat the input's name (callers prefix it).
    """
    name = STDIN_NAME if path == "-" else path
    text, encoding = decode(read_bytes(path, stdin))
    text = sanitize(text)
    if not text.strip():
        raise EmptyDocument("empty file" if not text else "no text (only whitespace)")
    kind = SOURCES.get(Path(path).suffix.lower(), _plain) if path != "-" else _plain
    article = kind(text, name, encoding)
    if not article.text.strip():
        raise EmptyDocument("no text once the markup is removed")
    return article
