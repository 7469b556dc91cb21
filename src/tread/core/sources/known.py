"""What a reader is given besides the bytes, and what an incremental reader yields."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from tread.core.article import Article


@dataclass(frozen=True, slots=True)
class Known:
    """What is known about some bytes besides themselves."""

    #: the name shown in messages and kept as the article's source (a path, a URL, <stdin>)
    name: str
    #: the file name's suffix, lower case with its dot ("" for standard input and URLs)
    suffix: str = ""
    #: the media type a server gave, lower case, without parameters
    media_type: str = ""
    #: the charset the same Content-Type header named
    charset: str | None = None
    #: where the bytes were fetched from, after redirects
    url: str | None = None

    @classmethod
    def for_path(cls, path: str, name: str | None = None) -> Known:
        return cls(name or path, suffix=PurePath(path).suffix.lower())


@dataclass(frozen=True, slots=True)
class Part:
    """An article as far as it has been read: ``article.text`` only grows from one part
    to the next (each is a prefix of the next, ending at a paragraph), and its headings
    only gain entries, so offsets computed on a part stay valid."""

    article: Article
    #: units read (pages of a PDF), of ``total``
    done: int = 1
    total: int = 1

    @property
    def complete(self) -> bool:
        return self.done >= self.total


def metadata(article: Article) -> dict[str, str | None]:
    """What the source said about an article, as JSON records show it (None: not given)."""
    return {
        "author": article.author,
        "date": article.published,
        "site": article.site,
        "link": article.link,
    }
