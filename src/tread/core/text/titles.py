"""An article's title when its source gave none: its title line, else a guess."""

from __future__ import annotations

import re
from typing import Final

from tread.core.article import Article

_TITLE_MAX: Final = 90
_FIRST_SENTENCE: Final = re.compile(r"^(.{20,}?[.!?])(?:\s|$)")


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
