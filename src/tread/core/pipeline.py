"""From an Article to its analysis, in the coordinates of ``article.text``."""

from __future__ import annotations

from tread.core.article import Article, Segmentation
from tread.core.text.segment import segment


def segment_article(article: Article, language: str) -> Segmentation:
    """Segment an article, using the headings its source found when it found any.

    A text over the sentence limit is refused while it is segmented (InputTooLarge), not
    after every sentence has been found."""
    from tread.core.limits import max_sentences

    return segment(
        article.text, language, headings=article.headings or None, max_sentences=max_sentences()
    )
