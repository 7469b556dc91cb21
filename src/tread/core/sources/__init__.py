"""Where articles come from. Each kind of input is an entry in ``SOURCES``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Final

from tread.core.article import Article
from tread.core.envvars import env_number
from tread.core.errors import EmptyDocument, InputTooLarge, UnreadableInput
from tread.core.text.decode import decode
from tread.core.text.sanitize import sanitize

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


def _plain(text: str, name: str, encoding: str) -> Article:
    return Article(text=text, source=name, encoding=encoding)


def _markdown(text: str, name: str, encoding: str) -> Article:
    from tread.core.sources.markdown import markdown_to_text

    plain, headings = markdown_to_text(text)
    title = plain[headings[0][0] : headings[0][1]] if headings and headings[0][0] == 0 else None
    return Article(text=plain, source=name, title=title, headings=headings, encoding=encoding)


def _html(text: str, name: str, encoding: str) -> Article:
    from tread.core.sources.html import html_to_article

    return html_to_article(text, name, encoding=encoding)


#: file suffix -> how to turn decoded text into an Article
SOURCES: Final[dict[str, Callable[[str, str, str], Article]]] = {
    ".md": _markdown,
    ".markdown": _markdown,
    ".txt": _plain,
    ".html": _html,
    ".htm": _html,
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
        from tread.core.summarizers.registry import linear_algorithms

        mb = f"{limit / (1024 * 1024):g}"
        raise InputTooLarge(
            f"larger than the {mb} MB input limit (set TREAD_MAX_INPUT_MB to raise it; "
            f"{', '.join(linear_algorithms())} summarise texts up to it in linear time)"
        )
    return data


def load(path: str, stdin: BinaryIO | None = None) -> Article:
    """Read, decode, sanitise and parse one input (a file, '-' or a URL) into an Article.

    Raises UnreadableInput, InputTooLarge or EmptyDocument with a message that does not
    repeat the input's name (callers prefix it). Feeds are refused with a pointer to
    `tread add`, which reads their entries.
    """
    from tread.core.sources.url import is_url

    name = STDIN_NAME if path == "-" else path
    if is_url(path):
        return load_url(path)
    suffix = "" if path == "-" else Path(path).suffix.lower()
    return article_from(read_bytes(path, stdin), name, suffix=suffix)


def load_url(
    url: str, *, allow_private: bool | None = None, deadline: float | None = None
) -> Article:
    """The article at ``url``, which must be an http(s) URL: never a path, '-' or a device.

    This is the only loader for links that come from the network (a feed's entries):
    ``allow_private`` and ``deadline`` are passed to ``url.fetch``.
    """
    from tread.core.sources.url import fetch

    fetched = fetch(url, allow_private=allow_private, deadline=deadline)
    return article_from(
        fetched.data, url, content_type=fetched.content_type, url=url, charset=fetched.charset
    )


def article_from(
    data: bytes,
    name: str,
    *,
    suffix: str = "",
    content_type: str = "",
    url: str | None = None,
    charset: str | None = None,
) -> Article:
    """An Article from raw bytes: a text, Markdown or HTML document (not a feed).

    ``charset`` is the one a Content-Type header declared; see ``decode``.
    """
    from tread.core.sources.feed import FEED_SUFFIXES, looks_like_feed

    if suffix in FEED_SUFFIXES or looks_like_feed(data, content_type):
        raise UnreadableInput("a feed, not an article: add it with 'tread add' to read its entries")
    if "html" in content_type:
        suffix = ".html"
    text, encoding = decode(data, charset)
    kind: Callable[[str, str, str], Article]
    if suffix in (".html", ".htm") or (not suffix and _looks_like_html(text)):
        kind = _html
    else:
        text = sanitize(text)
        kind = SOURCES.get(suffix, _plain)
    if not text.strip():
        raise EmptyDocument("empty file" if not text else "no text (only whitespace)")
    article = kind(text, name, encoding)
    if url is not None:
        article = replace(article, link=url)
    if not article.text.strip():
        raise EmptyDocument("no text once the markup is removed")
    return article


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and "<body" in text[:20000].lower()
    )
