"""Everything the reader shows about one article, computed off the UI thread."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from tread.core.article import Article, Segmentation, Summary
from tread.core.sources import STDIN_NAME

_TITLE_MAX: Final = 90
_FIRST_SENTENCE: Final = re.compile(r"^(.{20,}?[.!?])(?:\s|$)")


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the article list needs, cheap to compute for many files."""

    path: str
    title: str
    source: str
    words: int
    error: str | None = None
    read: bool = False
    starred: bool = False

    def minutes(self, words_per_minute: int) -> int:
        return max(1, round(self.words / max(1, words_per_minute)))


@dataclass(slots=True)
class Analysis:
    article: Article
    segmentation: Segmentation
    summary: Summary | None = None
    #: the path the reader opened (``article.source`` says "<stdin>" for "-")
    path: str = ""


def guess_title(text: str, fallback: str) -> str:
    """The first line if it is short, else the start of the first sentence."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if len(line) <= _TITLE_MAX:
            return line
        m = _FIRST_SENTENCE.match(line)
        first = m.group(1) if m else line
        return first if len(first) <= _TITLE_MAX else first[: _TITLE_MAX - 1].rstrip() + "…"
    return fallback


def title_of(article: Article, fallback: str) -> str:
    """The article's title: from its source, else its title line, else a guess."""
    if article.title:
        return article.title
    from tread.core.text.segment import heading_spans, paragraph_spans

    paragraphs = paragraph_spans(article.text[:5000])
    spans = heading_spans(article.text, paragraphs)
    if spans:
        return article.text[spans[0][0] : spans[0][1]]
    return guess_title(article.text, fallback)


def source_label(path: str) -> str:
    if path == "-":
        return "standard input"
    p = Path(path)
    return p.parent.name or str(p.parent)


def info_for(article: Article, path: str) -> ArticleInfo:
    from tread.core.text.sanitize import one_line_safe

    name = STDIN_NAME if path == "-" else one_line_safe(Path(path).name)
    return ArticleInfo(
        path, title_of(article, name), one_line_safe(source_label(path)), len(article.text.split())
    )
