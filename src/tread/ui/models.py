"""What the reader shows about articles: a row of the article list, and one article's
analysis (computed off the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tread.core.article import Article, Segmentation, Summary
from tread.core.sources import STDIN_NAME
from tread.core.text.titles import title_of


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
