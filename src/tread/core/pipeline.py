"""From an Article to its analysis, in the coordinates of ``article.text``."""

from __future__ import annotations

from tread.core.article import Article, Segmentation
from tread.core.segment import segment


def segment_article(article: Article, language: str) -> Segmentation:
    """Segment an article, using the headings its source found when it found any."""
    return segment(article.text, language, headings=article.headings or None)
